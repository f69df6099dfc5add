using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// KSG neighbourhoods by exhaustive SIMD scans: the max-norm distances from a query to every point in X and in
/// Y are computed a vector of points at a time, the joint distance is their maximum, and the k nearest and the
/// marginal counts come from the same two distance buffers. O(n²·d) but with a tiny constant, it beats
/// space-partitioning when the joint dimension is high for the sample size (a k-d tree prunes little once 2^d
/// is comparable to n). Same distance arithmetic as the trees, so the counts are identical.
/// </summary>
/// <remarks>
/// Queries are processed <see cref="Group"/> at a time: each vector of point coordinates is loaded once and
/// compared with all the group's queries while their distance maxima stay in registers. Points are stored
/// in vector-sized blocks (block, dimension, lane), so one block's coordinates are contiguous.
/// </remarks>
internal sealed class BruteForceKsgNeighbourhoods : IKsgNeighbourhoods
{
    private const int Group = 4;
    private static readonly int Width = Vector<double>.Count;

    private readonly double[] _xBlocks, _yBlocks;
    private readonly double[] _x, _y;
    private readonly int _n, _blocks, _dimX, _dimY, _k;
    private readonly KsgVariant _variant;

    /// <summary>Per-thread buffers: the distances of the current query group and the counts they gave.</summary>
    private sealed class Scratch(int queries, int padded, int k)
    {
        public readonly double[][] Dx = Buffers(queries, padded), Dy = Buffers(queries, padded);
        public readonly double[] Distances = new double[queries * k];
        public readonly int[] Neighbours = new int[queries * k];
        public readonly (int Nx, int Ny)[] Counts = new (int, int)[queries];
        public int GroupStart = -1;

        private static double[][] Buffers(int count, int length) => Enumerable.Range(0, count).Select(_ => new double[length]).ToArray();
    }

    public BruteForceKsgNeighbourhoods(double[] x, double[] y, int dimX, int dimY, int k, KsgVariant variant)
    {
        (_x, _y, _dimX, _dimY, _k, _variant) = (x, y, dimX, dimY, k, variant);
        _n = x.Length / dimX;
        _blocks = (_n + Width - 1) / Width;
        _xBlocks = Blocked(x, dimX);
        _yBlocks = Blocked(y, dimY);
    }

    // (block, dimension, lane) layout; padding points sit at +∞, never a neighbour and never within a finite radius.
    private double[] Blocked(double[] rows, int dim)
    {
        var blocked = new double[_blocks * dim * Width];
        Array.Fill(blocked, double.PositiveInfinity);
        for (int i = 0; i < _n; i++)
            for (int d = 0; d < dim; d++)
                blocked[((i / Width) * dim + d) * Width + i % Width] = rows[i * dim + d];
        return blocked;
    }

    public int QueryOrder(int step) => step;

    public object CreateScratch() => new Scratch(Group, _blocks * Width, _k);

    public (int Nx, int Ny) Counts(int i, object scratch)
    {
        var s = (Scratch)scratch;
        int start = i - i % Group;
        if (s.GroupStart != start)
        {
            ProcessGroup(start, s);
            s.GroupStart = start;
        }
        return s.Counts[i - start];
    }

    // Queries start … start + 3 (the last group repeats its last query to fill the registers).
    private void ProcessGroup(int start, Scratch s)
    {
        Span<int> queries = stackalloc int[Group];
        for (int q = 0; q < Group; q++) queries[q] = Math.Min(start + q, _n - 1);
        ScanDistances(queries, s);
        for (int q = 0; q < Group && start + q < _n; q++) s.Counts[q] = CountsFor(queries[q], q, s);
    }

    // Unchecked loads and stores (Unsafe.Add on array references): bounds checks would cost as much as the
    // arithmetic in this innermost loop. Every offset stays within the padded buffers sized in the constructor.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanDistances(ReadOnlySpan<int> queries, Scratch s)
    {
        Span<double> worst = stackalloc double[Group];
        worst.Fill(double.PositiveInfinity);
        s.Distances.AsSpan().Fill(double.PositiveInfinity);
        int dimX = _dimX, dimY = _dimY, width = Vector<double>.Count;
        Span<Vector<double>> qx = stackalloc Vector<double>[Group * dimX];
        Span<Vector<double>> qy = stackalloc Vector<double>[Group * dimY];
        for (int q = 0; q < Group; q++)
        {
            for (int d = 0; d < dimX; d++) qx[q * dimX + d] = new Vector<double>(_x[queries[q] * dimX + d]);
            for (int d = 0; d < dimY; d++) qy[q * dimY + d] = new Vector<double>(_y[queries[q] * dimY + d]);
        }
        ref double xb = ref MemoryMarshal.GetArrayDataReference(_xBlocks);
        ref double yb = ref MemoryMarshal.GetArrayDataReference(_yBlocks);
        ref Vector<double> qx0 = ref MemoryMarshal.GetReference(qx), qy0 = ref MemoryMarshal.GetReference(qy);
        ref double dx0 = ref MemoryMarshal.GetArrayDataReference(s.Dx[0]), dx1 = ref MemoryMarshal.GetArrayDataReference(s.Dx[1]);
        ref double dx2 = ref MemoryMarshal.GetArrayDataReference(s.Dx[2]), dx3 = ref MemoryMarshal.GetArrayDataReference(s.Dx[3]);
        ref double dy0 = ref MemoryMarshal.GetArrayDataReference(s.Dy[0]), dy1 = ref MemoryMarshal.GetArrayDataReference(s.Dy[1]);
        ref double dy2 = ref MemoryMarshal.GetArrayDataReference(s.Dy[2]), dy3 = ref MemoryMarshal.GetArrayDataReference(s.Dy[3]);
        for (int b = 0; b < _blocks; b++)
        {
            var (x0, x1, x2, x3) = Maxima(ref Unsafe.Add(ref xb, b * dimX * width), ref qx0, dimX);
            var (y0, y1, y2, y3) = Maxima(ref Unsafe.Add(ref yb, b * dimY * width), ref qy0, dimY);
            nuint at = (nuint)(b * width);
            x0.StoreUnsafe(ref dx0, at); x1.StoreUnsafe(ref dx1, at); x2.StoreUnsafe(ref dx2, at); x3.StoreUnsafe(ref dx3, at);
            y0.StoreUnsafe(ref dy0, at); y1.StoreUnsafe(ref dy1, at); y2.StoreUnsafe(ref dy2, at); y3.StoreUnsafe(ref dy3, at);
            // Once k candidates are held, most vectors of joint distances lie entirely beyond the k-th: skip them whole.
            if (Vector.LessThanAny(Vector.MaxNative(x0, y0), new Vector<double>(worst[0]))) worst[0] = OfferBlock(queries[0], 0, (int)at, s);
            if (Vector.LessThanAny(Vector.MaxNative(x1, y1), new Vector<double>(worst[1]))) worst[1] = OfferBlock(queries[1], 1, (int)at, s);
            if (Vector.LessThanAny(Vector.MaxNative(x2, y2), new Vector<double>(worst[2]))) worst[2] = OfferBlock(queries[2], 2, (int)at, s);
            if (Vector.LessThanAny(Vector.MaxNative(x3, y3), new Vector<double>(worst[3]))) worst[3] = OfferBlock(queries[3], 3, (int)at, s);
        }
    }

    // max_d |p_d − q_d| for one block of points (dim vectors from block) against the four queries (4 × dim vectors).
    // Distances are ≥ +0 and never NaN, so the native max (one instruction) equals the IEEE maximum.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector<double>, Vector<double>, Vector<double>, Vector<double>) Maxima(ref double block, ref Vector<double> queries, int dim)
    {
        Vector<double> m0 = Vector<double>.Zero, m1 = m0, m2 = m0, m3 = m0;
        for (int d = 0; d < dim; d++)
        {
            var p = Vector.LoadUnsafe(ref block, (nuint)(d * Vector<double>.Count));
            m0 = Vector.MaxNative(m0, Vector.Abs(p - Unsafe.Add(ref queries, d)));
            m1 = Vector.MaxNative(m1, Vector.Abs(p - Unsafe.Add(ref queries, dim + d)));
            m2 = Vector.MaxNative(m2, Vector.Abs(p - Unsafe.Add(ref queries, 2 * dim + d)));
            m3 = Vector.MaxNative(m3, Vector.Abs(p - Unsafe.Add(ref queries, 3 * dim + d)));
        }
        return (m0, m1, m2, m3);
    }

    // Offers the points of one block, in index order, to query slot q's k-nearest list; returns the new k-th distance.
    private double OfferBlock(int i, int q, int at, Scratch s)
    {
        var distances = s.Distances.AsSpan(q * _k, _k);
        var neighbours = s.Neighbours.AsSpan(q * _k, _k);
        double[] dx = s.Dx[q], dy = s.Dy[q];
        for (int j = at; j < at + Width && j < _n; j++)
        {
            double dist = Math.Max(dx[j], dy[j]);
            if (dist >= distances[_k - 1] || j == i) continue;
            int slot = _k - 1;
            while (slot > 0 && distances[slot - 1] > dist)
            {
                distances[slot] = distances[slot - 1];
                neighbours[slot] = neighbours[slot - 1];
                slot--;
            }
            distances[slot] = dist;
            neighbours[slot] = j;
        }
        return distances[_k - 1];
    }

    private (int Nx, int Ny) CountsFor(int i, int q, Scratch s)
    {
        double[] dx = s.Dx[q], dy = s.Dy[q];
        if (_variant == KsgVariant.First)
        {
            double radius = KsgGeometry.StrictRadius(s.Distances[q * _k + _k - 1]);
            return (CountAtMost(dx, radius) - 1, CountAtMost(dy, radius) - 1);
        }
        double ex = 0, ey = 0;
        foreach (int j in s.Neighbours.AsSpan(q * _k, _k))
        {
            ex = Math.Max(ex, dx[j]);
            ey = Math.Max(ey, dy[j]);
        }
        return (CountAtMost(dx, ex) - 1, CountAtMost(dy, ey) - 1);
    }

    // The buffers are padded with +∞ distances, so whole vectors can be compared.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CountAtMost(double[] distances, double radius)
    {
        var rv = new Vector<double>(radius);
        var acc = Vector<long>.Zero;
        for (int j = 0; j + Width <= distances.Length; j += Width)
            acc -= Vector.LessThanOrEqual(new Vector<double>(distances, j), rv);
        return (int)Vector.Sum(acc);
    }
}
