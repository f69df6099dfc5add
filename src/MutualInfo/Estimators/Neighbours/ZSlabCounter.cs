using System.Numerics;
using System.Runtime.CompilerServices;

namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// The conditional-MI counts n_xz, n_yz, n_z when X, Y and Z are each one column, without visiting the Z-ball's
/// points one by one. The points are sorted by z, so a query's Z-ball is one run of z positions, found by two
/// galloping searches (n_z is its length). The z order is cut into slabs of equal size; within each slab the points
/// are also kept sorted by x (and, separately, by y) with their z alongside. A slab overlapping the Z-ball gives its
/// points within the radius in X by two galloping searches from where the previous query's ended (consecutive queries
/// are neighbours); if the slab lies wholly inside the Z-ball they all count, else
/// only those few X-candidates have their z tested. With a 1-d Z the Z-ball holds many points (≈ k^(1/3) n^(2/3))
/// of which few (≈ n^(1/3)) are also close in X: the work per query is a few searches plus those few tests.
/// Every test is the block scan's |v − q| ≤ radius on the same doubles (<see cref="SortedRuns"/>), hence the counts
/// equal <see cref="BlockedPoints.CountConditional"/>'s, ties included, for any slab size.
/// </summary>
internal sealed class ZSlabCounter
{
    private readonly int _slab;
    private readonly double[] _zSorted;        // z ascending
    private readonly int[] _rank;              // original index → z position
    private readonly double[] _x, _y;          // the original columns (query values)
    private readonly SlabColumn _bx, _by;      // per slab: x (y) ascending, with each point's z

    /// <summary>One column sorted within each slab, and the z of each entry.</summary>
    private sealed record SlabColumn(double[] Values, double[] Z);

    /// <summary>Sorts the one-column blocks <paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/> (n values
    /// each) into slabs of <paramref name="slabSize"/> z positions.</summary>
    public ZSlabCounter(double[] x, double[] y, double[] z, int slabSize)
    {
        int n = z.Length;
        if (x.Length != n || y.Length != n) throw new ArgumentException("x, y and z need one value per point each");
        if (slabSize < 1) throw new ArgumentOutOfRangeException(nameof(slabSize), slabSize, "a slab holds at least one point");
        (_x, _y, _slab) = (x, y, slabSize);
        (_zSorted, var order) = RadixOrder.Sort(z);
        _rank = new int[n];
        for (int p = 0; p < n; p++) _rank[order[p]] = p;
        (_bx, _by) = (Slabs(x), Slabs(y));
    }

    /// <summary>
    /// A slab size for n points and k neighbours: about half the typical Z-ball (k^(1/3) n^(2/3) points when the k
    /// nearest in 3-d span similar widths in each column), so a query meets two to four slabs. Any size gives the same
    /// counts; this one only sets the speed (measured at n = 50 000: counting took 40 ms of CPU with slabs of 1024,
    /// 65 ms with 256 or 488, and more above 2048, where the scanned candidates of the ragged ends grow).
    /// </summary>
    public static int SlabSizeFor(int n, int k) =>
        (int)Math.Clamp(Math.Cbrt(k) * Math.Pow(n, 2.0 / 3) / 2, 16, Math.Max(16, n));

    // One sort of the whole column, then each point dealt to its slab in that order: every slab comes out sorted
    // (the radix sort is precompiled or fully optimised; a generic keys-and-items sort would start unoptimised).
    private SlabColumn Slabs(double[] values)
    {
        int n = values.Length;
        var (sorted, order) = RadixOrder.Sort(values);
        var slabValues = new double[n];
        var z = new double[n];
        var next = new int[(n + _slab - 1) / _slab];
        for (int u = 0; u < next.Length; u++) next[u] = u * _slab;
        for (int r = 0; r < n; r++)
        {
            int at = _rank[order[r]];
            int slot = next[at / _slab]++;
            (slabValues[slot], z[slot]) = (sorted[r], _zSorted[at]);
        }
        return new SlabColumn(slabValues, z);
    }

    /// <summary>Search hints for one thread: where each slab's runs in X and in Y ended for the previous query.</summary>
    public int[] CreateHints() => new int[4 * ((_zSorted.Length + _slab - 1) / _slab)];

    /// <summary>
    /// Points (the query included) within <paramref name="radius"/> (max-norm, inclusive) of point
    /// <paramref name="point"/> (an original index) in (X, Z), in (Y, Z) and in Z. <paramref name="hints"/> (from
    /// <see cref="CreateHints"/>, one per thread) only speeds up queries close to the previous one: consecutive queries
    /// in a k-d tree's order find their runs a few positions from the last ones.
    /// </summary>
    public (int Nxz, int Nyz, int Nz) Count(int point, double radius, int[] hints)
    {
        int at = _rank[point];
        double qz = _zSorted[at];
        int first = SortedRuns.FirstWithin(_zSorted, qz, radius, at);
        int last = SortedRuns.LastWithin(_zSorted, qz, radius, at);
        double qx = _x[point], qy = _y[point];
        int nxz = 0, nyz = 0, n = _zSorted.Length;
        for (int start = first / _slab * _slab; start <= last; start += _slab)
        {
            int length = Math.Min(_slab, n - start);
            bool inside = first <= start && start + length - 1 <= last;
            int h = 4 * (start / _slab);
            nxz += CountInSlab(_bx, start, length, qx, qz, radius, inside, ref hints[h], ref hints[h + 1]);
            nyz += CountInSlab(_by, start, length, qy, qz, radius, inside, ref hints[h + 2], ref hints[h + 3]);
        }
        return (nxz, nyz, last - first + 1);
    }

    // The slab's points within the radius in its column; those outside the Z-ball are dropped by their z unless
    // the whole slab lies inside it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountInSlab(SlabColumn c, int start, int length, double q, double qz, double radius, bool inside, ref int from, ref int to)
    {
        SortedRuns.RunWithin(c.Values.AsSpan(start, length), q, radius, ref from, ref to);
        if (inside) return to - from;
        return CountWithin(c.Z.AsSpan(start + from, to - from), qz, radius);
    }

    // How many of the values lie within the radius of q, |v − q| ≤ radius as everywhere; whole vectors, no branches
    // (the outcome is a coin flip per value, which a branch would mispredict half the time).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountWithin(ReadOnlySpan<double> values, double q, double radius)
    {
        int j = 0, count = 0, width = Vector<double>.Count;
        if (values.Length >= width)
        {
            var (vq, vr, inside) = (new Vector<double>(q), new Vector<double>(radius), Vector<long>.Zero);
            for (; j <= values.Length - width; j += width)
                inside -= Vector.LessThanOrEqual(Vector.Abs(new Vector<double>(values[j..]) - vq), vr);
            count = (int)Vector.Sum(inside);
        }
        for (; j < values.Length; j++) count += Math.Abs(values[j] - q) <= radius ? 1 : 0;
        return count;
    }
}
