namespace MutualInfo.Bounds;

/// <summary>
/// A bound whose batch value depends on the n×n scores only through two numbers per column j: the positive
/// S[j,j] and the log-sum-exp of its negatives, log Σ_{i≠j} e^{S[i,j]}. Such a batch can be streamed in row blocks
/// with one exponential per pair and no n×n matrix in memory (see MutualInfo.Simulation). For every S,
/// <c>EvaluateFromColumns(diag S, lse_offdiag S) == EvaluateBatch(S, n)</c> up to rounding. The single-positive form
/// likewise depends only on the positive and the log-sum-exp of its negatives.
/// </summary>
public interface IColumnSummaryBound : IBound
{
    /// <summary>The batch value from the column summary (n = <paramref name="positives"/>.Length ≥ 2).</summary>
    /// <param name="positives">S[j,j] for each column j.</param>
    /// <param name="logSumExpNegatives">log Σ_{i≠j} e^{S[i,j]} for each column j (−∞ when all negatives are −∞).</param>
    double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives);

    /// <summary>
    /// The single-positive value (<see cref="IBound.EvaluateSingle"/>) from the positive and the log-sum-exp of its
    /// n − 1 negatives, so that one pass over a pool of negatives serves every n; equal to EvaluateSingle up to rounding.
    /// </summary>
    /// <param name="positive">f(x, y).</param>
    /// <param name="logSumExpNegatives">log Σ_k e^{f(x̄_k, y)} over the n − 1 negatives (−∞ when all are −∞).</param>
    /// <param name="n">The batch size, n ≥ 2: the positive and n − 1 negatives.</param>
    double EvaluateSingleFromSummary(double positive, double logSumExpNegatives, int n);
}
