using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// X ~ U(0, 1), Y = X + U(−ε, ε). I(X;Y) = ε − ln 2ε for ε ≤ ½ and 1/(4ε) otherwise.
/// </summary>
/// <remarks>
/// p(y | x) = 1/(2ε) on |y − x| ≤ ε, and p(y) = |[y − ε, y + ε] ∩ [0, 1]| / (2ε) (a trapezoid), so
/// log r(x, y) = −ln |[y − ε, y + ε] ∩ [0, 1]| inside the support and −∞ outside it (zero joint density).
/// </remarks>
public sealed class UniformAdditiveFamily : KnownMiFamily
{
    private readonly double _eps;

    /// <summary>Creates the family.</summary>
    /// <param name="eps">ε &gt; 0, the half-width of the additive noise.</param>
    public UniformAdditiveFamily(double eps)
    {
        if (!(eps > 0) || double.IsPositiveInfinity(eps)) throw new ArgumentOutOfRangeException(nameof(eps), $"eps must be a finite number > 0, got {SpecNumber.Format(eps)}");
        _eps = eps;
    }

    /// <summary>ε, the half-width of the noise.</summary>
    public double Eps => _eps;

    /// <inheritdoc />
    public override string Name => $"uniform-additive:eps={SpecNumber.Format(_eps)}";

    /// <inheritdoc />
    public override int DimX => 1;

    /// <inheritdoc />
    public override int DimY => 1;

    /// <inheritdoc />
    public override double MutualInformation => _eps <= 0.5 ? _eps - Math.Log(2 * _eps) : 1 / (4 * _eps);

    /// <inheritdoc />
    public override void SampleJoint(Rng rng, Span<double> x, Span<double> y)
    {
        CheckJointShapes(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double xi = rng.NextDouble();
            x[i] = xi;
            y[i] = xi + _eps * (2 * rng.NextDouble() - 1);
        }
    }

    /// <inheritdoc />
    public override void SampleMarginalX(Rng rng, Span<double> x) => rng.FillUniform(x);

    /// <inheritdoc />
    protected override double LogRatioPair(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => LogRatio(x[0], y[0]);

    /// <inheritdoc />
    protected override void LogRatioMatrixCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int nx, int ny, Span<double> dest)
    {
        for (int j = 0; j < ny; j++)
        {
            double logMarginal = LogOverlap(y[j]);
            for (int i = 0; i < nx; i++) dest[i * ny + j] = InSupport(x[i], y[j]) ? logMarginal : double.NegativeInfinity;
        }
    }

    private double LogRatio(double x, double y) => InSupport(x, y) ? LogOverlap(y) : double.NegativeInfinity;

    private bool InSupport(double x, double y) => x >= 0 && x <= 1 && Math.Abs(y - x) <= _eps;

    // −ln of the length of [y − ε, y + ε] ∩ [0, 1]; every y with a joint-supported x has a positive overlap.
    private double LogOverlap(double y)
    {
        double overlap = Math.Min(1, y + _eps) - Math.Max(0, y - _eps);
        return overlap > 0 ? -Math.Log(overlap) : double.NegativeInfinity;
    }
}
