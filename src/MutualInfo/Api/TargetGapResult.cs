using MutualInfo.Simulation;

namespace MutualInfo;

/// <summary>
/// What <see cref="Simulations.TargetGap"/> and <see cref="Simulations.SweepMi"/> return (as <c>mi simulate --target-gap</c>
/// and <c>--sweep-mi</c> print and write to <c>--json</c>).
/// </summary>
/// <param name="Delta">The target gap δ in nats.</param>
/// <param name="MaxN">The largest n tried.</param>
/// <param name="Searches">One search per family, in the order given; each holds one result per bound.</param>
public sealed record TargetGapResult(double Delta, int MaxN, IReadOnlyList<GapSearchRun> Searches)
{
    /// <summary>The result of the bound with this spec (e.g. <c>infonce</c>) in the search of the family at this index.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="family"/> is not an index of <see cref="Searches"/>.</exception>
    /// <exception cref="ArgumentException">The search has no bound with this spec.</exception>
    public GapSearchResult ResultOf(string bound, int family = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(family);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(family, Searches.Count);
        return Searches[family].Results.FirstOrDefault(r => r.Spec == bound)
            ?? throw new ArgumentException($"no result for bound '{bound}' (specs: {string.Join(", ", Searches[family].Results.Select(r => r.Spec))})", nameof(bound));
    }
}
