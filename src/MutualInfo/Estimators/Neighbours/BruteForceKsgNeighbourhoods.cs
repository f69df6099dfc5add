using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// KSG neighbourhoods by SIMD scans over blocks of points, for high joint dimension at moderate n, where a k-d
/// tree's recursion prunes too little to pay for itself. Points are stored in k-d tree order, cut into blocks of
/// <see cref="BlockSize"/> with bounding boxes in X and in Y, each block laid out dimension by dimension so one
/// vector holds one coordinate of several points. Per query, the max-norm lower bounds to all boxes are computed
/// (vectorised over blocks); only blocks that can hold one of the k nearest (first pass, joint space) or a point
/// inside the marginal radius (second pass, n_x and n_y) are scanned. A skipped block provably contributes
/// nothing and the distance arithmetic is the trees' (max_d |a_d − b_d|), so the counts are exactly those of an
/// exhaustive search.
/// </summary>
internal sealed class BruteForceKsgNeighbourhoods : IKsgNeighbourhoods
{
    private const int BlockSize = 16;
    private static int Lanes => Vector<double>.Count;

    private readonly int _n, _dimX, _dimY, _k, _blocks, _paddedBlocks;
    private readonly KsgVariant _variant;
    private readonly int[] _order, _position;   // tree position → original index, and back
    private readonly double[] _xRows, _yRows;   // rows in tree order (query coordinates)
    private readonly double[] _xBlocks, _yBlocks; // (block, dimension, point in block)
    private readonly double[] _loX, _hiX, _loY, _hiY; // box bounds, dimension * paddedBlocks + block

    /// <summary>Per-thread buffers.</summary>
    private sealed class Scratch(int paddedBlocks, int k)
    {
        public readonly double[] LowerX = new double[paddedBlocks], LowerY = new double[paddedBlocks];
        public readonly double[] Distances = new double[k];
        public readonly int[] Neighbours = new int[k]; // tree positions
    }

    public BruteForceKsgNeighbourhoods(double[] x, double[] y, int dimX, int dimY, int k, KsgVariant variant)
    {
        (_dimX, _dimY, _k, _variant) = (dimX, dimY, k, variant);
        _n = x.Length / dimX;
        var tree = new KdTree(KsgGeometry.Interleave(x, y, dimX, dimY), dimX + dimY);
        _order = new int[_n];
        _position = new int[_n];
        for (int p = 0; p < _n; p++)
        {
            _order[p] = tree.OriginalIndex(p);
            _position[_order[p]] = p;
        }
        _blocks = (_n + BlockSize - 1) / BlockSize;
        _paddedBlocks = (_blocks + Lanes - 1) / Lanes * Lanes;
        _xRows = InTreeOrder(x, dimX);
        _yRows = InTreeOrder(y, dimY);
        _xBlocks = Blocked(_xRows, dimX);
        _yBlocks = Blocked(_yRows, dimY);
        (_loX, _hiX) = Boxes(_xRows, dimX);
        (_loY, _hiY) = Boxes(_yRows, dimY);
    }

    private double[] InTreeOrder(double[] rows, int dim)
    {
        var ordered = new double[rows.Length];
        for (int p = 0; p < _n; p++) Array.Copy(rows, _order[p] * dim, ordered, p * dim, dim);
        return ordered;
    }

    // Padding points (the last block's tail) sit at +∞: never a neighbour (∞ is not < any k-th distance), never within a radius.
    private double[] Blocked(double[] rows, int dim)
    {
        var blocked = new double[_blocks * dim * BlockSize];
        Array.Fill(blocked, double.PositiveInfinity);
        for (int p = 0; p < _n; p++)
            for (int d = 0; d < dim; d++)
                blocked[(p / BlockSize * dim + d) * BlockSize + p % BlockSize] = rows[p * dim + d];
        return blocked;
    }

    // Padding blocks get an empty box at +∞, so their lower bound is +∞ and they are never scanned.
    private (double[] Lo, double[] Hi) Boxes(double[] rows, int dim)
    {
        var lo = new double[dim * _paddedBlocks];
        var hi = new double[dim * _paddedBlocks];
        Array.Fill(lo, double.PositiveInfinity);
        Array.Fill(hi, double.PositiveInfinity);
        for (int b = 0; b < _blocks; b++)
            for (int d = 0; d < dim; d++)
            {
                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                for (int p = b * BlockSize; p < Math.Min(_n, (b + 1) * BlockSize); p++)
                {
                    double v = rows[p * dim + d];
                    if (v < min) min = v;
                    if (v > max) max = v;
                }
                (lo[d * _paddedBlocks + b], hi[d * _paddedBlocks + b]) = (min, max);
            }
        return (lo, hi);
    }

    public int QueryOrder(int step) => _order[step];

    public object CreateScratch() => new Scratch(_paddedBlocks, _k);

    // Fully optimised from the first call (as every per-query method here): a CLI run is over before tiered JIT would step in.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int Nx, int Ny) Counts(int i, object scratch)
    {
        var s = (Scratch)scratch;
        int self = _position[i];
        ReadOnlySpan<double> qx = _xRows.AsSpan(self * _dimX, _dimX), qy = _yRows.AsSpan(self * _dimY, _dimY);
        LowerBounds(_loX, _hiX, qx, s.LowerX);
        LowerBounds(_loY, _hiY, qy, s.LowerY);
        NearestInJoint(self, qx, qy, s);
        double rx, ry;
        if (_variant == KsgVariant.First) rx = ry = KsgGeometry.StrictRadius(s.Distances[_k - 1]);
        else
        {
            (rx, ry) = (0, 0);
            foreach (int p in s.Neighbours)
            {
                rx = Math.Max(rx, KsgGeometry.MaxNormDistance(_xRows, _dimX, self, p));
                ry = Math.Max(ry, KsgGeometry.MaxNormDistance(_yRows, _dimY, self, p));
            }
        }
        // The counts include the query itself (distance 0 ≤ radius).
        return (CountWithin(_xBlocks, qx, s.LowerX, rx) - 1, CountWithin(_yBlocks, qy, s.LowerY, ry) - 1);
    }

    // lower[b] = max_d max(lo_d − q_d, q_d − hi_d): no point of block b is closer than this (≤ 0 inside the box).
    // Exact in floating point: lo ≤ v implies fl(lo − q) ≤ fl(v − q), rounding being monotone.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LowerBounds(double[] lo, double[] hi, ReadOnlySpan<double> q, double[] lower)
    {
        var bounds = MemoryMarshal.Cast<double, Vector<double>>(lower.AsSpan());
        var los = MemoryMarshal.Cast<double, Vector<double>>(lo.AsSpan());
        var his = MemoryMarshal.Cast<double, Vector<double>>(hi.AsSpan());
        int vectors = bounds.Length;
        for (int v = 0; v < vectors; v++) bounds[v] = new Vector<double>(double.NegativeInfinity);
        for (int d = 0; d < q.Length; d++)
        {
            var qd = new Vector<double>(q[d]);
            var l = los.Slice(d * vectors, vectors);
            var h = his.Slice(d * vectors, vectors);
            for (int v = 0; v < vectors; v++) bounds[v] = Vector.MaxNative(bounds[v], Vector.MaxNative(l[v] - qd, qd - h[v]));
        }
    }

    // The k nearest in the joint space; the query's own block first, so the k-th distance is small before the
    // other blocks are tested against it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void NearestInJoint(int self, ReadOnlySpan<double> qx, ReadOnlySpan<double> qy, Scratch s)
    {
        for (int r = 0; r < _k; r++) s.Distances[r] = double.PositiveInfinity;
        double worst = double.PositiveInfinity;
        int own = self / BlockSize;
        worst = ScanBlock(own, self, qx, qy, worst, s);
        double[] lowerX = s.LowerX, lowerY = s.LowerY;
        for (int b = 0; b < _blocks; b++)
            if (b != own && lowerX[b] < worst && lowerY[b] < worst) worst = ScanBlock(b, self, qx, qy, worst, s);
    }

    // Joint distances of the block's points (four vectors of Lanes points), offered in index order; returns the k-th distance.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ScanBlock(int block, int self, ReadOnlySpan<double> qx, ReadOnlySpan<double> qy, double worst, Scratch s)
    {
        Span<Vector<double>> joint = stackalloc Vector<double>[BlockSize / Vector<double>.Count];
        BlockDistances(_xBlocks, block, qx, joint, first: true);
        BlockDistances(_yBlocks, block, qy, joint, first: false);
        var bound = new Vector<double>(worst);
        for (int v = 0; v < joint.Length; v++)
        {
            if (!Vector.LessThanAny(joint[v], bound)) continue;
            for (int l = 0; l < Lanes; l++)
            {
                int p = block * BlockSize + v * Lanes + l;
                double dist = joint[v][l];
                if (dist < worst && p != self) worst = NearestList.Insert(dist, p, s.Distances, s.Neighbours);
            }
            bound = new Vector<double>(worst);
        }
        return worst;
    }

    // dist[v] = max over dimensions of |p − q| for the block's points (first: start from these; else max into dist).
    // Distances are ≥ +0 and never NaN, so the native max (one instruction) equals the IEEE maximum.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockDistances(double[] blocks, int block, ReadOnlySpan<double> q, Span<Vector<double>> dist, bool first)
    {
        int width = Vector<double>.Count, perDim = BlockSize / width;
        ref Vector<double> start = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetArrayDataReference(blocks));
        ref Vector<double> at = ref Unsafe.Add(ref start, block * q.Length * perDim);
        if (perDim == 4)
        {
            // The common case (AVX2: 4 lanes): four independent dependency chains kept in registers.
            Vector<double> d0 = first ? Vector<double>.Zero : dist[0], d1 = first ? Vector<double>.Zero : dist[1];
            Vector<double> d2 = first ? Vector<double>.Zero : dist[2], d3 = first ? Vector<double>.Zero : dist[3];
            for (int d = 0; d < q.Length; d++)
            {
                var qd = new Vector<double>(q[d]);
                ref Vector<double> row = ref Unsafe.Add(ref at, d * 4);
                d0 = Vector.MaxNative(d0, Vector.Abs(row - qd));
                d1 = Vector.MaxNative(d1, Vector.Abs(Unsafe.Add(ref row, 1) - qd));
                d2 = Vector.MaxNative(d2, Vector.Abs(Unsafe.Add(ref row, 2) - qd));
                d3 = Vector.MaxNative(d3, Vector.Abs(Unsafe.Add(ref row, 3) - qd));
            }
            (dist[0], dist[1], dist[2], dist[3]) = (d0, d1, d2, d3);
            return;
        }
        if (first) dist.Clear();
        for (int d = 0; d < q.Length; d++)
        {
            var qd = new Vector<double>(q[d]);
            for (int v = 0; v < perDim; v++) dist[v] = Vector.MaxNative(dist[v], Vector.Abs(Unsafe.Add(ref at, d * perDim + v) - qd));
        }
    }

    // Points (the query included) within the radius; blocks whose box lies beyond it are skipped.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountWithin(double[] blocks, ReadOnlySpan<double> q, double[] lower, double radius)
    {
        Span<Vector<double>> dist = stackalloc Vector<double>[BlockSize / Vector<double>.Count];
        var r = new Vector<double>(radius);
        var count = Vector<long>.Zero;
        for (int b = 0; b < _blocks; b++)
        {
            if (lower[b] > radius) continue;
            BlockDistances(blocks, b, q, dist, first: true);
            for (int v = 0; v < dist.Length; v++) count -= Vector.LessThanOrEqual(dist[v], r);
        }
        return (int)Vector.Sum(count);
    }
}
