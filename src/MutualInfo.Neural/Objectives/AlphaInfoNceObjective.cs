using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// α-InfoNCE (Poole et al. 2019, the interpolated bound) with a learned baseline a(y): trades InfoNCE's low
/// variance (α = 1) against TUBA's freedom from the log n cap (α = 0).
/// </summary>
public sealed class AlphaInfoNceObjective : MiObjective
{
    /// <summary>Creates the bound with mixing weight <paramref name="alpha"/> (the paper's staircase uses 0.01).</summary>
    public AlphaInfoNceObjective(double alpha = DefaultAlpha)
    {
        if (!(alpha >= 0 && alpha <= 1)) throw new UsageException(FormattableString.Invariant($"--estimators: alpha-infonce: alpha must lie in [0, 1], got {alpha}"));
        Alpha = alpha;
    }

    /// <summary>The mixing weight α.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    public override string Name => "alpha-infonce";

    /// <inheritdoc />
    public override string Spec => FormattableString.Invariant($"alpha-infonce:alpha={Alpha}");

    /// <summary>The staircase's α = 0.01 (Poole et al. 2019).</summary>
    public const double DefaultAlpha = 0.01;

    /// <inheritdoc />
    public override bool NeedsBaseline => true;

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) =>
        FromBound(TorchBounds.AlphaInfoNce(scores, RequireBaseline(logBaseline), Alpha));
}
