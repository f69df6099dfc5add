namespace MutualInfo.Bounds;

/// <summary>
/// SMILE (Song and Ermon 2020): mean diag S − logmeanexp_offdiag clip(S, −τ, τ). Clipping only the partition term
/// trades bias for variance; its optimal critic is log r.
/// </summary>
public sealed class SmileBound : IBound
{
    /// <summary>The default clipping threshold τ = 5.</summary>
    public const double DefaultTau = 5.0;

    /// <summary>SMILE clipping the negatives' scores to [−τ, τ].</summary>
    public SmileBound(double tau = DefaultTau)
    {
        if (!(tau > 0.0) || double.IsPositiveInfinity(tau))
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ must be positive and finite");
        Tau = tau;
    }

    /// <summary>The clipping threshold τ.</summary>
    public double Tau { get; }

    /// <inheritdoc/>
    public string Name => "smile";

    /// <inheritdoc/>
    public string Label => $"smile(τ={TubaBound.Format(Tau)})";

    /// <inheritdoc/>
    public string Spec => Tau == DefaultTau ? Name : $"smile:tau={TubaBound.Format(Tau)}";

    /// <inheritdoc/>
    public double OptimalCriticShift => 0.0;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n)
    {
        ScoreMatrix.CheckBatch(scores, n);
        double diagonal = ScoreMatrix.DiagonalMean(scores, n);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        return diagonal - LogSumExp.OffDiagonalMeanClamped(scores, n, -Tau, Tau);
    }

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores)
    {
        ScoreMatrix.CheckSingle(scores);
        if (scores[0] == double.NegativeInfinity) return double.NegativeInfinity;
        return scores[0] - LogSumExp.MeanOfClamped(scores[1..], -Tau, Tau);
    }
}
