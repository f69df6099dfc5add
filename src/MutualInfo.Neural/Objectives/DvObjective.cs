using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>Trains and reports the Donsker–Varadhan value with its plain (biased) minibatch gradient.</summary>
public sealed class DvObjective : MiObjective
{
    /// <inheritdoc />
    public override string Name => "dv";

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) => FromBound(TorchBounds.Dv(scores));
}
