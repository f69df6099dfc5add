using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// SMILE(τ) (Song &amp; Ermon 2020): trains with the f-GAN JS objective, reports DV with the negatives clipped to
/// [−τ, τ] in the partition term, which bounds the variance of the estimate.
/// </summary>
public sealed class SmileObjective : MiObjective
{
    /// <summary>Creates SMILE with clipping threshold <paramref name="tau"/> (the paper's default is 5).</summary>
    public SmileObjective(double tau = 5)
    {
        if (!(tau > 0)) throw new UsageException($"--estimators: smile needs tau > 0, got {tau}");
        Tau = tau;
    }

    /// <summary>The clipping threshold τ.</summary>
    public double Tau { get; }

    /// <inheritdoc />
    public override string Name => "smile";

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) =>
        FromSurrogate(TorchBounds.JsFGan(scores), TorchBounds.Smile(scores, Tau));
}
