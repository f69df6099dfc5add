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
    private readonly double[] _points;   // points reordered into tree order, row-major
    private readonly int[] _order;       // tree position → original index
    private readonly int[] _position;    // original index → tree position
    private readonly int[] _leafOf;      // tree position → the leaf node holding it
    private readonly int[] _start, _end, _left, _right; // per node; _left = -1 marks a leaf
    private readonly double[] _lo, _hi;                 // node bounding boxes, node*dim + d
    private int _nodes;

    public KdTree(double[] points, int dim)
    {
        _dim = dim;
        int n = points.Length / dim;
        // Leaves hold between LeafSize/2 and LeafSize points, so this bounds the node count.
        int capacity = 4 * n / LeafSize + 3;
        (_start, _end, _left, _right) = (new int[capacity], new int[capacity], new int[capacity], new int[capacity]);
        (_lo, _hi) = (new double[capacity * dim], new double[capacity * dim]);
        _points = (double[])points.Clone();
        _order = new int[n];
        _leafOf = new int[n];
        _position = new int[n];
        for (int i = 0; i < n; i++) _order[i] = i;
        Build(0, n);
        for (int p = 0; p < n; p++) _position[_order[p]] = p;
    }

    /// <summary>The original index of the point at tree position <paramref name="position"/>. Iterating queries in
    /// tree order keeps consecutive queries spatially close, which is much kinder to the cache.</summary>
    public int OriginalIndex(int position) => _order[position];

    public int Count => _order.Length;

    // Rows are permuted in place (contiguous, no indirection), so the box scan and the selection stream memory.
    private int Build(int start, int end)
    {
        int id = _nodes++;
        ComputeBox(id, start, end);
        (_start[id], _end[id]) = (start, end);
        if (end - start <= LeafSize)
        {
            (_left[id], _right[id]) = (-1, -1);
            for (int p = start; p < end; p++) _leafOf[p] = id;
            return id;
        }
        int mid = (start + end) >>> 1;
        Select(start, end - 1, mid, WidestDimension(id));
        _left[id] = Build(start, mid);
        _right[id] = Build(mid, end);
        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WidestDimension(int node)
    {
        int best = 0, b = node * _dim;
        double bestSpread = -1;
        for (int d = 0; d < _dim; d++)
            if (_hi[b + d] - _lo[b + d] > bestSpread) { bestSpread = _hi[b + d] - _lo[b + d]; best = d; }
        return best;
    }

    // Hoare quickselect on rows by coordinate d: afterwards position k holds the k-th smallest.
    private void Select(int left, int right, int k, int d)
    {
        double[] pts = _points;
        int dim = _dim;
        while (right > left)
        {
            double pivot = pts[((left + right) >>> 1) * dim + d];
            int i = left, j = right;
            while (i <= j)
            {
                while (pts[i * dim + d] < pivot) i++;
                while (pts[j * dim + d] > pivot) j--;
                if (i <= j)
                {
                    SwapRows(i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SwapRows(int i, int j)
    {
        (_order[i], _order[j]) = (_order[j], _order[i]);
        int a = i * _dim, b = j * _dim;
        for (int d = 0; d < _dim; d++) (_points[a + d], _points[b + d]) = (_points[b + d], _points[a + d]);
    }

    private void ComputeBox(int node, int start, int end)
    {
        int b = node * _dim;
        for (int d = 0; d < _dim; d++) (_lo[b + d], _hi[b + d]) = (double.PositiveInfinity, double.NegativeInfinity);
        for (int p = start; p < end; p++)
            for (int d = 0, r = p * _dim; d < _dim; d++)
            {
                double v = _points[r + d];
                if (v < _lo[b + d]) _lo[b + d] = v;
                if (v > _hi[b + d]) _hi[b + d] = v;
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double MinDistanceToBox(int node, ReadOnlySpan<double> q)
    {
        double dist = 0;
        int b = node * _dim;
        for (int d = 0; d < _dim; d++)
        {
            double below = _lo[b + d] - q[d], above = q[d] - _hi[b + d];
            if (below > dist) dist = below;
            if (above > dist) dist = above;
        }
        return dist;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double MaxDistanceToBox(int node, ReadOnlySpan<double> q)
    {
        double dist = 0;
        int b = node * _dim;
        for (int d = 0; d < _dim; d++)
        {
            double left = q[d] - _lo[b + d], right = _hi[b + d] - q[d];
            if (left > dist) dist = left;
            if (right > dist) dist = right;
        }
        return dist;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
        for (int r = 0; r < k; r++) (distances[r], neighbours[r]) = (double.PositiveInfinity, -1);
        int self = _position[point];
        var q = _points.AsSpan(self * _dim, _dim);
        // The query's own leaf first: its points are usually among the nearest, so the descent from the root
        // starts with a tight bound and prunes almost everything.
        int home = _leafOf[self];
        ScanLeaf(home, q, self, distances, neighbours);
        SearchNearest(0, q, self, home, distances, neighbours);
    }

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

    private void ScanLeaf(int leaf, ReadOnlySpan<double> q, int self, Span<double> distances, Span<int> neighbours)
    {
        for (int p = _start[leaf], end = _end[leaf]; p < end; p++)
        {
            if (p == self) continue;
            double dist = Distance(p, q);
            if (dist < distances[^1]) NearestList.Insert(dist, _order[p], distances, neighbours);
        }
    }

    /// <summary>
    /// Appends to <paramref name="found"/> the original indexes of the indexed points p with
    /// ‖p − point‖∞ ≤ <paramref name="radius"/>, the point itself included (the same predicate as <see cref="CountWithin(int, double)"/>).
    /// </summary>
    public void CollectWithin(int point, double radius, List<int> found) =>
        CollectNode(0, _points.AsSpan(_position[point] * _dim, _dim), radius, found);

    private void CollectNode(int node, ReadOnlySpan<double> q, double radius, List<int> found)
    {
        if (MinDistanceToBox(node, q) > radius) return;
        int start = _start[node], end = _end[node], left = _left[node];
        if (MaxDistanceToBox(node, q) <= radius)
        {
            for (int p = start; p < end; p++) found.Add(_order[p]);
            return;
        }
        if (left >= 0)
        {
            CollectNode(left, q, radius, found);
            CollectNode(_right[node], q, radius, found);
            return;
        }
        for (int p = start; p < end; p++)
            if (Distance(p, q) <= radius) found.Add(_order[p]);
    }

    /// <inheritdoc />
    public int CountWithin(int point, double radius) => CountWithin(_points.AsSpan(_position[point] * _dim, _dim), radius);

    /// <summary>Number of indexed points p with ‖p − q‖∞ ≤ <paramref name="radius"/>.</summary>
    public int CountWithin(ReadOnlySpan<double> q, double radius) => CountNode(0, q, radius);

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
