namespace MutualInfo.Bounds;

/// <summary>
/// Donsker–Varadhan: mean diag S − logmeanexp_offdiag S. Not a true lower bound in finite samples (the log of a
/// sample mean is biased); its optimal critic is log r + c.
/// </summary>
public sealed class DonskerVaradhanBound : IColumnSummaryBound
{
    /// <inheritdoc/>
    public string Name => "dv";

    /// <inheritdoc/>
    public string Label => Name;

    /// <inheritdoc/>
    public string Spec => Name;

    /// <inheritdoc/>
    public double OptimalCriticShift => 0.0;

    /// <inheritdoc/>
    public double EvaluateBatch(ReadOnlySpan<double> scores, int n) => Batch(scores, n);

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores) => Single(scores);

    internal static double Batch(ReadOnlySpan<double> scores, int n)
    {
        ScoreMatrix.CheckBatch(scores, n);
        double diagonal = ScoreMatrix.DiagonalMean(scores, n);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        return diagonal - LogSumExp.OffDiagonalMean(scores, n);
    }

    internal static double Single(ReadOnlySpan<double> scores)
    {
        ScoreMatrix.CheckSingle(scores);
        if (scores[0] == double.NegativeInfinity) return double.NegativeInfinity;
        return SingleFromSummary(scores[0], LogSumExp.Of(scores[1..]), scores.Length);
    }

    /// <inheritdoc/>
    public double EvaluateSingleFromSummary(double positive, double logSumExpNegatives, int n) =>
        SingleFromSummary(positive, logSumExpNegatives, n);

    /// <summary>positive − log mean exp of the n − 1 negatives.</summary>
    internal static double SingleFromSummary(double positive, double logSumExpNegatives, int n)
    {
        ColumnSummary.CheckSingle(positive, logSumExpNegatives, n);
        return LogSumExp.PositiveMinus(positive, logSumExpNegatives - Math.Log(n - 1));
    }

    /// <inheritdoc/>
    public double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives) =>
        FromColumns(positives, logSumExpNegatives);

    internal static double FromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives)
    {
        ColumnSummary.Check(positives, logSumExpNegatives);
        double diagonal = ColumnSummary.DiagonalMean(positives);
        if (diagonal == double.NegativeInfinity) return double.NegativeInfinity;
        return diagonal - ColumnSummary.OffDiagonalLogMeanExp(logSumExpNegatives);
    }
}
