using System.Numerics.Tensors;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>
/// A batch of n pairs from P_XY scored all-against-all: the n×n matrix S[i,j] = critic(x_i, y_j), the critic being
/// log r or an imperfect version of it. Writes one value per bound, then the control (mean of the exact diagonal).
/// </summary>
internal sealed class InBatchTrial : ITrial
{
    private readonly IKnownMiFamily _family;
    private readonly IReadOnlyList<IBound> _bounds;
    private readonly CriticSpec _critic;
    private readonly int _n;
    private readonly int[] _byShift;
    private readonly double[] _x, _y, _scores;

    public InBatchTrial(IKnownMiFamily family, IReadOnlyList<IBound> bounds, int n, CriticSpec? critic = null)
    {
        _family = family;
        _bounds = bounds;
        _critic = critic ?? CriticSpec.Exact;
        _n = n;
        // Bounds run in order of their critic shift so one matrix can be shifted in place, never copied.
        _byShift = Enumerable.Range(0, bounds.Count).OrderBy(b => bounds[b].OptimalCriticShift).ToArray();
        _x = new double[n * family.DimX];
        _y = new double[n * family.DimY];
        _scores = new double[(long)n * n];
    }

    public void Run(Rng rng, Span<double> values)
    {
        _family.SampleJoint(rng, _x, _y);
        _family.LogRatioMatrix(_x, _y, _scores);
        double diagonal = 0;
        for (int i = 0; i < _n; i++) diagonal += _scores[i * _n + i];
        values[_bounds.Count] = diagonal / _n;
        if (!_critic.IsExact) _critic.ApplyToBlock(_scores, _n, _y, _family.DimY, rng);
        double applied = 0;
        foreach (int b in _byShift)
        {
            double shift = _bounds[b].OptimalCriticShift;
            if (shift != applied) TensorPrimitives.Add(_scores, shift - applied, _scores);
            applied = shift;
            values[b] = _bounds[b].EvaluateBatch(_scores, _n);
        }
    }
}
