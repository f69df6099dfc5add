using System.Runtime.CompilerServices;
namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// An exact k-d tree under the max-norm (Chebyshev distance): median splits on the widest dimension, tight
/// bounding boxes per node, leaves of a few points. Build O(n log n); k-nearest and radius-count queries
/// O(log n) on average for low intrinsic dimension. Distances are computed as max_d |a_d − b_d|, exactly as
/// scipy's cKDTree(p=∞) and scikit-learn's "chebyshev" metric do, so boundary decisions agree bit for bit.
/// Queries are thread-safe (the tree is read-only after construction).
/// </summary>
internal sealed class KdTree : IRadiusCounter
{
    private const int LeafSize = 12;

    private readonly int _dim;
    private readonly double[] _source;   // the caller's points, row-major (for query coordinates)
    private readonly double[] _points;   // points reordered into tree order, row-major
    private readonly int[] _order;       // tree position → original index
    private readonly List<(int Start, int End, int Left, int Right)> _building = new();
    private readonly int[] _start, _end, _left, _right; // per node; _left = -1 marks a leaf
    private readonly double[] _lo, _hi;                 // node bounding boxes, node*dim + d

    public KdTree(double[] points, int dim)
    {
        _dim = dim;
        _source = points;
        int n = points.Length / dim;
        _order = new int[n];
        _leafOf = new int[n];
        for (int i = 0; i < n; i++) _order[i] = i;
        Build(0, n);
        int nodes = _building.Count;
        _start = _building.Select(b => b.Start).ToArray();
        _end = _building.Select(b => b.End).ToArray();
        _left = _building.Select(b => b.Left).ToArray();
        _right = _building.Select(b => b.Right).ToArray();
        _building.Clear();
        _lo = new double[nodes * dim];
        _hi = new double[nodes * dim];
        _points = new double[points.Length];
        _position = new int[n];
        for (int p = 0; p < n; p++)
        {
            Array.Copy(points, _order[p] * dim, _points, p * dim, dim);
            _position[_order[p]] = p;
        }
        for (int node = 0; node < nodes; node++) ComputeBox(node);
    }

    private readonly int[] _position; // original index → tree position
    private readonly int[] _leafOf;   // tree position → the leaf node holding it

    /// <summary>The original index of the point at tree position <paramref name="position"/>. Iterating queries in
    /// tree order keeps consecutive queries spatially close, which is much kinder to the cache.</summary>
    public int OriginalIndex(int position) => _order[position];

    public int Count => _order.Length;

    private int Build(int start, int end)
    {
        int id = _building.Count;
        _building.Add(default);
        if (end - start <= LeafSize)
        {
            _building[id] = (start, end, -1, -1);
            for (int p = start; p < end; p++) _leafOf[p] = id;
            return id;
        }
        int splitDim = WidestDimension(start, end);
        int mid = (start + end) >>> 1;
        Select(start, end - 1, mid, splitDim);
        int left = Build(start, mid);
        int right = Build(mid, end);
        _building[id] = (start, end, left, right);
        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WidestDimension(int start, int end)
    {
        int best = 0;
        double bestSpread = -1;
        for (int d = 0; d < _dim; d++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int p = start; p < end; p++)
            {
                double v = _source[_order[p] * _dim + d];
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
            if (hi - lo > bestSpread) { bestSpread = hi - lo; best = d; }
        }
        return best;
    }

    // Hoare quickselect on _order by coordinate d: afterwards position k holds the k-th smallest.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Select(int left, int right, int k, int d)
    {
        while (right > left)
        {
            double pivot = Coord(_order[(left + right) >>> 1], d);
            int i = left, j = right;
            while (i <= j)
            {
                while (Coord(_order[i], d) < pivot) i++;
                while (Coord(_order[j], d) > pivot) j--;
                if (i <= j)
                {
                    (_order[i], _order[j]) = (_order[j], _order[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return;
        }
    }

    private double Coord(int original, int d) => _source[original * _dim + d];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeBox(int node)
    {
        int start = _start[node], end = _end[node];
        for (int d = 0; d < _dim; d++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int p = start; p < end; p++)
            {
                double v = _points[p * _dim + d];
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
            _lo[node * _dim + d] = lo;
            _hi[node * _dim + d] = hi;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double MinDistanceToBox(int node, ReadOnlySpan<double> q)
    {
        double dist = 0;
        int b = node * _dim;
        for (int d = 0; d < _dim; d++)
        {
            double gap = Math.Max(_lo[b + d] - q[d], q[d] - _hi[b + d]);
            if (gap > dist) dist = gap;
        }
        return dist;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double MaxDistanceToBox(int node, ReadOnlySpan<double> q)
    {
        double dist = 0;
        int b = node * _dim;
        for (int d = 0; d < _dim; d++)
        {
            double far = Math.Max(q[d] - _lo[b + d], _hi[b + d] - q[d]);
            if (far > dist) dist = far;
        }
        return dist;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Distance(int position, ReadOnlySpan<double> q)
    {
        double dist = 0;
        int b = position * _dim;
        for (int d = 0; d < _dim; d++)
        {
            double diff = Math.Abs(_points[b + d] - q[d]);
            if (diff > dist) dist = diff;
        }
        return dist;
    }

    /// <summary>
    /// The k nearest neighbours of indexed point <paramref name="point"/>, itself excluded (by index, so exact
    /// duplicates count as neighbours at distance 0): distances ascending in <paramref name="distances"/>,
    /// their original indexes in <paramref name="neighbours"/>.
    /// </summary>
    public void NearestNeighbours(int point, Span<double> distances, Span<int> neighbours)
    {
        int k = distances.Length;
        if (k > Count - 1) throw new ArgumentException($"k = {k} needs at least {k + 1} points, have {Count}");
        distances.Fill(double.PositiveInfinity);
        neighbours.Fill(-1);
        int self = _position[point];
        var q = _points.AsSpan(self * _dim, _dim);
        // The query's own leaf first: its points are usually among the nearest, so the descent from the root
        // starts with a tight bound and prunes almost everything.
        int home = _leafOf[self];
        ScanLeaf(home, q, self, distances, neighbours);
        SearchNearest(0, q, self, home, distances, neighbours);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SearchNearest(int node, ReadOnlySpan<double> q, int self, int skip, Span<double> distances, Span<int> neighbours)
    {
        int left = _left[node], right = _right[node];
        if (left < 0)
        {
            if (node != skip) ScanLeaf(node, q, self, distances, neighbours);
            return;
        }
        double dl = MinDistanceToBox(left, q), dr = MinDistanceToBox(right, q);
        (int near, double dNear, int far, double dFar) = dl <= dr ? (left, dl, right, dr) : (right, dr, left, dl);
        if (dNear < distances[^1]) SearchNearest(near, q, self, skip, distances, neighbours);
        if (dFar < distances[^1]) SearchNearest(far, q, self, skip, distances, neighbours);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanLeaf(int leaf, ReadOnlySpan<double> q, int self, Span<double> distances, Span<int> neighbours)
    {
        for (int p = _start[leaf], end = _end[leaf]; p < end; p++)
        {
            if (p == self) continue;
            double dist = Distance(p, q);
            if (dist < distances[^1]) Insert(dist, _order[p], distances, neighbours);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Insert(double dist, int index, Span<double> distances, Span<int> neighbours)
    {
        int i = distances.Length - 1;
        while (i > 0 && distances[i - 1] > dist)
        {
            distances[i] = distances[i - 1];
            neighbours[i] = neighbours[i - 1];
            i--;
        }
        distances[i] = dist;
        neighbours[i] = index;
    }

    /// <inheritdoc />
    public int CountWithin(int point, double radius) => CountWithin(_points.AsSpan(_position[point] * _dim, _dim), radius);

    /// <summary>Number of indexed points p with ‖p − q‖∞ ≤ <paramref name="radius"/>.</summary>
    public int CountWithin(ReadOnlySpan<double> q, double radius) => CountNode(0, q, radius);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountNode(int node, ReadOnlySpan<double> q, double radius)
    {
        if (MinDistanceToBox(node, q) > radius) return 0;
        int start = _start[node], end = _end[node], left = _left[node];
        if (MaxDistanceToBox(node, q) <= radius) return end - start;
        if (left >= 0) return CountNode(left, q, radius) + CountNode(_right[node], q, radius);
        int count = 0;
        for (int p = start; p < end; p++)
            if (Distance(p, q) <= radius) count++;
        return count;
    }
}
