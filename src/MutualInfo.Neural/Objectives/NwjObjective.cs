using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>Trains and reports NWJ (Nguyen, Wainwright &amp; Jordan 2010): unbiased-ish, high variance at high MI.</summary>
public sealed class NwjObjective : MiObjective
{
    /// <inheritdoc />
    public override string Name => "nwj";

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) => FromBound(TorchBounds.Nwj(scores));
}
