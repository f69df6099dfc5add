namespace MutualInfo.Bounds;

/// <summary>
/// The leave-one-out UPPER bound (Poole et al. 2019), evaluated with the true log r:
/// mean_i (S[i,i] − logmeanexp_{j≠i} S[j,i]); its expectation is ≥ I. Single form: s₀ − logmeanexp_{k≥1} s_k.
/// </summary>
public sealed class LeaveOneOutUpperBound : IColumnSummaryBound
{
    /// <inheritdoc/>
    public string Name => "loo-upper";

    /// <inheritdoc/>
    public string Label => Name;

    /// <inheritdoc/>
    public string Spec => Name;

    /// <inheritdoc/>
    public double OptimalCriticShift => 0.0;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n) => ColumnSummary.EvaluateBatch(this, scores, n);

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores) => DonskerVaradhanBound.Single(scores);

    /// <inheritdoc/>
    public double EvaluateSingleFromSummary(double positive, double logSumExpNegatives, int n) =>
        DonskerVaradhanBound.SingleFromSummary(positive, logSumExpNegatives, n);

    /// <inheritdoc/>
    public double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives)
    {
        ColumnSummary.Check(positives, logSumExpNegatives);
        if (ColumnSummary.DiagonalMean(positives) == double.NegativeInfinity) return double.NegativeInfinity;
        double sum = 0.0;
        for (int j = 0; j < positives.Length; j++) sum += positives[j] - logSumExpNegatives[j];
        return sum / positives.Length + Math.Log(positives.Length - 1);
    }
}
