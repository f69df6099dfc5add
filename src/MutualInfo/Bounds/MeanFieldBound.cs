namespace MutualInfo.Bounds;

/// <summary>
/// The mean-field shortcut: InfoNCE with the negatives' sum replaced by its expectation n − 1 (E r = 1),
/// log n + mean_i (S[i,i] − logaddexp(S[i,i], log(n − 1))). Shown beside InfoNCE; it is not a bound of the same value
/// (by Jensen, averaged over random negatives it sits below InfoNCE).
/// </summary>
public sealed class MeanFieldBound : IColumnSummaryBound
{
    /// <inheritdoc/>
    public string Name => "mean-field";

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
        if (ScoreMatrix.DiagonalMean(scores, n) == double.NegativeInfinity) return double.NegativeInfinity;
        double logNegatives = Math.Log(n - 1);
        double sum = 0.0;
        for (int i = 0; i < n; i++) sum += Term(scores[i * n + i], logNegatives);
        return Math.Log(n) + sum / n;
    }

    /// <inheritdoc/>
    public double EvaluateSingle(ReadOnlySpan<double> scores)
    {
        ScoreMatrix.CheckSingle(scores);
        return Single(scores[0], scores.Length);
    }

    /// <inheritdoc/>
    public double EvaluateSingleFromSummary(double positive, double logSumExpNegatives, int n)
    {
        ColumnSummary.CheckSingle(positive, logSumExpNegatives, n);
        return Single(positive, n);
    }

    /// <summary>The negatives do not enter: their sum is replaced by its expectation n − 1.</summary>
    private static double Single(double positive, int n) => Math.Log(n) + Term(positive, Math.Log(n - 1));

    private static double Term(double positive, double logNegatives) =>
        LogSumExp.PositiveMinus(positive, LogSumExp.AddExp(positive, logNegatives));

    /// <inheritdoc/>
    public double EvaluateFromColumns(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives)
    {
        ColumnSummary.Check(positives, logSumExpNegatives);
        if (ColumnSummary.DiagonalMean(positives) == double.NegativeInfinity) return double.NegativeInfinity;
        int n = positives.Length;
        double logNegatives = Math.Log(n - 1), sum = 0.0;
        foreach (double positive in positives) sum += Term(positive, logNegatives);
        return Math.Log(n) + sum / n;
    }
}
