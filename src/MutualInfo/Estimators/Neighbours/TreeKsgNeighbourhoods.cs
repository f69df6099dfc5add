using System.Runtime.CompilerServices;
namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// KSG neighbourhoods from space-partitioning: a k-d tree over the joint space for the k-th neighbour, and
/// for the marginals a sorted array (1-d, two binary searches) or a k-d tree range count. O(n log n) in low
/// dimension; the choice for large n.
/// </summary>
internal sealed class TreeKsgNeighbourhoods : IKsgNeighbourhoods
{
    private readonly KdTree _joint;
    private readonly IRadiusCounter _x, _y;
    private readonly double[] _xs, _ys;
    private readonly int _dimX, _dimY, _k;
    private readonly KsgVariant _variant;

    public TreeKsgNeighbourhoods(double[] x, double[] y, int dimX, int dimY, int k, KsgVariant variant, int threads = 1)
    {
        (_xs, _ys, _dimX, _dimY, _k, _variant) = (x, y, dimX, dimY, k, variant);
        KdTree? joint = null;
        IRadiusCounter? xCounter = null, yCounter = null;
        // The three structures are independent (each deterministic on its own), so building them concurrently
        // changes nothing in the result; with one thread they are built in turn.
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => joint = new KdTree(KsgGeometry.Interleave(x, y, dimX, dimY), dimX + dimY),
            () =>
            {
                xCounter = dimX == 1 ? new SortedLineCounter(x) : new KdTree(x, dimX);
                yCounter = dimY == 1 ? new SortedLineCounter(y) : new KdTree(y, dimY);
            });
        (_joint, _x, _y) = (joint!, xCounter!, yCounter!);
    }

    public int QueryOrder(int step) => _joint.OriginalIndex(step);

    public object CreateScratch() => (new double[_k], new int[_k]);

    public (int Nx, int Ny) Counts(int i, object scratch)
    {
        var (distances, neighbours) = ((double[], int[]))scratch;
        _joint.NearestNeighbours(i, distances, neighbours);
        if (_variant == KsgVariant.First)
        {
            double radius = KsgGeometry.StrictRadius(distances[_k - 1]);
            return (_x.CountWithin(i, radius) - 1, _y.CountWithin(i, radius) - 1);
        }
        double ex = 0, ey = 0;
        foreach (int j in neighbours)
        {
            ex = Math.Max(ex, KsgGeometry.MaxNormDistance(_xs, _dimX, i, j));
            ey = Math.Max(ey, KsgGeometry.MaxNormDistance(_ys, _dimY, i, j));
        }
        return (_x.CountWithin(i, ex) - 1, _y.CountWithin(i, ey) - 1);
    }
}
