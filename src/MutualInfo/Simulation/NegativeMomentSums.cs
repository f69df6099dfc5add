using System.Numerics.Tensors;

namespace MutualInfo.Simulation;

/// <summary>
/// Running sums Σ_k r_k^α over a stream of negative log ratios l_k = log r_k for α = 1/8, 1/4, 1/2, 3/4, 1, with one
/// exponential per negative: u = e^{(l − L)/8} for a running shift L (the largest l so far), and the powers u², u⁴,
/// u⁶, u⁸ by multiplication. Each sum is kept relative to e^{αL} and rescaled when L grows, so nothing overflows.
/// Also keeps the <see cref="TopCount"/> largest log ratios (the top order statistics).
/// </summary>
internal sealed class NegativeMomentSums
{
    /// <summary>The exponents α, in the order of <see cref="LogSum"/>.</summary>
    public static readonly double[] Exponents = [0.125, 0.25, 0.5, 0.75, 1.0];

    private readonly double[] _sums = new double[Exponents.Length];
    private readonly double[] _scratch;
    private double _shift = double.NegativeInfinity;

    /// <summary>How many of the largest log ratios are kept, in descending order.</summary>
    public const int TopCount = 4;

    private readonly double[] _top = new double[TopCount];

    /// <summary>The j-th largest log ratio so far (j from 0; −∞ while fewer than j + 1 were added).</summary>
    public double Top(int j) => _top[j];

    public NegativeMomentSums(int blockLength)
    {
        _scratch = new double[blockLength];
        Array.Fill(_top, double.NegativeInfinity);
    }

    /// <summary>Starts a new stream.</summary>
    public void Reset()
    {
        Array.Clear(_sums);
        Array.Fill(_top, double.NegativeInfinity);
        _shift = double.NegativeInfinity;
    }

    /// <summary>Adds r^α of these negatives to every sum (−∞ log ratios add nothing).</summary>
    public void Add(ReadOnlySpan<double> logRatios)
    {
        if (logRatios.IsEmpty) return;
        double max = TensorPrimitives.Max(logRatios);
        if (max == double.NegativeInfinity) return;
        if (max > _shift)
        {
            if (_shift != double.NegativeInfinity)
                for (int a = 0; a < _sums.Length; a++) _sums[a] *= Math.Exp(Exponents[a] * (_shift - max));
            _shift = max;
        }
        foreach (double l in logRatios) if (l > _top[TopCount - 1]) InsertTop(l);
        Span<double> u = _scratch.AsSpan(0, logRatios.Length);
        TensorPrimitives.Add(logRatios, -_shift, u);
        TensorPrimitives.Multiply(u, 0.125, u);
        TensorPrimitives.Exp(u, u);
        double s1 = 0, s2 = 0, s4 = 0, s6 = 0, s8 = 0;
        foreach (double e in u)
        {
            double e2 = e * e, e4 = e2 * e2;
            s1 += e;
            s2 += e2;
            s4 += e4;
            s6 += e4 * e2;
            s8 += e4 * e4;
        }
        _sums[0] += s1;
        _sums[1] += s2;
        _sums[2] += s4;
        _sums[3] += s6;
        _sums[4] += s8;
    }

    private void InsertTop(double l)
    {
        int j = TopCount - 1;
        for (; j > 0 && _top[j - 1] < l; j--) _top[j] = _top[j - 1];
        _top[j] = l;
    }

    /// <summary>log Σ r^α for exponent index a (−∞ before any finite log ratio).</summary>
    public double LogSum(int a) => _shift == double.NegativeInfinity ? double.NegativeInfinity : Exponents[a] * _shift + Math.Log(_sums[a]);
}
