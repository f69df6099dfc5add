namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// Radius counting for one-dimensional points: sort once, then two binary searches per query (O(log n)).
/// The predicates compare |v_j − v_i| exactly as a tree would (<see cref="SortedRuns"/>), so boundary cases agree with a k-d tree count.
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

    public int CountWithin(int point, double radius)
    {
        double q = _values[point];
        int at = _rank[point];
        return SortedRuns.LastWithin(_sorted, q, radius, at) - SortedRuns.FirstWithin(_sorted, q, radius, at) + 1;
    }
}
