using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>The batch size one bound needs.</summary>
/// <param name="Bound">The bound's name.</param>
/// <param name="Spec">Its specification.</param>
/// <param name="Label">Its human label.</param>
/// <param name="NNeeded">The smallest n with |E[bound] − I| ≤ δ by the estimate, null when not reached by the cap.</param>
/// <param name="NLow">Lower end of the 95% CI of n: the smallest n whose gap CI reaches δ (null: not by the cap).</param>
/// <param name="NHigh">Upper end: the smallest n whose whole gap CI lies within δ (null: beyond the cap).</param>
/// <param name="EstimateAtN">The bound's estimate at <see cref="NNeeded"/>.</param>
public sealed record GapSearchResult(string Bound, string Spec, string Label, int? NNeeded, int? NLow, int? NHigh, MeanEstimate? EstimateAtN);
