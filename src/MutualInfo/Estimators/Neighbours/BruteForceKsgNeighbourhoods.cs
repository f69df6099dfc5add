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

    private static void MaxNormDistances(double[][] columns, int i, double[] dest)
    {
        for (int d = 0; d < columns.Length; d++)
        {
            double[] column = columns[d];
            double q = column[i];
            var qv = new Vector<double>(q);
            var src = MemoryMarshal.Cast<double, Vector<double>>(column.AsSpan());
            var dst = MemoryMarshal.Cast<double, Vector<double>>(dest.AsSpan());
            if (d == 0)
                for (int v = 0; v < src.Length; v++) dst[v] = Vector.Abs(src[v] - qv);
            else
                for (int v = 0; v < src.Length; v++) dst[v] = Vector.Max(dst[v], Vector.Abs(src[v] - qv));
            for (int j = src.Length * Vector<double>.Count; j < column.Length; j++)
                dest[j] = d == 0 ? Math.Abs(column[j] - q) : Math.Max(dest[j], Math.Abs(column[j] - q));
        }
    }

    private void NearestInJoint(int i, Scratch s)
    {
        Span<double> distances = s.Distances;
        Span<int> neighbours = s.Neighbours;
        distances.Fill(double.PositiveInfinity);
        double worst = double.PositiveInfinity;
        double[] dx = s.Dx, dy = s.Dy;
        for (int j = 0; j < _n; j++)
        {
            double dist = Math.Max(dx[j], dy[j]);
            if (dist >= worst || j == i) continue;
            int slot = _k - 1;
            while (slot > 0 && distances[slot - 1] > dist)
            {
                distances[slot] = distances[slot - 1];
                neighbours[slot] = neighbours[slot - 1];
                slot--;
            }
            distances[slot] = dist;
            neighbours[slot] = j;
            worst = distances[_k - 1];
        }
    }

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
