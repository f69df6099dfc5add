namespace MutualInfo.Bounds;

/// <summary>Shape checks and diagonal statistics shared by the batch and single-positive forms.</summary>
internal static class ScoreMatrix
{
    public static void CheckBatch(ReadOnlySpan<double> scores, int n)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "a batch needs n ≥ 2 (at least one negative)");
        if (scores.Length != (long)n * n)
            throw new ArgumentException($"expected {n}×{n} = {(long)n * n} scores, got {scores.Length}", nameof(scores));
    }

    public static void CheckSingle(ReadOnlySpan<double> scores)
    {
        if (scores.Length < 2)
            throw new ArgumentException($"need the positive and at least one negative, got {scores.Length} scores", nameof(scores));
        LogSumExp.ThrowIfIllegal(scores[0]);
    }

    /// <summary>mean_i S[i,i]; −∞ as soon as one positive is −∞.</summary>
    public static double DiagonalMean(ReadOnlySpan<double> scores, int n)
    {
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            double s = scores[i * n + i];
            LogSumExp.ThrowIfIllegal(s);
            if (s == double.NegativeInfinity) return double.NegativeInfinity;
            sum += s;
        }
        return sum / n;
    }
}
