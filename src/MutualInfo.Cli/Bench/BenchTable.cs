using System.Globalization;
using MutualInfo.Benchmarking;
using Spectre.Console;

namespace MutualInfo.Cli.Bench;

/// <summary>
/// The human-readable result: per sample size, tasks × estimators with mean ± sd over seeds, the bias and BMI's score
/// (log(mean / truth) clipped to ±1), then per estimator its accuracy and CI coverage; with several sample sizes, the
/// samples each (task, estimator) needed.
/// </summary>
internal static class BenchTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<BenchSummaryRow> rows, IReadOnlyList<BenchTask> tasks, IReadOnlyList<BenchCoverage> coverage)
    {
        string[] estimators = rows.Select(r => r.Estimator).Distinct().ToArray();
        var byTask = tasks.ToDictionary(t => t.Name);
        foreach (var group in rows.GroupBy(r => r.Samples))
        {
            int seeds = group.Max(r => r.Seeds);
            var table = new Table { Border = TableBorder.Simple };
            table.Title = new TableTitle(Markup.Escape($"mi bench: n = {group.Key} pairs, {seeds} seed(s)"));
            table.Caption = new TableTitle("estimate = mean ± sd over seeds; bias = mean − truth (nats); log r = log(mean / truth) clipped to ±1");
            table.AddColumn("task");
            table.AddColumn(new TableColumn("dims").RightAligned());
            table.AddColumn(new TableColumn("truth").RightAligned());
            foreach (string e in estimators)
            {
                table.AddColumn(new TableColumn(Markup.Escape(e)).RightAligned());
                table.AddColumn(new TableColumn("bias").RightAligned());
                table.AddColumn(new TableColumn("log r").RightAligned());
            }
            foreach (var taskRows in group.GroupBy(r => r.Task))
            {
                string dims = byTask.TryGetValue(taskRows.Key, out BenchTask? t) ? $"{t.DimX}+{t.DimY}" : "";
                var cells = new List<string> { taskRows.Key, dims, F(taskRows.First().Truth) };
                foreach (string e in estimators)
                {
                    BenchSummaryRow? row = taskRows.FirstOrDefault(r => r.Estimator == e);
                    cells.Add(row is null ? "" : MeanSd(row));
                    cells.Add(row is null ? "" : Signed(row.Bias));
                    cells.Add(row is null ? "" : Signed(row.Score));
                }
                table.AddRow(cells.Select(Markup.Escape).ToArray());
            }
            console.Write(table);
            WriteOverall(console, group.ToArray(), estimators, coverage.Where(c => c.Samples == group.Key).ToArray());
        }
        if (rows.Select(r => r.Samples).Distinct().Count() > 1) WriteSamplesNeeded(console, rows, estimators);
    }

    private static void WriteSamplesNeeded(IAnsiConsole console, IReadOnlyList<BenchSummaryRow> rows, string[] estimators)
    {
        var needed = BenchSummary.SamplesNeeded(rows);
        var table = new Table { Border = TableBorder.Simple };
        table.Title = new TableTitle("samples needed: smallest n of this run with |log(mean / truth)| < log 1.5 (– = none)");
        table.AddColumn("task");
        foreach (string e in estimators) table.AddColumn(new TableColumn(Markup.Escape(e)).RightAligned());
        foreach (var taskRows in needed.GroupBy(n => n.Task))
        {
            var cells = new List<string> { taskRows.Key };
            foreach (string e in estimators)
                cells.Add(taskRows.FirstOrDefault(n => n.Estimator == e) is { } n
                    ? n.Samples?.ToString(CultureInfo.InvariantCulture) ?? "–"
                    : "");
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        console.WriteLine();
    }

    private static void WriteOverall(IAnsiConsole console, BenchSummaryRow[] rows, string[] estimators, BenchCoverage[] coverage)
    {
        foreach (string e in estimators)
        {
            var mine = rows.Where(r => r.Estimator == e && double.IsFinite(r.Bias)).ToArray();
            if (mine.Length == 0) continue;
            double meanAbs = mine.Average(r => Math.Abs(r.Bias));
            int close = mine.Count(r => Math.Abs(r.Bias) <= Math.Max(0.1, 0.1 * r.Truth));
            var scored = mine.Where(r => r.Truth > 0).ToArray();
            int factor = scored.Count(r => BenchScore.IsClose(r.Mean, r.Truth));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {e}: mean |bias| {meanAbs:F3} nats; within max(0.1 nats, 10%) of the truth on {close}/{mine.Length} tasks; "
                + $"within a factor 1.5 on {factor}/{scored.Length}; {CoverageText(coverage.FirstOrDefault(c => c.Estimator == e))}"));
        }
        console.WriteLine();
    }

    private static string CoverageText(BenchCoverage? c) => c is null || c.WithCi == 0
        ? "no CIs"
        : string.Create(CultureInfo.InvariantCulture, $"95% CI covers the truth in {c.Covered}/{c.WithCi} cells ({100 * c.Fraction:F1}%)")
          + (c.WithCi < c.Cells ? string.Create(CultureInfo.InvariantCulture, $", {c.Cells - c.WithCi} without CI") : "")
          + string.Create(CultureInfo.InvariantCulture, $"; {c.Unreliable} flagged unreliable, {c.MissedUnflagged} missed without a flag");

    private static string MeanSd(BenchSummaryRow row) =>
        double.IsFinite(row.Sd) ? $"{F(row.Mean)} ± {F(row.Sd)}" : F(row.Mean);

    private static string F(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Signed(double v) => double.IsFinite(v) ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "n/a";
}
