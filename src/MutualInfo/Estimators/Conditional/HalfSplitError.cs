using MutualInfo.Data;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// The half-splitting standard error used by the KSG estimators, for any point estimator of conditional data: rows
/// split at random into two disjoint halves of ⌊n/2⌋, (θ_A − θ_B)²/4 estimates Var(θ_n) in the √n regime; averaged
/// over the splits. Also the mean over the halves, whose distance from θ_n shows the finite-sample drift.
/// </summary>
internal static class HalfSplitError
{
    /// <summary>(SE, mean over halves) of <paramref name="point"/> over <paramref name="splits"/> splits; streams derive from <paramref name="seed"/>.</summary>
    public static (double StdError, double HalfMean) Measure(ConditionalSamples samples, int splits, ulong seed, Func<ConditionalSamples, ulong, double> point)
    {
        if (splits == 0) return (double.NaN, double.NaN);
        int m = samples.Count / 2;
        double sumSq = 0, sumHalves = 0;
        for (int b = 0; b < splits; b++)
        {
            var perm = Resampling.Permutation(Rng.ForStream(seed, (ulong)b + 101), samples.Count);
            double a = point(samples.Rows(perm.AsSpan(0, m)), seed + (ulong)b);
            double c = point(samples.Rows(perm.AsSpan(m, m)), seed + (ulong)b);
            sumSq += (a - c) * (a - c) / 4;
            sumHalves += a + c;
        }
        return (Math.Sqrt(sumSq / splits), sumHalves / (2 * splits));
    }

    /// <summary>t(splits − 1) for the CI half-width θ ± t·SE; NaN when there are no splits (no CI).</summary>
    public static double TQuantile(int splits) => splits >= 2 ? StudentT.Quantile975(splits - 1) : double.NaN;
}
