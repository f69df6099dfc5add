namespace MutualInfo.Bounds;

/// <summary>
/// MINE (Belghazi et al. 2018): the same value as <see cref="DonskerVaradhanBound"/>; MINE differs only in its
/// bias-corrected training gradient (a moving average in the denominator), which lives in the neural code.
/// </summary>
public sealed class MineBound : IColumnSummaryBound
{
    /// <inheritdoc/>
    public string Name => "mine";

    /// <inheritdoc/>
    public string Label => Name;

    /// <inheritdoc/>
    public string Spec => Name;

    /// <inheritdoc/>
    public double OptimalCriticShift => 0.0;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n) => DonskerVaradhanBound.Batch(scores, n);

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores) => DonskerVaradhanBound.Single(scores);

    /// <inheritdoc/>
    public double EvaluateSingleFromSummary(double positive, double logSumExpNegatives, int n) =>
        DonskerVaradhanBound.SingleFromSummary(positive, logSumExpNegatives, n);

    /// <inheritdoc/>
    public double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives) =>
        DonskerVaradhanBound.FromColumns(positives, logSumExpNegatives);
}
