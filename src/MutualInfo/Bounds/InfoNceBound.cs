namespace MutualInfo.Bounds;

/// <summary>
/// InfoNCE (van den Oord et al. 2018), column version: log n + mean_j (S[j,j] − logsumexp_i S[i,j]), i.e. each y_j
/// against its positive and n − 1 negatives x_i. Never exceeds log n; invariant to adding any c(y_j) to column j.
/// </summary>
public sealed class InfoNceBound : IColumnSummaryBound
{
    /// <inheritdoc/>
    public string Name => "infonce";

    /// <inheritdoc/>
    public string Label => Name;

    /// <inheritdoc/>
    public string Spec => Name;

    /// <inheritdoc/>
    public double OptimalCriticShift => 0.0;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n) => ColumnSummary.EvaluateBatch(this, scores, n);

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores) => ColumnSummary.EvaluateSingle(this, scores);

    /// <inheritdoc/>
    public double EvaluateSingleFromSummary(double positive, double logSumExpNegatives, int n)
    {
        ColumnSummary.CheckSingle(positive, logSumExpNegatives, n);
        if (positive == double.NegativeInfinity) return double.NegativeInfinity;
        return Math.Log(n) + positive - LogSumExp.AddExp(positive, logSumExpNegatives);
    }

    /// <inheritdoc/>
    public double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives)
    {
        ColumnSummary.Check(positives, logSumExpNegatives);
        if (ColumnSummary.DiagonalMean(positives) == double.NegativeInfinity) return double.NegativeInfinity;
        double sum = 0.0;
        for (int j = 0; j < positives.Length; j++) sum += positives[j] - LogSumExp.AddExp(positives[j], logSumExpNegatives[j]);
        return Math.Log(positives.Length) + sum / positives.Length;
    }
}
