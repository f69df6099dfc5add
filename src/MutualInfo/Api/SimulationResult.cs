using MutualInfo.Simulation;

namespace MutualInfo;

/// <summary>What <see cref="Simulations"/> returns.</summary>
/// <param name="Run">One row per (bound, n): mean, SE, 95% CI, fraction above the true MI, saturation; as <c>mi simulate --json</c>.</param>
/// <param name="TrialValues">
/// When asked for: every trial's value, <c>TrialValues[i][t]</c> for row <c>Rows[i]</c> and trial t in trial order
/// (the row is their mean, SE and CI). Null otherwise.
/// </param>
public sealed record SimulationResult(SimulationRun Run, IReadOnlyList<double[]>? TrialValues)
{
    /// <summary>The rows of <see cref="Run"/>.</summary>
    public IReadOnlyList<SimulationRow> Rows => Run.Rows;

    /// <summary>The trial values of the first row with this bound name and batch size.</summary>
    /// <exception cref="InvalidOperationException">Trial values were not kept.</exception>
    /// <exception cref="ArgumentException">No row has this bound and n.</exception>
    public double[] TrialValuesOf(string bound, int n)
    {
        if (TrialValues is null) throw new InvalidOperationException("trial values were not kept: run with keepTrialValues: true");
        for (int i = 0; i < Rows.Count; i++)
            if (Rows[i].Bound == bound && Rows[i].N == n) return TrialValues[i];
        throw new ArgumentException($"no row for bound '{bound}' at n = {n}", nameof(bound));
    }
}
