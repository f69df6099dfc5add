using MutualInfo.Randomness;

namespace MutualInfo.Statistics;

/// <summary>Index draws for resampling schemes: permutations, splits and bootstrap resamples.</summary>
internal static class Resampling
{
    /// <summary>A uniformly random permutation of 0 … n−1 (Fisher–Yates).</summary>
    public static int[] Permutation(Rng rng, int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    /// <summary>n indexes drawn uniformly with replacement from 0 … n−1 (a bootstrap resample).</summary>
    public static int[] WithReplacement(Rng rng, int n)
    {
        var r = new int[n];
        for (int i = 0; i < n; i++) r[i] = rng.NextInt(n);
        return r;
    }
}
