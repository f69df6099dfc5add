namespace MutualInfo.Bounds;

/// <summary>
/// A bound whose batch value depends on the n×n scores only through two numbers per column j: the positive
/// S[j,j] and the log-sum-exp of its negatives, log Σ_{i≠j} e^{S[i,j]}. Such a batch can be streamed in row blocks
/// with one exponential per pair and no n×n matrix in memory (see MutualInfo.Simulation). For every S,
/// <c>EvaluateFromColumns(diag S, lse_offdiag S) == EvaluateBatch(S, n)</c> up to rounding.
/// </summary>
public interface IColumnSummaryBound : IBound
{
    /// <summary>The batch value from the column summary (n = <paramref name="positives"/>.Length ≥ 2).</summary>
    /// <param name="positives">S[j,j] for each column j.</param>
    /// <param name="logSumExpNegatives">log Σ_{i≠j} e^{S[i,j]} for each column j (−∞ when all negatives are −∞).</param>
    double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives);
}
