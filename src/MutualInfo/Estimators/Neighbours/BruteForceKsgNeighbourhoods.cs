using System.Runtime.CompilerServices;

namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// KSG neighbourhoods by SIMD scans over blocks of points (<see cref="BlockedPoints"/> with groups X and Y, in
/// joint k-d tree order), for high joint dimension at moderate n, where a k-d tree's recursion prunes too little to
/// pay for itself. Per query: the lower bounds to every block's X and Y boxes, the k nearest in the joint space,
/// then n_x and n_y from the blocks whose X (Y) box reaches the marginal radius. Exact: the counts are those of an
/// exhaustive search.
/// </summary>
internal sealed class BruteForceKsgNeighbourhoods : IKsgNeighbourhoods
{
    private readonly BlockedPoints _points;
    private readonly int _k;
    private readonly KsgVariant _variant;

    public BruteForceKsgNeighbourhoods(double[] x, double[] y, int dimX, int dimY, int k, KsgVariant variant)
    {
        (_k, _variant) = (k, variant);
        var order = BlockedPoints.TreeOrder(new KdTree(KsgGeometry.Interleave(x, y, dimX, dimY), dimX + dimY));
        _points = new BlockedPoints(order, (x, dimX), (y, dimY));
    }

    public int QueryOrder(int step) => _points.Original(step);

    public object CreateScratch() => _points.CreateScratch(_k);

    public (int Nx, int Ny) Counts(int i, object scratch)
    {
        var s = (BlockedPoints.Scratch)scratch;
        int self = _points.Position(i);
        _points.ComputeLowerBounds(self, s);
        double kth = _points.Nearest(self, s);
        double rx, ry;
        if (_variant == KsgVariant.First) rx = ry = KsgGeometry.StrictRadius(kth);
        else
        {
            (rx, ry) = (0, 0);
            foreach (int p in s.Neighbours)
            {
                rx = Math.Max(rx, _points.Distance(0, self, p));
                ry = Math.Max(ry, _points.Distance(1, self, p));
            }
        }
        // The counts include the query itself (distance 0 ≤ radius).
        return (_points.CountWithin(0, self, rx, s) - 1, _points.CountWithin(1, self, ry, s) - 1);
    }
}
