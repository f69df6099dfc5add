using System.Numerics.Tensors;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>
/// One positive (x, y) ~ P_XY with a pool of max(n) − 1 fresh negatives x̄ ~ P_X, scored by the exact log ratio.
/// Batch size n uses the first n − 1 negatives of the pool: an iid sample of the right size, so every n gets an exact
/// trial while the sampling is paid once (common random numbers across n, which also smooths the curves).
/// When every bound is a <see cref="IColumnSummaryBound"/>, one log-sum-exp pass over the pool, read off at each
/// prefix, serves every n and bound. Writes <c>values[sizeIndex * bounds + bound]</c>.
/// </summary>
internal sealed class IndependentTrial : ITrial
{
    private readonly IKnownMiFamily _family;
    private readonly IReadOnlyList<IBound> _bounds;
    private readonly IColumnSummaryBound[]? _summaryBounds;
    private readonly IReadOnlyList<int> _batchSizes;
    private readonly int[] _sizesAscending;
    private readonly double[] _x, _y, _logRatios, _prefixLogSumExp;
    private double[]? _critic;

    public IndependentTrial(IKnownMiFamily family, IReadOnlyList<IBound> bounds, IReadOnlyList<int> batchSizes)
    {
        _family = family;
        _bounds = bounds;
        _summaryBounds = StreamingInBatchTrial.Supports(bounds) ? bounds.Cast<IColumnSummaryBound>().ToArray() : null;
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
        if (_summaryBounds is { } summaryBounds) EvaluateFromPrefixSummaries(summaryBounds, values);
        else EvaluateEachPrefix(values);
    }

    private void EvaluateFromPrefixSummaries(IColumnSummaryBound[] bounds, Span<double> values)
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
        for (int b = 0; b < bounds.Length; b++)
        {
            double shift = bounds[b].OptimalCriticShift;
            values[s * bounds.Length + b] = bounds[b].EvaluateSingleFromSummary(positive + shift, _prefixLogSumExp[s] + shift, _batchSizes[s]);
        }
    }

    private void EvaluateEachPrefix(Span<double> values)
    {
        for (int s = 0; s < _batchSizes.Count; s++)
        for (int b = 0; b < _bounds.Count; b++)
            values[s * _bounds.Count + b] = _bounds[b].EvaluateSingle(OptimalCritic(_batchSizes[s], _bounds[b].OptimalCriticShift));
    }

    private ReadOnlySpan<double> OptimalCritic(int n, double shift)
    {
        if (shift == 0) return _logRatios.AsSpan(0, n);
        _critic ??= new double[_logRatios.Length];
        TensorPrimitives.Add(_logRatios.AsSpan(0, n), shift, _critic.AsSpan(0, n));
        return _critic.AsSpan(0, n);
    }
}
