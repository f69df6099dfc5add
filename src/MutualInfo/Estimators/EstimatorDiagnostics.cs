using MutualInfo.Data;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators;

/// <summary>Diagnostics that apply to any <see cref="IMiEstimator"/>: permutation nulls and saturation.</summary>
public static class EstimatorDiagnostics
{
    /// <summary>Stream offset that keeps permutation draws apart from the estimator's own streams.</summary>
    private const ulong PermutationStreamBase = 1UL << 40;

    /// <summary>
    /// Adds a permutation-null p-value: the point estimate (or the estimator's cheaper
    /// <see cref="IPermutationStatistic"/>) recomputed on <paramref name="permutations"/> copies of the data with the
    /// rows of Y shuffled (X–Y pairing destroyed, marginals kept).
    /// </summary>
    public static MiEstimate WithPermutationPValue(MiEstimate estimate, IMiEstimator estimator, PairedSamples samples, int permutations, ulong seed)
    {
        if (permutations < 1) throw new ArgumentOutOfRangeException(nameof(permutations), $"must be at least 1, got {permutations}");
        Func<PairedSamples, ulong, double> statistic = estimator is IPermutationStatistic cheap ? cheap.PermutationStatistic : estimator.PointEstimate;
        double observed = estimator is IPermutationStatistic ? statistic(samples, seed) : estimate.Mi;
        double p = PermutationTest.PValue(observed, samples.Count, permutations, seed ^ PermutationStreamBase,
            (perm, r) => statistic(samples.WithYRows(perm), seed + (ulong)r + 1));
        return estimate with { PValue = p };
    }

    /// <summary>
    /// For InfoNCE-type estimators, which cannot exceed log n: a warning when the estimate is within
    /// max(0.1 nats, 2 SE) of log n, naming a batch size that would lift the ceiling 2 nats above the estimate
    /// (n ≥ e^(I + 2)); null when not saturated.
    /// </summary>
    public static string? SaturationWarning(double mi, double stdError, int n)
    {
        double cap = Math.Log(n);
        double margin = Math.Max(0.1, 2 * (double.IsFinite(stdError) ? stdError : 0));
        // A wide SE puts a small n's ceiling within "2 SE" of any value; an estimate at or below 0 is never saturated.
        if (mi <= 0 || mi < cap - margin) return null;
        double needed = Math.Ceiling(Math.Exp(mi + 2));
        return $"the estimate {mi:0.000} is within {margin:0.00} nats of its ceiling log n = {cap:0.000} (n = {n}): it is saturated and the true MI may be much larger; n ≥ {needed:0} would lift the ceiling 2 nats above the estimate";
    }
}
