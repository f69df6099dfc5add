using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// SMILE(τ) (Song &amp; Ermon 2020): trains with the f-GAN JS objective, reports DV with the negatives clipped to
/// [−τ, τ] in the partition term, which bounds the variance of the estimate.
/// </summary>
public sealed class SmileObjective : MiObjective
{
    /// <summary>Creates SMILE with clipping threshold <paramref name="tau"/> (the paper's default is 5).</summary>
    public SmileObjective(double tau = DefaultTau)
    {
        if (!(tau > 0)) throw new ArgumentOutOfRangeException(nameof(tau), FormattableString.Invariant($"smile: tau must be > 0, got {tau}"));
        // Scores live in float32 during training; past ~88 e^τ overflows there and clipping at τ changes nothing anyway.
        if (tau > MaxTau) throw new ArgumentOutOfRangeException(nameof(tau), FormattableString.Invariant($"smile: tau must be at most {MaxTau} (beyond it nothing is clipped: use dv), got {tau}"));
        Tau = tau;
    }

    /// <summary>The clipping threshold τ.</summary>
    public double Tau { get; }

    /// <inheritdoc />
    public override string Name => "smile";

    /// <inheritdoc />
    public override string Spec => FormattableString.Invariant($"smile:tau={Tau}");

    /// <summary>The papers' τ = 5.</summary>
    public const double DefaultTau = 5;

    /// <summary>Largest τ accepted.</summary>
    public const double MaxTau = 80;

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) =>
        FromSurrogate(TorchBounds.JsFGan(scores), TorchBounds.Smile(scores, Tau));
}
