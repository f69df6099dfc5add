namespace MutualInfo.Randomness;

/// <summary>
/// Gamma(shape, 1) variates by Marsaglia–Tsang for a fixed shape ≥ 1, with the shape's constants computed once
/// (the hot loop of the exact negative samplers draws one per negative). Draws the same stream as
/// <see cref="Rng.NextGamma"/>.
/// </summary>
public readonly struct GammaSampler
{
    private readonly double _d, _c, _scale;

    /// <summary>A sampler of <paramref name="scale"/> · Gamma(<paramref name="shape"/>, 1), shape ≥ 1.</summary>
    public GammaSampler(double shape, double scale = 1)
    {
        if (!(shape >= 1)) throw new ArgumentOutOfRangeException(nameof(shape), "GammaSampler needs shape ≥ 1");
        _d = shape - 1.0 / 3;
        _c = 1 / Math.Sqrt(9 * _d);
        _scale = scale;
    }

    /// <summary>A sampler of χ²(dof) = 2 · Gamma(dof/2, 1), dof ≥ 2.</summary>
    public static GammaSampler ChiSquare(double dof) => new(dof / 2, 2);

    /// <summary>The next variate.</summary>
    public double Next(Rng rng)
    {
        while (true)
        {
            double z = rng.NextGaussian(), v = 1 + _c * z;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.NextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.Log(u) < 0.5 * z * z + _d * (1 - v + Math.Log(v))) return _scale * (_d * v);
        }
    }
}
