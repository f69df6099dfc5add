using System.Runtime.CompilerServices;

namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// Searches over ascending doubles for the values within a radius of a query: |v − q| ≤ radius, computed as q − v left
/// of the query and v − q right of it (both equal |v − q| exactly). Subtraction rounds monotonically, so the values
/// passing the test form one contiguous run of the sorted array, and a boundary search finds exactly the points an
/// exhaustive scan would count.
/// </summary>
internal static class SortedRuns
{
    /// <summary>
    /// The first position of the run around <paramref name="at"/> (which holds <paramref name="q"/>) within the
    /// radius. Galloping outward from the query's own position: neighbourhoods are small, so this touches a few
    /// nearby cache lines (O(log count)) instead of a full binary search.
    /// </summary>
    public static int FirstWithin(double[] sorted, double q, double radius, int at)
    {
        int step = 1, inside = at, lo = at - 1;
        while (lo >= 0 && q - sorted[lo] <= radius)
        {
            inside = lo;
            step <<= 1;
            lo = at - step;
        }
        // Now `inside` is inside and every position ≤ max(lo, −1) is outside: binary search between.
        int outside = Math.Max(lo, -1);
        while (inside - outside > 1)
        {
            int mid = (inside + outside) >>> 1;
            if (q - sorted[mid] <= radius) inside = mid; else outside = mid;
        }
        return inside;
    }

    /// <summary>The last position of the run around <paramref name="at"/> within the radius (see <see cref="FirstWithin"/>).</summary>
    public static int LastWithin(double[] sorted, double q, double radius, int at)
    {
        int step = 1, inside = at, hi = at + 1, n = sorted.Length;
        while (hi < n && sorted[hi] - q <= radius)
        {
            inside = hi;
            step <<= 1;
            hi = at + step;
        }
        int outside = Math.Min(hi, n);
        while (outside - inside > 1)
        {
            int mid = (inside + outside) >>> 1;
            if (sorted[mid] - q <= radius) inside = mid; else outside = mid;
        }
        return inside;
    }

    /// <summary>The positions [From, To) of the ascending <paramref name="sorted"/> values within <paramref name="radius"/> of <paramref name="q"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int From, int To) RunWithin(ReadOnlySpan<double> sorted, double q, double radius)
    {
        // First position with q − v ≤ radius (true from some point on: it holds for every v ≥ q) and first with
        // v − q > radius (false up to some point: it fails for every v ≤ q); the run lies between. Branch-free halving.
        int below = 0, above = 0;
        for (int length = sorted.Length; length > 1; length -= length >> 1)
        {
            int half = length >> 1;
            below = q - sorted[below + half - 1] > radius ? below + half : below;
            above = sorted[above + half - 1] - q <= radius ? above + half : above;
        }
        if (sorted.Length > 0)
        {
            if (q - sorted[below] > radius) below++;
            if (sorted[above] - q <= radius) above++;
        }
        return (below, above);
    }
}
