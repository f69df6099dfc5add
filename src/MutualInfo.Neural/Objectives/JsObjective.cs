using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>Trains with the f-GAN Jensen–Shannon objective; reports NWJ(S + 1), an MI lower bound at the JS optimum.</summary>
public sealed class JsObjective : MiObjective
{
    /// <inheritdoc />
    public override string Name => "js";

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) =>
        FromSurrogate(TorchBounds.JsFGan(scores), TorchBounds.JsValue(scores));
}
