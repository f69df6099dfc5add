using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// A continuous family observed through invertible per-coordinate maps: X' = f(X), Y' = g(Y). I(X';Y') = I(X;Y),
/// and log r'(x', y') = log r(f⁻¹(x'), g⁻¹(y')) because the Jacobians of p(x', y'), p(x') and p(y') cancel.
/// </summary>
public sealed class TransformedFamily : KnownMiFamily
{
    /// <summary>Creates the transformed family; a null map leaves that side unchanged.</summary>
    /// <param name="inner">A continuous family (not <see cref="DiscreteFamily"/>).</param>
    /// <param name="xMap">Map applied to every coordinate of X, or null.</param>
    /// <param name="yMap">Map applied to every coordinate of Y, or null.</param>
    public TransformedFamily(IKnownMiFamily inner, CoordinateMap? xMap, CoordinateMap? yMap)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner is DiscreteFamily) throw new ArgumentException("transforms apply to continuous families only, not to discrete", nameof(inner));
        if (!inner.HasExactLogRatio) throw new ArgumentException("per-coordinate transforms cannot follow an embedding (swiss-roll); apply them before", nameof(inner));
        if (xMap is null && yMap is null) throw new ArgumentException("a transform needs a map for x, for y, or both", nameof(xMap));
        CoordinateMap? heavy = NeedsLightTails(xMap) && !HasLightTails(inner, xSide: true) ? xMap
            : NeedsLightTails(yMap) && !HasLightTails(inner, xSide: false) ? yMap : null;
        if (heavy is not null)
            throw new ArgumentException($"{heavy.Name} needs a gaussian, multinormal with variances ≤ 1 or uniform-additive family "
                + "underneath: heavier tails reach values whose normal CDF is exactly 0 or 1 in double precision, where the map "
                + "cannot be inverted (use asinh or half-cube instead)", nameof(inner));
        Inner = inner;
        XMap = xMap;
        YMap = yMap;
    }

    /// <summary>Maps built on Φ, which rounds to exactly 0 or 1 far in the tails.</summary>
    private static bool NeedsLightTails(CoordinateMap? map) =>
        map == CoordinateMap.NormalCdf || map == CoordinateMap.BimodalX || map == CoordinateMap.BimodalY;

    /// <summary>
    /// Tails light enough on one side that Φ(t) stays strictly inside (0, 1) in double precision for every sample we
    /// draw: a light-tailed base family, seen through no map or through the normal CDF (bounded) on that side.
    /// </summary>
    private static bool HasLightTails(IKnownMiFamily family, bool xSide) => family switch
    {
        GaussianFamily or UniformAdditiveFamily => true,
        MultinormalFamily m => m.MaxVariance <= 1,
        TransformedFamily t => (xSide ? t.XMap : t.YMap) is null or { Name: "normal-cdf" } && HasLightTails(t.Inner, xSide),
        _ => false,
    };

    /// <summary>The untransformed family.</summary>
    public IKnownMiFamily Inner { get; }

    /// <summary>KL divergences are invariant under invertible per-coordinate maps, so the lautum information is the inner family's.</summary>
    public override double? LautumInformation => Inner.LautumInformation;

    /// <summary>r at the pre-images is the inner family's r, so its moments are unchanged.</summary>
    public override double? RatioSecondMoment => Inner.RatioSecondMoment;

    /// <inheritdoc />
    public override double? LogRatioVariance => Inner.LogRatioVariance;

    /// <summary>The map applied to X, or null.</summary>
    public CoordinateMap? XMap { get; }

    /// <summary>The map applied to Y, or null.</summary>
    public CoordinateMap? YMap { get; }

    /// <inheritdoc />
    public override string Name => Inner.Name + Suffix;

    private string Suffix => (XMap, YMap) switch
    {
        ({ } x, { } y) when ReferenceEquals(x, y) => "+" + x.Name,
        ({ } x, { } y) => $"+{x.Name}:x+{y.Name}:y",
        ({ } x, null) => $"+{x.Name}:x",
        (null, { } y) => $"+{y.Name}:y",
        _ => "",
    };

    /// <inheritdoc />
    public override int DimX => Inner.DimX;

    /// <inheritdoc />
    public override int DimY => Inner.DimY;

    /// <inheritdoc />
    public override double MutualInformation => Inner.MutualInformation;

    /// <inheritdoc />
    public override void SampleJoint(Rng rng, Span<double> x, Span<double> y)
    {
        Inner.SampleJoint(rng, x, y);
        Apply(XMap, x);
        Apply(YMap, y);
    }

    /// <inheritdoc />
    public override void SampleMarginalX(Rng rng, Span<double> x)
    {
        Inner.SampleMarginalX(rng, x);
        Apply(XMap, x);
    }

    /// <inheritdoc />
    protected override double LogRatioPair(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Span<double> result = stackalloc double[1];
        LogRatioMatrixCore(x, y, 1, 1, result);
        return result[0];
    }

    /// <inheritdoc />
    protected override void LogRatioMatrixCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int nx, int ny, Span<double> dest)
    {
        using var xLease = new PooledArray(x.Length);
        using var yLease = new PooledArray(y.Length);
        Span<double> xPre = xLease.Span, yPre = yLease.Span;
        Invert(XMap, x, xPre);
        Invert(YMap, y, yPre);
        Inner.LogRatioMatrix(xPre, yPre, dest);
    }

    /// <summary>
    /// The negatives' scores do not depend on the maps: r'(f(x̄), y') = r(x̄, g⁻¹(y')), so the inner family's
    /// (possibly reduced) sampler is used at the pre-image of y.
    /// </summary>
    public override void SampleNegativeLogRatios(Rng rng, ReadOnlySpan<double> y, Span<double> dest)
    {
        CheckSingleY(y);
        using var lease = new PooledArray(y.Length);
        Span<double> yPre = lease.Span;
        Invert(YMap, y, yPre);
        Inner.SampleNegativeLogRatios(rng, yPre, dest);
    }

    private static void Apply(CoordinateMap? map, Span<double> values)
    {
        if (map is null) return;
        for (int i = 0; i < values.Length; i++) values[i] = map.Forward(values[i]);
    }

    private static void Invert(CoordinateMap? map, ReadOnlySpan<double> values, Span<double> dest)
    {
        if (map is null)
        {
            values.CopyTo(dest);
            return;
        }
        for (int i = 0; i < values.Length; i++) dest[i] = map.Inverse(values[i]);
    }
}
