using System.Numerics.Tensors;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Numerics;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>
/// One positive (x, y) ~ P_XY with max(n) − 1 fresh negatives x̄ ~ P_X, scored by the critic (the exact log ratio,
/// or an imperfect version of it). Batch size n uses the first n − 1 negatives: an iid sample of the right size, so
/// every n gets an exact trial while the sampling is paid once (common random numbers across n, which also smooths
/// the curves). Negatives are drawn in blocks of <see cref="BlockSize"/> and folded into a running log-sum-exp (and
/// a running sum for CLUB), read off at each n, so memory is O(block) whatever n — unless a bound needs every score
/// (smile, alpha-infonce), when the blocks fill a pool of max(n) scores and each prefix is evaluated directly.
/// Writes <c>values[sizeIndex * bounds + bound]</c>, then the control: the positive's exact log r. When the family
/// samples conditional positives (<see cref="IConditionalSamplingFamily"/>), the trial then writes, in the layout of
/// <see cref="ConditionalLayout"/>, each value averaged over M fresh positives x_m ~ p(x | y) scored against the same
/// negatives, and per n the known-mean-zero controls of <see cref="ConditionalLayout"/>.
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
    private readonly IConditionalSamplingFamily? _conditional;
    private readonly ConditionalLayout? _layout;
    private readonly double[] _exactPositives = [], _scoredPositives = [], _yControls = [], _logMoments = [], _exactBlock = [];
    private readonly NegativeMomentSums? _moments;
    private readonly double[,] _prefixLogMomentSums = new double[0, 0], _prefixTop = new double[0, 0];
    private readonly double[] _tails = new double[NegativeMomentSums.TopCount];
    private readonly double[] _maxPolynomials = new double[ConditionalLayout.MaxPolynomials];

    public IndependentTrial(IKnownMiFamily family, IReadOnlyList<IBound> bounds, IReadOnlyList<int> batchSizes, CriticSpec? critic = null,
        int conditionalPositives = 0)
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
        _layout = ConditionalLayout.For(family, bounds.Count, batchSizes.Count, conditionalPositives);
        if (_layout is null) return;
        _conditional = (IConditionalSamplingFamily)family;
        _exactPositives = new double[conditionalPositives];
        _scoredPositives = new double[conditionalPositives];
        _yControls = new double[_conditional.YControlCount];
        _logMoments = new double[NegativeMomentSums.Exponents.Length];
        _prefixLogMomentSums = new double[batchSizes.Count, _logMoments.Length];
        _prefixTop = new double[batchSizes.Count, NegativeMomentSums.TopCount];
        int blockLength = Math.Min(BlockSize, _maxN - 1);
        _moments = new NegativeMomentSums(blockLength);
        if (!_critic.IsExact) _exactBlock = new double[blockLength];
    }

    /// <summary>Number of values one trial writes (see the class remarks).</summary>
    public static int SlotCount(IKnownMiFamily family, int bounds, int sizes, int conditionalPositives) =>
        ConditionalLayout.For(family, bounds, sizes, conditionalPositives)?.TotalSlots ?? bounds * sizes + 1;

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
        if (_conditional is not null)
            for (int a = 0; a < _logMoments.Length; a++) _logMoments[a] = _conditional.LogRatioMoment(NegativeMomentSums.Exponents[a], _y);
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
        if (_layout is not null) RunConditional(rng, values);
    }

    /// <summary>
    /// Fresh positives x_m ~ p(x | y), drawn after everything else (the plain values keep their streams), each scored
    /// against the trial's negatives: given y the positive is independent of the negatives, so the average over m has
    /// the plain value's expectation and none of the positive's own noise. Bounds that need every score keep their
    /// plain value here. Then the controls of <see cref="ConditionalLayout"/>.
    /// </summary>
    private void RunConditional(Rng rng, Span<double> values)
    {
        ConditionalLayout layout = _layout!;
        IConditionalSamplingFamily family = _conditional!;
        family.SamplePositiveLogRatios(rng, _y, _exactPositives);
        _exactPositives.CopyTo(_scoredPositives, 0);
        if (!_critic.IsExact) _critic.ApplyToSingle(_scoredPositives, _y, rng);
        double meanLogRatio = 0;
        foreach (double v in _exactPositives) meanLogRatio += v;
        meanLogRatio /= _exactPositives.Length;
        family.WriteYControls(_y, _yControls);
        int m = _scoredPositives.Length;
        for (int s = 0; s < _batchSizes.Count; s++)
        {
            int n = _batchSizes[s];
            for (int b = 0; b < _bounds.Count; b++)
            {
                double total = 0;
                if (_bounds[b] is IColumnSummaryBound summary)
                {
                    double shift = summary.OptimalCriticShift, negatives = _prefixLogSumExp[s] + shift;
                    foreach (double p in _scoredPositives) total += summary.EvaluateSingleFromSummary(p + shift, negatives, n);
                    total /= m;
                }
                else if (_bounds[b] is ClubBound)
                {
                    foreach (double p in _scoredPositives) total += ClubBound.SingleFromSum(p, _prefixSum[s], n);
                    total /= m;
                }
                else total = values[s * _bounds.Count + b];
                values[layout.ConditionalSlot(s, b)] = total;
            }
            Span<double> controls = values.Slice(layout.ControlSlot(s, 0), layout.ControlsPerSize);
            controls[0] = meanLogRatio - family.MutualInformation;
            _yControls.CopyTo(controls.Slice(1, _yControls.Length));
            int next = 1 + _yControls.Length;
            for (int j = 0; j < _tails.Length; j++)
                _tails[j] = double.IsNegativeInfinity(_prefixTop[s, j]) ? 1 : family.NegativeTailProbability(_prefixTop[s, j], _y);
            // G(M)^{n−1} = (1 − P(l > M))^{n−1}, uniform given y whatever n (continuous scores).
            double uniform = Math.Exp((n - 1) * SpecialFunctions.Log1P(-_tails[0]));
            ChiSquareLegendreControls.Legendre(2 * uniform - 1, _maxPolynomials);
            foreach (double p in _maxPolynomials) controls[next++] = p;
            for (int k = 0; k < ConditionalLayout.MaxInteractions; k++)
                foreach (double yc in _yControls) controls[next++] = _maxPolynomials[k] * yc;
            OrderStatisticControls.Write(_tails, n - 1, _yControls, controls.Slice(next, layout.OrderControls));
            next += layout.OrderControls;
            for (int a = 0; a < _logMoments.Length; a++)
            {
                double moment = Math.Exp(_prefixLogMomentSums[s, a] - _logMoments[a] - Math.Log(n - 1)) - 1;
                controls[next++] = moment;
                foreach (double yc in _yControls) controls[next++] = moment * yc;
            }
            if (next != layout.ControlsPerSize) throw new InvalidOperationException("control layout mismatch");
        }
    }

    /// <summary>Draws the negatives block by block, recording the running log-sum-exp and sum at every n.</summary>
    private void StreamNegatives(Rng rng)
    {
        var logSumExp = new LogSumExpAccumulator();
        _moments?.Reset();
        double sum = 0;
        int done = 1, next = 0;
        while (done < _maxN)
        {
            int count = Math.Min(BlockSize, _maxN - done);
            Span<double> block = _pool is null ? _block.AsSpan(0, count) : _pool.AsSpan(done, count);
            _family.SampleNegativeLogRatios(rng, _y, block);
            Span<double> exact = block;
            if (_conditional is not null && !_critic.IsExact)
            {
                exact = _exactBlock.AsSpan(0, count);
                block.CopyTo(exact);
            }
            if (!_critic.IsExact) _critic.ApplyToSingle(block, _y, rng);
            int offset = 0;
            while (offset < count)
            {
                int take = Math.Min(count - offset, _batchSizes[_sizesAscending[next]] - done);
                ReadOnlySpan<double> part = block.Slice(offset, take);
                logSumExp.Add(part);
                if (_clubIndices.Length > 0) foreach (double v in part) sum += v;
                _moments?.Add(exact.Slice(offset, take));
                done += take;
                offset += take;
                for (; next < _sizesAscending.Length && _batchSizes[_sizesAscending[next]] == done; next++)
                {
                    _prefixLogSumExp[_sizesAscending[next]] = logSumExp.Result;
                    _prefixSum[_sizesAscending[next]] = sum;
                    if (_moments is not null)
                    {
                        for (int a = 0; a < _logMoments.Length; a++) _prefixLogMomentSums[_sizesAscending[next], a] = _moments.LogSum(a);
                        for (int j = 0; j < NegativeMomentSums.TopCount; j++) _prefixTop[_sizesAscending[next], j] = _moments.Top(j);
                    }
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
