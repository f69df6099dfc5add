namespace MutualInfo.Simulation;

/// <summary>All rows of one simulated family.</summary>
/// <param name="Family">The family's canonical specification.</param>
/// <param name="TrueMi">I(X;Y) in nats.</param>
/// <param name="Negatives">How negatives were drawn.</param>
/// <param name="Seed">The root seed.</param>
/// <param name="Rows">One row per (bound, n), grouped by n in the order given, bounds in the order given.</param>
public sealed record SimulationRun(string Family, double TrueMi, NegativeSampling Negatives, ulong Seed, IReadOnlyList<SimulationRow> Rows)
{
    /// <summary>
    /// The batch size beyond which the InfoNCE cap stops binding, roughly: the gap to I shrinks once n ≫ e^I.
    /// </summary>
    public double BatchSizeScale => Math.Exp(TrueMi);

    /// <summary>The critic's canonical spec (<c>exact</c> for log r); each bound adds its own optimal shift on top.</summary>
    public string Critic { get; init; } = "exact";

    /// <summary>The family's lautum information when known in closed form (CLUB at the exact critic averages I + L).</summary>
    public double? LautumInformation { get; init; }

    /// <summary>Whether the rows' estimates use the control variate (where it applies).</summary>
    public bool ControlVariate { get; init; }
}
