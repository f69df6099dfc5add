namespace MutualInfo.Bounds;

/// <summary>
/// Jensen–Shannon (f-GAN) critic training, reported through NWJ. JS's optimal critic is log r while NWJ's is
/// 1 + log r, so the reported value is NWJ(S + 1) = 1 + mean diag S − mean_offdiag e^{S}; NWJ(S) would sit e⁻¹ low.
/// The JS objective itself, which is what a critic is trained on, is <see cref="TrainingObjective"/>.
/// </summary>
public sealed class JensenShannonBound : IColumnSummaryBound
{
    /// <inheritdoc/>
    public string Name => "js";

    /// <inheritdoc/>
    public string Label => Name;

    /// <inheritdoc/>
    public string Spec => Name;

    /// <inheritdoc/>
    public double OptimalCriticShift => 0.0;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n)
    {
        ScoreMatrix.CheckBatch(scores, n);
        double diagonal = ScoreMatrix.DiagonalMean(scores, n);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        return TubaBound.Value(diagonal, LogSumExp.OffDiagonalMean(scores, n), logBaseline: 0.0);
    }

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores) => ColumnSummary.EvaluateSingle(this, scores);

    /// <inheritdoc/>
    public double EvaluateSingleFromSummary(double positive, double logSumExpNegatives, int n)
    {
        ColumnSummary.CheckSingle(positive, logSumExpNegatives, n);
        if (positive == double.NegativeInfinity) return double.NegativeInfinity;
        return TubaBound.Value(positive, logSumExpNegatives - Math.Log(n - 1), logBaseline: 0.0);
    }

    /// <summary>
    /// The JS training objective on an n×n batch: mean diag(−softplus(−S)) − mean_offdiag softplus(S)
    /// (maximised by the critic; its maximiser is log r).
    /// </summary>
    public static double TrainingObjective(ReadOnlySpan<double> scores, int n)
    {
        ScoreMatrix.CheckBatch(scores, n);
        double positives = 0.0, negatives = 0.0;
        for (int i = 0; i < n; i++)
        {
            var row = scores.Slice(i * n, n);
            LogSumExp.ThrowIfIllegal(row[i]);
            positives -= Softplus(-row[i]);
            negatives += SoftplusSum(row[..i]) + SoftplusSum(row[(i + 1)..]);
        }
        return positives / n - negatives / ((double)n * (n - 1));
    }

    /// <summary>The JS training objective for one positive and its n − 1 negatives (positive first).</summary>
    public static double TrainingObjectiveSingle(ReadOnlySpan<double> scores)
    {
        ScoreMatrix.CheckSingle(scores);
        return -Softplus(-scores[0]) - SoftplusSum(scores[1..]) / (scores.Length - 1);
    }

    private static double SoftplusSum(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        foreach (double v in x)
        {
            LogSumExp.ThrowIfIllegal(v);
            sum += Softplus(v);
        }
        return sum;
    }

    /// <summary>log(1 + e^x) without overflow for large x and without losing e^x for very negative x.</summary>
    private static double Softplus(double x) =>
        x > 0.0 ? x + LogSumExp.Log1p(Math.Exp(-x)) : LogSumExp.Log1p(Math.Exp(x));

    /// <inheritdoc/>
    public double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives)
    {
        ColumnSummary.Check(positives, logSumExpNegatives);
        double diagonal = ColumnSummary.DiagonalMean(positives);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        return TubaBound.Value(diagonal, ColumnSummary.OffDiagonalLogMeanExp(logSumExpNegatives), logBaseline: 0.0);
    }
}
