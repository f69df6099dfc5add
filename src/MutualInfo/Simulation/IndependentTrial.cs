using System.Numerics.Tensors;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>
/// One positive (x, y) ~ P_XY with max(n) − 1 fresh negatives x̄ ~ P_X, scored by the critic (the exact log ratio,
/// or an imperfect version of it). Batch size n uses the first n − 1 negatives: an iid sample of the right size, so
/// every n gets an exact trial while the sampling is paid once (common random numbers across n, which also smooths
/// the curves). Negatives are drawn in blocks of <see cref="BlockSize"/> and folded into a running log-sum-exp (and
/// a running sum for CLUB), read off at each n, so memory is O(block) whatever n — unless a bound needs every score
/// (smile, alpha-infonce), when the blocks fill a pool of max(n) scores and each prefix is evaluated directly.
/// Writes <c>values[sizeIndex * bounds + bound]</c>, then the control: the positive's exact log r.
/// </summary>
internal sealed class IndependentTrial : ITrial
{
    /// <summary>Negatives drawn per block; a multiple of the families' sampling chunk, so streams do not depend on it.</summary>
    public const int BlockSize = 1 << 16;

    private readonly IKnownMiFamily _family;
    private readonly IReadOnlyList<IBound> _bounds;
    private readonly CriticSpec _critic;
    private readonly int[] _summaryIndices, _clubIndices, _otherIndices;
    private readonly IReadOnlyList<int> _batchSizes;
    private readonly int[] _sizesAscending;
    private readonly int _maxN;
    private readonly double[] _x, _y, _block, _prefixLogSumExp, _prefixSum, _positive = new double[1];
    private readonly double[]? _pool;
    private double[]? _shifted;

    public IndependentTrial(IKnownMiFamily family, IReadOnlyList<IBound> bounds, IReadOnlyList<int> batchSizes, CriticSpec? critic = null)
    {
        _family = family;
        _bounds = bounds;
        _critic = critic ?? CriticSpec.Exact;
        _summaryIndices = Enumerable.Range(0, bounds.Count).Where(b => bounds[b] is IColumnSummaryBound).ToArray();
        _clubIndices = Enumerable.Range(0, bounds.Count).Where(b => bounds[b] is ClubBound).ToArray();
        _otherIndices = Enumerable.Range(0, bounds.Count).Where(b => bounds[b] is not (IColumnSummaryBound or ClubBound)).ToArray();
        _batchSizes = batchSizes;
        _sizesAscending = Enumerable.Range(0, batchSizes.Count).OrderBy(s => batchSizes[s]).ToArray();
        _maxN = batchSizes.Max();
        _x = new double[family.DimX];
        _y = new double[family.DimY];
        _pool = _otherIndices.Length > 0 ? new double[_maxN] : null;
        _block = _pool is null ? new double[Math.Min(BlockSize, _maxN - 1)] : [];
        _prefixLogSumExp = new double[batchSizes.Count];
        _prefixSum = new double[batchSizes.Count];
    }

    /// <summary>Whether these bounds stream (O(block) memory) rather than needing a pool of max(n) scores.</summary>
    public static bool Streams(IReadOnlyList<IBound> bounds) => bounds.All(b => b is IColumnSummaryBound or ClubBound);

    public void Run(Rng rng, Span<double> values)
    {
        _family.SampleJoint(rng, _x, _y);
        _family.LogRatioMatrix(_x, _y, _positive);
        values[_batchSizes.Count * _bounds.Count] = _positive[0];
        if (!_critic.IsExact) _critic.ApplyToSingle(_positive, _y, rng);
        double positive = _positive[0];
        if (_pool is not null) _pool[0] = positive;
        StreamNegatives(rng);
        for (int s = 0; s < _batchSizes.Count; s++)
        {
            int n = _batchSizes[s];
            foreach (int b in _summaryIndices)
            {
                var bound = (IColumnSummaryBound)_bounds[b];
                double shift = bound.OptimalCriticShift;
                values[s * _bounds.Count + b] = bound.EvaluateSingleFromSummary(positive + shift, _prefixLogSumExp[s] + shift, n);
            }
            foreach (int b in _clubIndices) values[s * _bounds.Count + b] = ClubBound.SingleFromSum(positive, _prefixSum[s], n);
            foreach (int b in _otherIndices)
                values[s * _bounds.Count + b] = _bounds[b].EvaluateSingle(ShiftedCritic(n, _bounds[b].OptimalCriticShift));
        }
    }

    /// <summary>Draws the negatives block by block, recording the running log-sum-exp and sum at every n.</summary>
    private void StreamNegatives(Rng rng)
    {
        var logSumExp = new LogSumExpAccumulator();
        double sum = 0;
        int done = 1, next = 0;
        while (done < _maxN)
        {
            int count = Math.Min(BlockSize, _maxN - done);
            Span<double> block = _pool is null ? _block.AsSpan(0, count) : _pool.AsSpan(done, count);
            _family.SampleNegativeLogRatios(rng, _y, block);
            if (!_critic.IsExact) _critic.ApplyToSingle(block, _y, rng);
            int offset = 0;
            while (offset < count)
            {
                int take = Math.Min(count - offset, _batchSizes[_sizesAscending[next]] - done);
                ReadOnlySpan<double> part = block.Slice(offset, take);
                logSumExp.Add(part);
                if (_clubIndices.Length > 0) foreach (double v in part) sum += v;
                done += take;
                offset += take;
                for (; next < _sizesAscending.Length && _batchSizes[_sizesAscending[next]] == done; next++)
                {
                    _prefixLogSumExp[_sizesAscending[next]] = logSumExp.Result;
                    _prefixSum[_sizesAscending[next]] = sum;
                }
            }
        }
    }

    private ReadOnlySpan<double> ShiftedCritic(int n, double shift)
    {
        if (shift == 0) return _pool.AsSpan(0, n);
        _shifted ??= new double[_pool!.Length];
        TensorPrimitives.Add(_pool.AsSpan(0, n), shift, _shifted.AsSpan(0, n));
        return _shifted.AsSpan(0, n);
    }
}
