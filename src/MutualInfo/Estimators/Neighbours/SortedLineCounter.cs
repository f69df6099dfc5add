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
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        _sorted = (double[])values.Clone();
        Array.Sort(_sorted, order);
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

    // Left of the query, q − v_j decreases with j (subtraction rounds monotonically), so "inside" is monotone.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FirstInside(double q, double radius, int at)
    {
        int lo = 0, hi = at;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Inside(q - _sorted[mid], radius)) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LastInside(double q, double radius, int at)
    {
        int lo = at, hi = _sorted.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (Inside(_sorted[mid] - q, radius)) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
