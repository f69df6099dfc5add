using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// KSG neighbourhoods by exhaustive SIMD scans: per query, the max-norm distances to every point in X and in
/// Y are computed column by column (vectorised), the joint distance is their maximum, and the k nearest and
/// the marginal counts come from the same two distance buffers. O(n²·d) but with a tiny constant, it beats
/// space-partitioning when the joint dimension is high for the sample size (a k-d tree prunes little once 2^d
/// is comparable to n). Same distance arithmetic as the trees, so the counts are identical.
/// </summary>
internal sealed class BruteForceKsgNeighbourhoods : IKsgNeighbourhoods
{
    private readonly double[][] _xColumns, _yColumns;
    private readonly int _n, _k;
    private readonly KsgVariant _variant;

    private sealed record Scratch(double[] Dx, double[] Dy, double[] Distances, int[] Neighbours);

    public BruteForceKsgNeighbourhoods(double[] x, double[] y, int dimX, int dimY, int k, KsgVariant variant)
    {
        _n = x.Length / dimX;
        (_k, _variant) = (k, variant);
        _xColumns = Columns(x, dimX, _n);
        _yColumns = Columns(y, dimY, _n);
    }

    private static double[][] Columns(double[] rows, int dim, int n)
    {
        var columns = new double[dim][];
        for (int d = 0; d < dim; d++)
        {
            columns[d] = new double[n];
            for (int i = 0; i < n; i++) columns[d][i] = rows[i * dim + d];
        }
        return columns;
    }

    public int QueryOrder(int step) => step;

    public object CreateScratch() => new Scratch(new double[_n], new double[_n], new double[_k], new int[_k]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int Nx, int Ny) Counts(int i, object scratch)
    {
        var s = (Scratch)scratch;
        MaxNormDistances(_xColumns, i, s.Dx);
        MaxNormDistances(_yColumns, i, s.Dy);
        NearestInJoint(i, s);
        if (_variant == KsgVariant.First)
        {
            double radius = KsgGeometry.StrictRadius(s.Distances[_k - 1]);
            return (CountAtMost(s.Dx, radius) - 1, CountAtMost(s.Dy, radius) - 1);
        }
        double ex = 0, ey = 0;
        foreach (int j in s.Neighbours)
        {
            ex = Math.Max(ex, s.Dx[j]);
            ey = Math.Max(ey, s.Dy[j]);
        }
        return (CountAtMost(s.Dx, ex) - 1, CountAtMost(s.Dy, ey) - 1);
    }

    private const int Tile = 512;

    // Tiled so that the destination slice stays in L1 while every column streams past it once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MaxNormDistances(double[][] columns, int i, double[] dest)
    {
        int n = dest.Length;
        int vectorEnd = n - n % Vector<double>.Count;
        for (int start = 0; start < vectorEnd; start += Tile)
        {
            int length = Math.Min(Tile, vectorEnd - start);
            var dst = MemoryMarshal.Cast<double, Vector<double>>(dest.AsSpan(start, length));
            for (int d = 0; d < columns.Length; d++)
            {
                var qv = new Vector<double>(columns[d][i]);
                var src = MemoryMarshal.Cast<double, Vector<double>>(columns[d].AsSpan(start, length));
                if (d == 0)
                    for (int v = 0; v < src.Length; v++) dst[v] = Vector.Abs(src[v] - qv);
                else
                    for (int v = 0; v < src.Length; v++) dst[v] = Vector.Max(dst[v], Vector.Abs(src[v] - qv));
            }
        }
        for (int j = vectorEnd; j < n; j++)
        {
            double dist = 0;
            for (int d = 0; d < columns.Length; d++) dist = Math.Max(dist, Math.Abs(columns[d][j] - columns[d][i]));
            dest[j] = dist;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void NearestInJoint(int i, Scratch s)
    {
        Span<double> distances = s.Distances;
        Span<int> neighbours = s.Neighbours;
        distances.Fill(double.PositiveInfinity);
        double worst = double.PositiveInfinity;
        double[] dx = s.Dx, dy = s.Dy;
        var vx = MemoryMarshal.Cast<double, Vector<double>>(dx.AsSpan());
        var vy = MemoryMarshal.Cast<double, Vector<double>>(dy.AsSpan());
        int width = Vector<double>.Count;
        // Once k candidates are held, most vectors of joint distances lie entirely beyond the k-th: skip them whole.
        for (int v = 0; v < vx.Length; v++)
        {
            if (!Vector.LessThanAny(Vector.Max(vx[v], vy[v]), new Vector<double>(worst))) continue;
            for (int j = v * width; j < (v + 1) * width; j++) worst = Offer(i, j, Math.Max(dx[j], dy[j]), worst, distances, neighbours);
        }
        for (int j = vx.Length * width; j < _n; j++) worst = Offer(i, j, Math.Max(dx[j], dy[j]), worst, distances, neighbours);
    }

    private double Offer(int i, int j, double dist, double worst, Span<double> distances, Span<int> neighbours)
    {
        if (dist >= worst || j == i) return worst;
        int slot = _k - 1;
        while (slot > 0 && distances[slot - 1] > dist)
        {
            distances[slot] = distances[slot - 1];
            neighbours[slot] = neighbours[slot - 1];
            slot--;
        }
        distances[slot] = dist;
        neighbours[slot] = j;
        return distances[_k - 1];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CountAtMost(double[] distances, double radius)
    {
        var rv = new Vector<double>(radius);
        var acc = Vector<long>.Zero;
        var src = MemoryMarshal.Cast<double, Vector<double>>(distances.AsSpan());
        for (int v = 0; v < src.Length; v++) acc -= Vector.LessThanOrEqual(src[v], rv);
        long count = Vector.Sum(acc);
        for (int j = src.Length * Vector<double>.Count; j < distances.Length; j++)
            if (distances[j] <= radius) count++;
        return (int)count;
    }
}
