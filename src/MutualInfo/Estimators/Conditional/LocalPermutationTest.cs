using MutualInfo.Data;
using MutualInfo.Estimators.Neighbours;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// The conditional-independence test of Runge (2018, "CMIknn"): X is permuted only among rows with nearby Z, so the
/// null keeps the X–Z and Y–Z dependence and destroys only what X tells about Y beyond Z (a global shuffle would
/// test X ⊥ (Y, Z) instead, the wrong null). Each row i draws its new X from its neighbourhood in Z (i itself and
/// its <c>kPerm</c> nearest neighbours under the max-norm), preferring rows not yet used, in a random visiting
/// order. A discrete Z stratifies exactly: X is shuffled within each stratum. Without Z it is the ordinary shuffle.
/// p = (1 + #{null ≥ observed}) / (1 + K).
/// </summary>
internal static class LocalPermutationTest
{
    /// <summary>Neighbours in Z (besides the row itself) that a row may take its X from, as in Runge's CMIknn default.</summary>
    public const int DefaultNeighbours = 5;

    /// <summary>The p-value of <paramref name="observed"/> against <paramref name="permutations"/> local permutations.</summary>
    public static double PValue(ICmiEstimator estimator, ConditionalSamples samples, double observed, int permutations, ulong seed, int kPerm = DefaultNeighbours) =>
        PValueFrom(Nulls(estimator, samples, permutations, seed, kPerm), observed);

    /// <summary>The statistic on <paramref name="permutations"/> locally permuted copies of the data.</summary>
    public static double[] Nulls(ICmiEstimator estimator, ConditionalSamples samples, int permutations, ulong seed, int kPerm = DefaultNeighbours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        var sampler = Sampler(samples, kPerm);
        var nulls = new double[permutations];
        for (int r = 0; r < permutations; r++)
            nulls[r] = estimator.PointEstimate(samples.WithXRows(sampler(Rng.ForStream(seed, (ulong)r + 50_000))), seed);
        return nulls;
    }

    /// <summary>(1 + #{null ≥ observed}) / (1 + K).</summary>
    public static double PValueFrom(IReadOnlyList<double> nulls, double observed) => (1.0 + nulls.Count(v => v >= observed)) / (1.0 + nulls.Count);

    /// <summary>A function drawing one local permutation (row i takes X from row result[i]).</summary>
    internal static Func<Rng, int[]> Sampler(ConditionalSamples samples, int kPerm)
    {
        int n = samples.Count;
        if (samples.Z.Dim == 0) return rng => Resampling.Permutation(rng, n);
        if (samples.Z.AllDiscrete) return Stratified(Strata.Of(samples.Z));
        var neighbourhoods = Neighbourhoods(samples.Z, Math.Min(kPerm, n - 1));
        return rng => Draw(neighbourhoods, rng);
    }

    private static Func<Rng, int[]> Stratified(int[] stratum)
    {
        var groups = Enumerable.Range(0, stratum.Length).GroupBy(i => stratum[i]).Select(g => g.ToArray()).ToArray();
        return rng =>
        {
            var source = new int[stratum.Length];
            foreach (var rows in groups)
            {
                var perm = Resampling.Permutation(rng, rows.Length);
                for (int a = 0; a < rows.Length; a++) source[rows[a]] = rows[perm[a]];
            }
            return source;
        };
    }

    private static int[][] Neighbourhoods(ConditionalSamples.Block z, int k)
    {
        var tree = new KdTree(z.Values, z.Dim);
        var result = new int[z.Count][];
        Parallel.For(0, z.Count, () => (new double[k], new int[k]), (i, _, scratch) =>
        {
            tree.NearestNeighbours(i, scratch.Item1, scratch.Item2);
            result[i] = [i, .. scratch.Item2];
            return scratch;
        }, _ => { });
        return result;
    }

    private static int[] Draw(int[][] neighbourhoods, Rng rng)
    {
        int n = neighbourhoods.Length;
        var order = Resampling.Permutation(rng, n);
        var used = new bool[n];
        var source = new int[n];
        foreach (int i in order)
        {
            var candidates = neighbourhoods[i];
            int start = rng.NextInt(candidates.Length), chosen = -1;
            for (int a = 0; a < candidates.Length && chosen < 0; a++)
            {
                int j = candidates[(start + a) % candidates.Length];
                if (!used[j]) chosen = j;
            }
            if (chosen < 0) chosen = candidates[rng.NextInt(candidates.Length)];
            used[chosen] = true;
            source[i] = chosen;
        }
        return source;
    }
}
