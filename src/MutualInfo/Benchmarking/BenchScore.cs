namespace MutualInfo.Benchmarking;

/// <summary>
/// BMI's scoring of an estimate against the truth (Czyż et al. 2023): the log ratio log(estimate / truth), clipped to
/// [−1, 1] (the colour of the paper's heatmaps), and "close" meaning |log ratio| &lt; log 1.5 (the estimate is within
/// a factor 1.5 of the truth).
/// </summary>
/// <remarks>
/// Edge cases, decided here once: a truth of 0 has no ratio, so the score is undefined (NaN; JSON null) whatever the
/// estimate, and such cells never count as "close" (their bias is still reported); an estimate ≤ 0 against a positive
/// truth has log ratio −∞ and scores −1 (it carries no information about the dependence, the worst underestimate);
/// a NaN estimate scores NaN.
/// </remarks>
internal static class BenchScore
{
    /// <summary>The clipping bound of the score: |score| ≤ 1.</summary>
    public const double Clip = 1.0;

    /// <summary>log 1.5: an estimate is "close" when |log(estimate / truth)| is below it.</summary>
    public static readonly double CloseLogRatio = Math.Log(1.5);

    /// <summary>log(estimate / truth) unclipped: −∞ for an estimate ≤ 0, NaN when the truth is 0 or either is NaN.</summary>
    public static double LogRatio(double estimate, double truth)
    {
        if (double.IsNaN(estimate) || !(truth > 0) || !double.IsFinite(truth)) return double.NaN;
        return estimate <= 0 ? double.NegativeInfinity : Math.Log(estimate / truth);
    }

    /// <summary>The heatmap score: <see cref="LogRatio"/> clipped to [−1, 1] (NaN stays NaN).</summary>
    public static double Clipped(double estimate, double truth)
    {
        double r = LogRatio(estimate, truth);
        return double.IsNaN(r) ? double.NaN : Math.Clamp(r, -Clip, Clip);
    }

    /// <summary>Whether the estimate is within a factor 1.5 of a positive truth.</summary>
    public static bool IsClose(double estimate, double truth) => Math.Abs(LogRatio(estimate, truth)) < CloseLogRatio;

    /// <summary>Whether [low, high] contains the truth; null when the estimator reported no interval (either end NaN).</summary>
    public static bool? CiCovers(double low, double high, double truth) =>
        double.IsNaN(low) || double.IsNaN(high) || double.IsNaN(truth) ? null : low <= truth && truth <= high;
}
