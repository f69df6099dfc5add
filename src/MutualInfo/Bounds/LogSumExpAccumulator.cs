using System.Numerics.Tensors;
using MutualInfo.Numerics;

namespace MutualInfo.Bounds;

/// <summary>
/// Streaming log-sum-exp over several spans (e.g. the two off-diagonal pieces of each row): keeps a running maximum
/// and the sum of exp(x − max), rescaling the sum whenever a larger maximum arrives, so nothing overflows.
/// </summary>
internal struct LogSumExpAccumulator
{
    private double _max;
    private double _sum;

    public LogSumExpAccumulator()
    {
        _max = double.NegativeInfinity;
        _sum = 0.0;
    }

    /// <summary>log Σ exp(x) over everything added; −∞ when nothing (or only −∞) was added.</summary>
    public readonly double Result => _max == double.NegativeInfinity ? double.NegativeInfinity : _max + Math.Log(_sum);

    public void Add(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) return;
        RaiseMax(TensorPrimitives.Max(x));
        // Every exponent is ≤ 0 here, which is what ExpForSum needs; the terms it drops (below e^−708 of the running
        // maximum, whose own term is 1) cannot change the sum.
        if (_max != double.NegativeInfinity) _sum += DeterministicMath.SumExpForSum(x, _max);
    }

    /// <summary>Adds clamp(x, lo, hi) without materialising the clamped values.</summary>
    public void AddClamped(ReadOnlySpan<double> x, double lo, double hi)
    {
        if (x.IsEmpty) return;
        double max = TensorPrimitives.Max(x);
        LogSumExp.ThrowIfIllegal(max);
        RaiseMax(Math.Clamp(max, lo, hi));
        _sum += LogSumExp.SumExpClamped(x, _max, lo, hi);
    }

    private void RaiseMax(double candidate)
    {
        LogSumExp.ThrowIfIllegal(candidate);
        if (candidate <= _max) return;
        _sum *= Math.Exp(_max - candidate);
        _max = candidate;
    }
}
