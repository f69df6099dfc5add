namespace MutualInfo.Simulation;

/// <summary>The target-gap search of one family.</summary>
/// <param name="Family">The family's spec.</param>
/// <param name="TrueMi">I in nats.</param>
/// <param name="Delta">The target gap δ in nats.</param>
/// <param name="MaxN">The cap on n.</param>
/// <param name="Negatives">How negatives were drawn.</param>
/// <param name="Seed">Root seed.</param>
/// <param name="Critic">The critic's spec.</param>
/// <param name="Trials">Trials per evaluation.</param>
/// <param name="Results">One result per bound, in the order given.</param>
public sealed record GapSearchRun(string Family, double TrueMi, double Delta, int MaxN, NegativeSampling Negatives, ulong Seed,
    string Critic, int Trials, IReadOnlyList<GapSearchResult> Results);
