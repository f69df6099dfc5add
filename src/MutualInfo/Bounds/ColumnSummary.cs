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
}
