namespace MutualInfo.Bounds;

/// <summary>
/// NWJ (Nguyen, Wainwright, Jordan 2010; f-GAN KL): mean diag S − e^{−1}·mean_offdiag e^{S}. Its optimal critic is
/// 1 + log r. The exponential term is formed as exp(logmeanexp − 1), so scores near 700 stay finite.
/// </summary>
public sealed class NwjBound : IColumnSummaryBound
{
    /// <inheritdoc/>
    public string Name => "nwj";

    /// <inheritdoc/>
    public string Label => Name;

    /// <inheritdoc/>
    public string Spec => Name;

    /// <inheritdoc/>
    public double OptimalCriticShift => 1.0;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n)
    {
        ScoreMatrix.CheckBatch(scores, n);
        double diagonal = ScoreMatrix.DiagonalMean(scores, n);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        return diagonal - Math.Exp(LogSumExp.OffDiagonalMean(scores, n) - 1.0);
    }

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores) => ColumnSummary.EvaluateSingle(this, scores);

    /// <inheritdoc/>
    public double EvaluateSingleFromSummary(double positive, double logSumExpNegatives, int n)
    {
        ColumnSummary.CheckSingle(positive, logSumExpNegatives, n);
        if (positive == double.NegativeInfinity) return double.NegativeInfinity;
        return positive - Math.Exp(logSumExpNegatives - Math.Log(n - 1) - 1.0);
    }

    /// <inheritdoc/>
    public double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives)
    {
        ColumnSummary.Check(positives, logSumExpNegatives);
        double diagonal = ColumnSummary.DiagonalMean(positives);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        return diagonal - Math.Exp(ColumnSummary.OffDiagonalLogMeanExp(logSumExpNegatives) - 1.0);
    }
}
