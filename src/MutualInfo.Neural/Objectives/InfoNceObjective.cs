using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>Trains and reports InfoNCE (van den Oord et al. 2018): low variance, capped at log n.</summary>
public sealed class InfoNceObjective : MiObjective
{
    /// <inheritdoc />
    public override string Name => "infonce";

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) => FromBound(TorchBounds.InfoNce(scores));
}
