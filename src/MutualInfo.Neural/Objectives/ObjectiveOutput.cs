using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>One evaluation of a training objective.</summary>
/// <param name="Loss">The scalar to minimise (its gradient trains the critic).</param>
/// <param name="Estimate">The scalar MI estimate to report, in nats (detached from the graph).</param>
public readonly record struct ObjectiveOutput(Tensor Loss, Tensor Estimate);
