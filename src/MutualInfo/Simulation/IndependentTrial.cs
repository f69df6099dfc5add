using System.Numerics.Tensors;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>
/// One positive (x, y) ~ P_XY with a pool of max(n) − 1 fresh negatives x̄ ~ P_X, scored by the critic (the exact
/// log ratio, or an imperfect version of it). Batch size n uses the first n − 1 negatives of the pool: an iid sample
/// of the right size, so every n gets an exact trial while the sampling is paid once (common random numbers across
/// n, which also smooths the curves). Every <see cref="IColumnSummaryBound"/> is read off one log-sum-exp pass over
/// the pool at each prefix; other bounds evaluate each prefix. Writes <c>values[sizeIndex * bounds + bound]</c>,
/// then the control: the positive's exact log r.
/// </summary>
internal sealed class IndependentTrial : ITrial
{
    private readonly IKnownMiFamily _family;
    private readonly IReadOnlyList<IBound> _bounds;
    private readonly CriticSpec _critic;
    private readonly int[] _summaryIndices, _otherIndices;
    private readonly IReadOnlyList<int> _batchSizes;
    private readonly int[] _sizesAscending;
    private readonly double[] _x, _y, _logRatios, _prefixLogSumExp;
    private double[]? _shifted;

    public IndependentTrial(IKnownMiFamily family, IReadOnlyList<IBound> bounds, IReadOnlyList<int> batchSizes, CriticSpec? critic = null)
    {
        _family = family;
        _bounds = bounds;
        _critic = critic ?? CriticSpec.Exact;
        _summaryIndices = Enumerable.Range(0, bounds.Count).Where(b => bounds[b] is IColumnSummaryBound).ToArray();
        _otherIndices = Enumerable.Range(0, bounds.Count).Where(b => bounds[b] is not IColumnSummaryBound).ToArray();
        _batchSizes = batchSizes;
        _sizesAscending = Enumerable.Range(0, batchSizes.Count).OrderBy(s => batchSizes[s]).ToArray();
        _x = new double[family.DimX];
        _y = new double[family.DimY];
        _logRatios = new double[batchSizes.Max()];
        _prefixLogSumExp = new double[batchSizes.Count];
    }

    public void Run(Rng rng, Span<double> values)
    {
        _family.SampleJoint(rng, _x, _y);
        _family.LogRatioMatrix(_x, _y, _logRatios.AsSpan(0, 1));
        _family.SampleNegativeLogRatios(rng, _y, _logRatios.AsSpan(1));
        values[_batchSizes.Count * _bounds.Count] = _logRatios[0];
        if (!_critic.IsExact) _critic.ApplyToSingle(_logRatios, _y, rng);
        if (_summaryIndices.Length > 0) EvaluateFromPrefixSummaries(values);
        if (_otherIndices.Length > 0) EvaluateEachPrefix(values);
    }

    private void EvaluateFromPrefixSummaries(Span<double> values)
    {
        var negatives = new LogSumExpAccumulator();
        int done = 1;
        foreach (int s in _sizesAscending)
        {
            negatives.Add(_logRatios.AsSpan(done, _batchSizes[s] - done));
            done = _batchSizes[s];
            _prefixLogSumExp[s] = negatives.Result;
        }
        double positive = _logRatios[0];
        for (int s = 0; s < _batchSizes.Count; s++)
        foreach (int b in _summaryIndices)
        {
            var bound = (IColumnSummaryBound)_bounds[b];
            double shift = bound.OptimalCriticShift;
            values[s * _bounds.Count + b] = bound.EvaluateSingleFromSummary(positive + shift, _prefixLogSumExp[s] + shift, _batchSizes[s]);
        }
    }

    private void EvaluateEachPrefix(Span<double> values)
    {
        for (int s = 0; s < _batchSizes.Count; s++)
        foreach (int b in _otherIndices)
            values[s * _bounds.Count + b] = _bounds[b].EvaluateSingle(ShiftedCritic(_batchSizes[s], _bounds[b].OptimalCriticShift));
    }

    private ReadOnlySpan<double> ShiftedCritic(int n, double shift)
    {
        if (shift == 0) return _logRatios.AsSpan(0, n);
        _shifted ??= new double[_logRatios.Length];
        TensorPrimitives.Add(_logRatios.AsSpan(0, n), shift, _shifted.AsSpan(0, n));
        return _shifted.AsSpan(0, n);
    }
}
