namespace MutualInfo.Families;

/// <summary>
/// BMI's "wiggly" maps (Czyż et al. 2023): t ↦ t + Σ aₖ sin(bₖ t + cₖ), with Σ|aₖ bₖ| &lt; 1 so the map is strictly
/// increasing and stays within Σ|aₖ| of the identity. The inverse is found inside that band with
/// <see cref="MonotoneSolver"/>.
/// </summary>
internal sealed class WigglyFunction
{
    private readonly (double A, double B, double C)[] _terms;
    private readonly double _band;

    private WigglyFunction(params (double A, double B, double C)[] terms)
    {
        _terms = terms;
        _band = terms.Sum(k => Math.Abs(k.A));
    }

    /// <summary>BMI's <c>wiggly_x</c>: t + 0.4 sin t + 0.2 sin(1.7t + 1) + 0.03 sin(3.3t − 2.5).</summary>
    public static WigglyFunction X { get; } = new((0.4, 1.0, 0.0), (0.2, 1.7, 1.0), (0.03, 3.3, -2.5));

    /// <summary>BMI's <c>wiggly_y</c>: t − 0.4 sin(0.4t) + 0.17 sin(1.3t + 3.5) + 0.02 sin(4.3t − 2.5).</summary>
    public static WigglyFunction Y { get; } = new((-0.4, 0.4, 0.0), (0.17, 1.3, 3.5), (0.02, 4.3, -2.5));

    public double Forward(double t)
    {
        if (!double.IsFinite(t)) return t;
        double s = t;
        foreach (var (a, b, c) in _terms) s += a * Math.Sin(b * t + c);
        return s;
    }

    public double Inverse(double s)
    {
        if (!double.IsFinite(s)) return s;
        // |f(t) − t| ≤ band, so the pre-image lies in [s − band, s + band].
        return MonotoneSolver.Solve(t => Forward(t) - s, Slope, s - _band - 1e-9, s + _band + 1e-9);
    }

    private double Slope(double t)
    {
        double d = 1;
        foreach (var (a, b, c) in _terms) d += a * b * Math.Cos(b * t + c);
        return d;
    }
}
