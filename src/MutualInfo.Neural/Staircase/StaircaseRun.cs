namespace MutualInfo.Neural.Staircase;

/// <summary>One estimator's staircase: per-level summaries and the estimate of every training step.</summary>
/// <param name="Name">Estimator name (e.g. <c>infonce</c>).</param>
/// <param name="Spec">The specification it was parsed from (e.g. <c>smile:tau=5</c>).</param>
/// <param name="Critic">Critic kind name.</param>
/// <param name="Levels">One summary per level, in order.</param>
/// <param name="Trace">Estimate at every step (levels concatenated).</param>
public sealed record StaircaseRun(string Name, string Spec, string Critic, IReadOnlyList<StaircaseLevel> Levels, double[] Trace);
