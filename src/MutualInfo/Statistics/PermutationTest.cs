using MutualInfo.Randomness;

namespace MutualInfo.Statistics;

/// <summary>
/// A one-sided permutation test of independence: the statistic is recomputed with the pairing destroyed by
/// random permutations, and p = (1 + #{null ≥ observed}) / (1 + K), which is a valid p-value for any K.
/// </summary>
internal static class PermutationTest
{
    /// <summary>
    /// The p-value of <paramref name="observed"/> against <paramref name="permutations"/> values of
    /// <paramref name="statistic"/> (called with a permutation of 0…n−1 and the replicate index; each
    /// replicate uses its own stream of <paramref name="seed"/>, so the result does not depend on threads).
    /// </summary>
    public static double PValue(double observed, int n, int permutations, ulong seed, Func<int[], int, double> statistic, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        var nulls = new double[permutations];
        Parallel.For(0, permutations, new ParallelOptions { MaxDegreeOfParallelism = threads }, r =>
            nulls[r] = statistic(Resampling.Permutation(Rng.ForStream(seed, (ulong)r), n), r));
        int atLeast = nulls.Count(v => v >= observed);
        return (1.0 + atLeast) / (1.0 + permutations);
    }
}
