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

    /// <summary>
    /// The positions [<paramref name="from"/>, <paramref name="to"/>) of the ascending <paramref name="sorted"/> values
    /// within <paramref name="radius"/> of <paramref name="q"/>. On entry the two hold any positions (clamped to [0, length]) —
    /// the previous query's answer, say: each bound is found by galloping out from its hint, so a query close to the
    /// previous one costs a few probes of cache lines just read. The result does not depend on the hints.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RunWithin(ReadOnlySpan<double> sorted, double q, double radius, ref int from, ref int to)
    {
        // First position with q − v ≤ radius (false, then true from some point on: it holds for every v ≥ q), and
        // first with v − q > radius (false up to some point: it fails for every v ≤ q).
        from = FirstTrue(sorted, from, new NotBelow(q, radius));
        to = FirstTrue(sorted, Math.Max(from, to), new Above(q, radius));
    }

    private interface IMonotone
    {
        bool At(double v);
    }

    private readonly struct NotBelow(double q, double radius) : IMonotone
    {
        public bool At(double v) => q - v <= radius;
    }

    private readonly struct Above(double q, double radius) : IMonotone
    {
        public bool At(double v) => v - q > radius;
    }

    // The first position where a monotone (false…false true…true) test holds, or the length if none, galloping
    // from `hint` in [0, length] toward it and then halving the bracket.
    private static int FirstTrue<T>(ReadOnlySpan<double> a, int hint, T test) where T : struct, IMonotone
    {
        int n = a.Length, lo, hi; // a[lo] fails (or lo = −1), a[hi] holds (or hi = n)
        hint = Math.Clamp(hint, 0, n);
        if (hint == n || test.At(a[hint]))
        {
            hi = hint;
            int step = 1;
            lo = hint - 1;
            while (lo >= 0 && test.At(a[lo]))
            {
                hi = lo;
                step <<= 1;
                lo = hint - step;
            }
            lo = Math.Max(lo, -1);
        }
        else
        {
            lo = hint;
            int step = 1;
            hi = hint + 1;
            while (hi < n && !test.At(a[hi]))
            {
                lo = hi;
                step <<= 1;
                hi = hint + step;
            }
            hi = Math.Min(hi, n);
        }
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            if (test.At(a[mid])) hi = mid; else lo = mid;
        }
        return hi;
    }
}
