namespace MutualInfo.Families;

/// <summary>
/// A family that summarises the in-batch score matrix of n pairs column by column, faster than scoring it in row
/// blocks and without ever holding it: positives[j] = log r(x_j, y_j) and logSumExpNegatives[j] = log Σ_{i≠j} r(x_i, y_j).
/// </summary>
internal interface IColumnSummaryFamily
{
    /// <summary>
    /// Fills both spans (n entries; x and y hold n rows) and returns true, or returns false, leaving the spans
    /// unspecified, when this batch is outside the fast path's exact range and needs the general one.
    /// </summary>
    bool TrySummariseColumns(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> positives, Span<double> logSumExpNegatives);
}
