using System.Globalization;
using MutualInfo.Simulation;
using Spectre.Console;

namespace MutualInfo.Cli.Simulate;

/// <summary>The human-readable result: per family, one row per n and one column per bound (mean ± SE).</summary>
internal static class SimulationTable
{
    public static void Write(IAnsiConsole console, SimulationRun run, int trials)
    {
        (string Spec, string Label)[] bounds = run.Rows.Select(r => (r.Spec, r.Label)).Distinct().ToArray();
        string critic = run.Critic == "exact" ? "exact critic log r" : $"critic {run.Critic}";
        int positives = run.Rows.Max(r => r.ConditionalPositives);
        string se = !run.ControlVariate ? "plain SE"
            : positives > 0 ? $"SE with {positives} conditional positives per trial and known-mean controls (cross-fitted)"
            : "SE with the control variate";
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Family}: I = {run.TrueMi:F4} nats, {SimulationJson.NegativesName(run.Negatives)} negatives, {trials} trials, {critic}, {se}"));
        var table = new Table { Border = TableBorder.Simple };
        table.AddColumn(new TableColumn("n").RightAligned());
        table.AddColumn(new TableColumn("log n").RightAligned());
        foreach ((_, string label) in bounds) table.AddColumn(new TableColumn(Markup.Escape($"{label} ± SE")).RightAligned());
        foreach (var group in run.Rows.GroupBy(r => r.N))
        {
            var cells = new List<string> { group.Key.ToString(CultureInfo.InvariantCulture), F(Math.Log(group.Key)) };
            cells.AddRange(bounds.Select(b => group.FirstOrDefault(r => r.Spec == b.Spec) is { } row ? Cell(row) : ""));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        if (run.Rows.Any(r => r.Saturated))
            console.WriteLine($"  * within max({Simulator.SaturationMargin} nats, 2 SE) of the log n cap: the cap binds. "
                + $"The gap to I closes only for n ≫ e^I ≈ {run.BatchSizeScale.ToString("G3", CultureInfo.InvariantCulture)}.");
        console.WriteLine();
    }

    private static string Cell(SimulationRow row) =>
        $"{F(row.Estimate.Mean)} ± {Se(row.Estimate.StdError)}{(row.Saturated ? "*" : " ")}";

    /// <summary>Three decimals, or two significant digits below 0.001 (conditional positives reach 10⁻⁵).</summary>
    private static string Se(double value) => value is > 0 and < 0.001
        ? value.ToString("0.0e0", CultureInfo.InvariantCulture)
        : F(value);

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
