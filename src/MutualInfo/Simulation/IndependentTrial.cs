using System.Numerics.Tensors;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>
/// One positive (x, y) ~ P_XY with a pool of max(n) − 1 fresh negatives x̄ ~ P_X, scored by the exact log ratio.
/// Batch size n uses the first n − 1 negatives of the pool: an iid sample of the right size, so every n gets an exact
/// trial while the sampling is paid once (common random numbers across n, which also smooths the curves).
/// Writes <c>values[sizeIndex * bounds + bound]</c>.
/// </summary>
internal sealed class IndependentTrial(IKnownMiFamily family, IReadOnlyList<IBound> bounds, IReadOnlyList<int> batchSizes) : ITrial
{
    private readonly double[] _x = new double[family.DimX];
    private readonly double[] _y = new double[family.DimY];
    private readonly double[] _logRatios = new double[batchSizes.Max()];
    private double[]? _critic;

    public void Run(Rng rng, Span<double> values)
    {
        family.SampleJoint(rng, _x, _y);
        family.LogRatioMatrix(_x, _y, _logRatios.AsSpan(0, 1));
        family.SampleNegativeLogRatios(rng, _y, _logRatios.AsSpan(1));
        for (int s = 0; s < batchSizes.Count; s++)
        for (int b = 0; b < bounds.Count; b++)
            values[s * bounds.Count + b] = bounds[b].EvaluateSingle(OptimalCritic(batchSizes[s], bounds[b].OptimalCriticShift));
    }

    private ReadOnlySpan<double> OptimalCritic(int n, double shift)
    {
        if (shift == 0) return _logRatios.AsSpan(0, n);
        _critic ??= new double[_logRatios.Length];
        TensorPrimitives.Add(_logRatios.AsSpan(0, n), shift, _critic.AsSpan(0, n));
        return _critic.AsSpan(0, n);
    }
}
