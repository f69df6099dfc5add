using System.Runtime.CompilerServices;
namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// Radius counting for one-dimensional points: sort once, then two binary searches per query (O(log n)).
/// The predicates compare |v_j − v_i| exactly as a tree would, so boundary cases agree with a k-d tree count.
/// </summary>
internal sealed class SortedLineCounter : IRadiusCounter
{
    private readonly double[] _values;
    private readonly double[] _sorted;
    private readonly int[] _rank;

    public SortedLineCounter(double[] values)
    {
        _values = values;
        int n = values.Length;
        (_sorted, var order) = RadixOrder.Sort(values);
        _rank = new int[n];
        for (int r = 0; r < n; r++) _rank[order[r]] = r;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CountWithin(int point, double radius)
    {
        double q = _values[point];
        int at = _rank[point];
        int first = FirstInside(q, radius, at);
        int last = LastInside(q, radius, at);
        return last - first + 1;
    }

    private static bool Inside(double distance, double radius) => distance <= radius;

    // Galloping search outward from the query's own rank: neighbourhoods are small, so this touches a few
    // nearby cache lines (O(log count)) instead of a full binary search over the array.
    // Left of the query, q − v_j decreases with j (subtraction rounds monotonically), so "inside" is monotone.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FirstInside(double q, double radius, int at)
    {
        int step = 1, inside = at, lo = at - 1;
        while (lo >= 0 && Inside(q - _sorted[lo], radius))
        {
            inside = lo;
            step <<= 1;
            lo = at - step;
        }
        // Now inside is inside and every index ≤ max(lo, −1) is outside (or lo < 0): binary search between.
        int outside = Math.Max(lo, -1);
        while (inside - outside > 1)
        {
            int mid = (inside + outside) >>> 1;
            if (Inside(q - _sorted[mid], radius)) inside = mid; else outside = mid;
        }
        return inside;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LastInside(double q, double radius, int at)
    {
        int step = 1, inside = at, hi = at + 1, n = _sorted.Length;
        while (hi < n && Inside(_sorted[hi] - q, radius))
        {
            inside = hi;
            step <<= 1;
            hi = at + step;
        }
        int outside = Math.Min(hi, n);
        while (outside - inside > 1)
        {
            int mid = (inside + outside) >>> 1;
            if (Inside(_sorted[mid] - q, radius)) inside = mid; else outside = mid;
        }
        return inside;
    }
}
