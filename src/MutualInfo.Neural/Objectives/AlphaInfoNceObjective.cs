using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// α-InfoNCE (Poole et al. 2019, the interpolated bound) with a learned baseline a(y): trades InfoNCE's low
/// variance (α = 1) against TUBA's freedom from the log n cap (α = 0).
/// </summary>
public sealed class AlphaInfoNceObjective : MiObjective
{
    /// <summary>
    /// Creates the bound with mixing weight <paramref name="alpha"/> (default <see cref="DefaultAlpha"/>; the paper's
    /// staircase, and so <c>mi staircase</c>'s default list, passes 0.01 explicitly).
    /// </summary>
    public AlphaInfoNceObjective(double alpha = DefaultAlpha)
    {
        if (!(alpha >= 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), FormattableString.Invariant($"alpha-infonce: alpha must lie in [0, 1], got {alpha}"));
        Alpha = alpha;
    }

    /// <summary>The mixing weight α.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    public override string Name => "alpha-infonce";

    /// <inheritdoc />
    public override string Spec => FormattableString.Invariant($"alpha-infonce:alpha={Alpha}");

    /// <summary>The one default α of every <c>alpha-infonce</c>: <see cref="MutualInfo.Bounds.AlphaInfoNceBound.DefaultAlpha"/> (0.5), as in <c>mi simulate</c>.</summary>
    public const double DefaultAlpha = MutualInfo.Bounds.AlphaInfoNceBound.DefaultAlpha;

    /// <inheritdoc />
    public override bool NeedsBaseline => true;

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) =>
        FromBound(TorchBounds.AlphaInfoNce(scores, RequireBaseline(logBaseline), Alpha));
}
