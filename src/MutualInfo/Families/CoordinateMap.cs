using MutualInfo.Numerics;

namespace MutualInfo.Families;

/// <summary>
/// A strictly increasing map of the real line applied to every coordinate of a sample. Mutual information is
/// invariant under such maps, and the density ratio of the mapped pair equals the original ratio at the
/// pre-images (the Jacobians of the joint and of the marginals cancel).
/// </summary>
public sealed class CoordinateMap
{
    private readonly Func<double, double> _forward;
    private readonly Func<double, double> _inverse;

    private CoordinateMap(string name, Func<double, double> forward, Func<double, double> inverse)
    {
        Name = name;
        _forward = forward;
        _inverse = inverse;
    }

    /// <summary>t ↦ t³.</summary>
    public static CoordinateMap Cubic { get; } = new("cubic", t => t * t * t, Math.Cbrt);

    /// <summary>t ↦ sign(t) |t|^{3/2}.</summary>
    public static CoordinateMap HalfCube { get; } = new("half-cube",
        t => t * Math.Sqrt(Math.Abs(t)),
        s => Math.CopySign(Math.Cbrt(s * s), s));

    /// <summary>t ↦ asinh(t).</summary>
    public static CoordinateMap Asinh { get; } = new("asinh", Math.Asinh, Math.Sinh);

    /// <summary>
    /// t ↦ Φ(t), the standard normal distribution function, onto (0, 1). In double precision Φ(t) rounds to 1
    /// for t &gt; 8.29, so upper-tail values beyond that cannot be inverted (their pre-image is +∞); the lower tail
    /// keeps full precision down to t ≈ −37.
    /// </summary>
    public static CoordinateMap NormalCdf { get; } = new("normal-cdf",
        SpecialFunctions.NormalCdf, s => s is >= 0 and <= 1 ? SpecialFunctions.NormalQuantile(s) : double.NaN);

    /// <summary>All maps, by name.</summary>
    public static IReadOnlyList<CoordinateMap> All { get; } = [Cubic, HalfCube, Asinh, NormalCdf];

    /// <summary>The name used in family specifications (e.g. <c>+cubic</c>).</summary>
    public string Name { get; }

    /// <summary>The map.</summary>
    public double Forward(double t) => _forward(t);

    /// <summary>Its inverse.</summary>
    public double Inverse(double s) => _inverse(s);

    /// <summary>The map with this name, or null.</summary>
    public static CoordinateMap? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
