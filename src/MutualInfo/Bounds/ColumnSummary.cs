using System.Buffers;

namespace MutualInfo.Bounds;

/// <summary>Checks and reductions shared by the <see cref="IColumnSummaryBound"/> implementations.</summary>
internal static class ColumnSummary
{
    public static void Check(ReadOnlySpan<double> positives, ReadOnlySpan<double> logSumExpNegatives)
    {
        if (positives.Length < 2) throw new ArgumentException($"a batch needs n ≥ 2 columns, got {positives.Length}");
        if (logSumExpNegatives.Length != positives.Length)
            throw new ArgumentException($"{positives.Length} positives but {logSumExpNegatives.Length} negative sums");
    }

    /// <summary>Checks the arguments of <see cref="IColumnSummaryBound.EvaluateSingleFromSummary"/>.</summary>
    public static void CheckSingle(double positive, double logSumExpNegatives, int n)
    {
        if (n < 2) throw new ArgumentException($"need the positive and at least one negative, got n = {n}");
        LogSumExp.ThrowIfIllegal(positive);
        LogSumExp.ThrowIfIllegal(logSumExpNegatives);
    }

    /// <summary>
    /// The single-positive value of a column-summary bound through its summary form, so both share one formula:
    /// a −∞ positive gives −∞ without looking at the negatives (the convention of <see cref="IBound"/>).
    /// </summary>
    public static double EvaluateSingle(IColumnSummaryBound bound, ReadOnlySpan<double> scores)
    {
        ScoreMatrix.CheckSingle(scores);
        if (scores[0] == double.NegativeInfinity) return double.NegativeInfinity;
        return bound.EvaluateSingleFromSummary(scores[0], LogSumExp.Of(scores[1..]), scores.Length);
    }

    /// <summary>Mean of the positives; −∞ as soon as one is −∞ (the batch-form convention).</summary>
    public static double DiagonalMean(ReadOnlySpan<double> positives)
    {
        double sum = 0.0;
        foreach (double s in positives)
        {
            LogSumExp.ThrowIfIllegal(s);
            if (s == double.NegativeInfinity) return double.NegativeInfinity;
            sum += s;
        }
        return sum / positives.Length;
    }

    /// <summary>log mean over the n(n − 1) off-diagonal entries of e^S.</summary>
    public static double OffDiagonalLogMeanExp(ReadOnlySpan<double> logSumExpNegatives)
    {
        double n = logSumExpNegatives.Length;
        return LogSumExp.Of(logSumExpNegatives) - Math.Log(n * (n - 1));
    }

    /// <summary>
    /// The batch value of a column-summary bound, computed by summarising the n×n matrix (diagonal and per-column
    /// log-sum-exp of the negatives) and handing the summary to <see cref="IColumnSummaryBound.EvaluateFromColumns"/>,
    /// so the batch and summary forms share one formula.
    /// </summary>
    public static double EvaluateBatch(IColumnSummaryBound bound, ReadOnlySpan<double> scores, int n)
    {
        ScoreMatrix.CheckBatch(scores, n);
        if (ScoreMatrix.DiagonalMean(scores, n) == double.NegativeInfinity) return double.NegativeInfinity;
        double[] rented = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            Span<double> positives = rented.AsSpan(0, n), negatives = rented.AsSpan(n, n);
            for (int j = 0; j < n; j++) positives[j] = scores[j * n + j];
            LogSumExp.Columns(scores, n, excludeDiagonal: true, negatives);
            return bound.EvaluateFromColumns(positives, negatives);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}
