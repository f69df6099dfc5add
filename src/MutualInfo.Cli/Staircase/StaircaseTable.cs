using System.Globalization;
using MutualInfo.Neural.Staircase;
using Spectre.Console;

namespace MutualInfo.Cli.Staircase;

/// <summary>Human table: one row per estimator, one column per level with "mean ± std" over the level's last quarter.</summary>
internal static class StaircaseTable
{
    public static void Write(IAnsiConsole console, StaircaseResult result)
    {
        var options = result.Options;
        double cap = Math.Log(options.BatchSize);
        var table = new Table().Title($"staircase: {options.Dim}-d Gaussian, batch {options.BatchSize} (log n = {F(cap)}), {options.StepsPerLevel} steps/level");
        table.AddColumn("estimator");
        foreach (double level in options.Levels) table.AddColumn(new TableColumn($"I = {F(level)}").RightAligned());
        foreach (var run in result.Runs)
            table.AddRow([run.Spec, .. run.Levels.Select(l => $"{F(l.Mean)} ± {F(l.Std)}")]);
        console.Write(table);
        console.WriteLine("mean ± std of the per-step estimates over the last quarter of each level (nats).");
        foreach (var run in result.Runs.Where(r => r.Name == "infonce"))
            foreach (var level in run.Levels.Where(l => IsCapped(l, cap)))
                console.WriteLine($"{run.Spec} at I = {F(level.TrueMi)}: capped by log n = {F(cap)}; it needs n ≥ e^I ≈ {Math.Ceiling(Math.Exp(level.TrueMi)).ToString("N0", CultureInfo.InvariantCulture)} to reach the truth.");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained {result.Runs.Count} estimators in {result.Seconds:F1} s."));
    }

    /// <summary>InfoNCE cannot exceed log n: the truth lies above the cap, or the estimate sits within 0.1 nats of it.</summary>
    private static bool IsCapped(StaircaseLevel level, double cap) => level.TrueMi > cap || level.Mean > cap - 0.1;

    private static string F(double value) => double.IsFinite(value) ? value.ToString("F2", CultureInfo.InvariantCulture) : "n/a";
}
