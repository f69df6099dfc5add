using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// BMI's Swiss-roll embedding of a one-dimensional X with values in [0, 1] into the plane:
/// u ↦ (t cos t, t sin t) / 21 with t = 1.5π (1 + 2u). The map is injective on [0, 1] (the radius t/21 grows with
/// u), so I(X';Y) = I(X;Y). X' lives on a curve of R², where it has no density: the family can be sampled but has
/// no exact log density ratio (<see cref="IKnownMiFamily.HasExactLogRatio"/> is false).
/// </summary>
public sealed class SwissRollFamily : KnownMiFamily
{
    private const double Scale = 21.0;

    /// <summary>Creates the embedding of <paramref name="inner"/>'s X.</summary>
    /// <param name="inner">A family with a one-dimensional X in [0, 1]: uniform-additive, or any light-tailed family with <c>+normal-cdf</c> on X.</param>
    public SwissRollFamily(IKnownMiFamily inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner.DimX != 1) throw new ArgumentException($"swiss-roll embeds a one-dimensional X, got dim_x = {inner.DimX}", nameof(inner));
        if (!HasUnitIntervalX(inner))
            throw new ArgumentException("swiss-roll needs X in [0, 1] underneath: uniform-additive, or a family with +normal-cdf on x "
                + "(e.g. gaussian:dim=1,rho=0.75+normal-cdf+swiss-roll:x)", nameof(inner));
        Inner = inner;
    }

    private static bool HasUnitIntervalX(IKnownMiFamily family) =>
        family is UniformAdditiveFamily || family is TransformedFamily { XMap: var map } && map == CoordinateMap.NormalCdf;

    /// <summary>The family before the embedding.</summary>
    public IKnownMiFamily Inner { get; }

    /// <summary>The embedding of one value u ∈ [0, 1].</summary>
    public static (double First, double Second) Embed(double u)
    {
        double t = 1.5 * Math.PI * (1 + 2 * u);
        (double sin, double cos) = Math.SinCos(t);
        return (t * cos / Scale, t * sin / Scale);
    }

    /// <inheritdoc />
    public override string Name => Inner.Name + "+swiss-roll:x";

    /// <inheritdoc />
    public override bool HasExactLogRatio => false;

    /// <inheritdoc />
    public override int DimX => 2;

    /// <inheritdoc />
    public override int DimY => Inner.DimY;

    /// <inheritdoc />
    public override double MutualInformation => Inner.MutualInformation;

    /// <inheritdoc />
    public override void SampleJoint(Rng rng, Span<double> x, Span<double> y)
    {
        int n = CheckJointShapes(x, y);
        using var lease = new PooledArray(n);
        Inner.SampleJoint(rng, lease.Span, y);
        EmbedAll(lease.Span, x);
    }

    /// <inheritdoc />
    public override void SampleMarginalX(Rng rng, Span<double> x)
    {
        int n = RowCount(x.Length, DimX, nameof(x));
        using var lease = new PooledArray(n);
        Inner.SampleMarginalX(rng, lease.Span);
        EmbedAll(lease.Span, x);
    }

    private static void EmbedAll(ReadOnlySpan<double> u, Span<double> x)
    {
        for (int i = 0; i < u.Length; i++) (x[2 * i], x[2 * i + 1]) = Embed(u[i]);
    }

    /// <inheritdoc />
    protected override double LogRatioPair(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => throw NoLogRatio();

    /// <inheritdoc />
    protected override void LogRatioMatrixCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int nx, int ny, Span<double> dest) => throw NoLogRatio();

    /// <inheritdoc />
    public override void SampleNegativeLogRatios(Rng rng, ReadOnlySpan<double> y, Span<double> dest) => throw NoLogRatio();

    private NotSupportedException NoLogRatio() =>
        new($"{Name}: the Swiss-roll embedding puts X on a curve of R², where it has no density, so there is no exact log ratio");
}
