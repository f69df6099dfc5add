using System.Numerics.Tensors;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>One positive (x, y) ~ P_XY with n − 1 fresh negatives x̄ ~ P_X, scored by the exact log ratio.</summary>
internal sealed class IndependentTrial(IKnownMiFamily family, IReadOnlyList<IBound> bounds, int n) : ITrial
{
    private readonly double[] _x = new double[family.DimX];
    private readonly double[] _y = new double[family.DimY];
    private readonly double[] _logRatios = new double[n];
    private readonly double[] _critic = new double[n];

    public void Run(Rng rng, Span<double> valuePerBound)
    {
        family.SampleJoint(rng, _x, _y);
        family.LogRatioMatrix(_x, _y, _logRatios.AsSpan(0, 1));
        family.SampleNegativeLogRatios(rng, _y, _logRatios.AsSpan(1));
        for (int b = 0; b < bounds.Count; b++)
            valuePerBound[b] = bounds[b].EvaluateSingle(OptimalCritic(bounds[b].OptimalCriticShift));
    }

    private ReadOnlySpan<double> OptimalCritic(double shift)
    {
        if (shift == 0) return _logRatios;
        TensorPrimitives.Add(_logRatios, shift, _critic);
        return _critic;
    }
}
