using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>Trains and reports TUBA with a learned baseline a(y) (Poole et al. 2019).</summary>
public sealed class TubaObjective : MiObjective
{
    /// <inheritdoc />
    public override string Name => "tuba";

    /// <inheritdoc />
    public override bool NeedsBaseline => true;

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) =>
        FromBound(TorchBounds.Tuba(scores, RequireBaseline(logBaseline)));
}
