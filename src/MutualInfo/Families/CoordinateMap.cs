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

    /// <summary>BMI's <c>wiggly_x</c>, t ↦ t + 0.4 sin t + 0.2 sin(1.7t + 1) + 0.03 sin(3.3t − 2.5); inverted numerically.</summary>
    public static CoordinateMap WigglyX { get; } = new("wiggly-x", WigglyFunction.X.Forward, WigglyFunction.X.Inverse);

    /// <summary>BMI's <c>wiggly_y</c>, t ↦ t − 0.4 sin(0.4t) + 0.17 sin(1.3t + 3.5) + 0.02 sin(4.3t − 2.5); inverted numerically.</summary>
    public static CoordinateMap WigglyY { get; } = new("wiggly-y", WigglyFunction.Y.Forward, WigglyFunction.Y.Inverse);

    /// <summary>
    /// t ↦ F⁻¹(Φ(t)) with F the mixture 0.3 N(0, 1) + 0.7 N(5, 1): a standard normal coordinate becomes X of BMI's
    /// bimodal task. Forward solved numerically, inverse Φ⁻¹(F(s)) in closed form.
    /// </summary>
    public static CoordinateMap BimodalX { get; } = new("bimodal-x", BimodalFunction.X.Forward, BimodalFunction.X.Inverse);

    /// <summary>As <see cref="BimodalX"/> with the mixture 0.5 N(−1, 1) + 0.5 N(3, 1) (Y of BMI's bimodal task).</summary>
    public static CoordinateMap BimodalY { get; } = new("bimodal-y", BimodalFunction.Y.Forward, BimodalFunction.Y.Inverse);

    /// <summary>All maps, by name.</summary>
    public static IReadOnlyList<CoordinateMap> All { get; } = [Cubic, HalfCube, Asinh, NormalCdf, WigglyX, WigglyY, BimodalX, BimodalY];

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
