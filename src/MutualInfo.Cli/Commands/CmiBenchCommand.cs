using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MutualInfo.Benchmarking;
using MutualInfo.Cli.Bench;
using MutualInfo.Cli.Output;
using MutualInfo.Estimators.Conditional;
using Spectre.Console;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// `mi bench cmi`: the conditional and discrete/mixed ground-truth tasks × estimators × seeds: per task and estimator
/// the mean estimate, mean |error|, 95% CI coverage, mean local-permutation p-value and time; JSON with every cell.
/// </summary>
internal static class CmiBenchCommand
{
    public static Command Create()
    {
        var tasks = new Option<string[]>("--tasks") { Description = "Task names or globs (default: all of `mi tasks cmi`)", AllowMultipleArgumentsPerToken = true };
        var estimators = new Option<string[]>("--estimators") { Description = $"Conditional estimators, comma-separated or repeated (default: {ConditionalMi.Auto}; names: {string.Join(", ", ConditionalMi.Estimators.Select(e => e.Name))}, {MutualInfo.Neural.Estimation.NeuralCmiEstimator.EstimatorName})", AllowMultipleArgumentsPerToken = true };
        var samples = new Option<int>("--samples") { Description = "Rows per data set", DefaultValueFactory = _ => 5000 };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per cell: --seed, --seed+1, …", DefaultValueFactory = _ => 10 };
        var permutations = new Option<int>("--permutations") { Description = "Local-permutation p-value per estimate from this many permutations (0 = none)", DefaultValueFactory = _ => 0 };
        var k = new Option<int>("--k") { Description = "Neighbours k of the k-NN estimators", DefaultValueFactory = _ => 3 };
        var common = new CommonOptions();
        var command = new Command("cmi", "Benchmark conditional and discrete/mixed estimators on the tasks of `mi tasks cmi` (exact or quadrature truth)");
        foreach (Option option in new Option[] { tasks, estimators, samples, seeds, permutations, k }) command.Options.Add(option);
        common.AddTo(command);
        command.SetAction(parsed =>
        {
            string[] patterns = BenchLists.Names(parsed.GetValue(tasks) ?? []);
            var chosen = patterns.Length == 0 ? CmiTaskSuite.All : CmiTaskSuite.Select(patterns);
            string[] names = BenchLists.Names(parsed.GetValue(estimators) ?? []);
            if (names.Length == 0) names = [ConditionalMi.Auto];
            int n = parsed.GetValue(samples), count = parsed.GetValue(seeds), perms = parsed.GetValue(permutations);
            if (n < 20) throw new UsageException($"--samples: must be at least 20, got {n}");
            if (count < 1) throw new UsageException($"--seeds: must be at least 1, got {count}");
            if (perms < 0) throw new UsageException($"--permutations: must be 0 or more, got {perms}");
            var options = new CmiOptions { K = parsed.GetValue(k), Threads = common.GetThreads(parsed) };
            options.Validate();
            foreach (string name in names)
                if (!ConditionalMi.Estimators.Any(e => e.Name == name.ToLowerInvariant()) && !NeuralCmiSettings.IsNeural(name))
                    throw new UsageException($"--estimators: unknown conditional estimator '{name}' (available: {string.Join(", ", ConditionalMi.Estimators.Select(e => e.Name))}, {MutualInfo.Neural.Estimation.NeuralCmiEstimator.EstimatorName})");
            ulong first = parsed.GetValue(common.Seed);
            var seedList = Enumerable.Range(0, count).Select(i => first + (ulong)i).ToArray();
            string? json = parsed.GetValue(common.Json);
            if (json is not null && json != "-") BenchOutputs.RequireWritable([], json, null, null);
            var results = CmiBenchRunner.Run(chosen, names, n, seedList, options, perms,
                r => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Task} {r.Estimator} seed {r.Seed}: {r.Estimate:0.0000} (truth {r.Truth:0.0000}) {r.Seconds:0.0} s")),
                name => NeuralCmiSettings.Create(name, NeuralSettings.None));
            var summary = Summarise(results);
            string jsonText = Json(results, summary, n, count, perms);
            if (json == "-") Console.Out.Write(jsonText);
            else
            {
                StdoutConsole.Create().Write(Table(summary, n, count, perms));
                if (json is not null) AtomicFile.WriteAllText(json, jsonText);
            }
            return CliApp.ExitOk;
        });
        return command;
    }

    private sealed record Row(string Task, string Estimator, string Resolved, double Truth, double MeanEstimate, double MeanAbsError, double Coverage, double? MeanP, double? FractionPBelow05, double MeanSeconds, int Runs);

    private static List<Row> Summarise(IReadOnlyList<CmiBenchResult> results) =>
        results.GroupBy(r => (r.Task, r.Estimator)).Select(g =>
        {
            var ps = g.Where(r => r.PValue.HasValue).Select(r => r.PValue!.Value).ToArray();
            return new Row(g.Key.Task, g.Key.Estimator, g.First().Resolved, g.First().Truth, g.Average(r => r.Estimate), g.Average(r => Math.Abs(r.Estimate - r.Truth)),
                g.Average(r => r.Covered ? 1.0 : 0.0), ps.Length > 0 ? ps.Average() : null, ps.Length > 0 ? ps.Average(p => p < 0.05 ? 1.0 : 0.0) : null,
                g.Average(r => r.Seconds), g.Count());
        }).ToList();

    private static Table Table(List<Row> rows, int n, int seeds, int perms)
    {
        var table = new Table { Border = TableBorder.Simple };
        table.Title = new TableTitle(Markup.Escape($"conditional / discrete tasks at n = {n}, {seeds} seeds{(perms > 0 ? $", {perms} local permutations" : "")}"));
        foreach (string c in new[] { "task", "estimator", "ran" }) table.AddColumn(c);
        foreach (string c in new[] { "truth", "mean est.", "mean |err|", "coverage", "mean p", "p<0.05", "s/run" }) table.AddColumn(new TableColumn(c).RightAligned());
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Task), Markup.Escape(r.Estimator), Markup.Escape(r.Resolved), F(r.Truth), F(r.MeanEstimate), F(r.MeanAbsError),
                r.Coverage.ToString("P0", CultureInfo.InvariantCulture), r.MeanP is double p ? F(p) : "", r.FractionPBelow05 is double f ? f.ToString("P0", CultureInfo.InvariantCulture) : "",
                r.MeanSeconds.ToString("0.00", CultureInfo.InvariantCulture));
        var byEstimator = rows.GroupBy(r => r.Estimator);
        foreach (var g in byEstimator)
            table.AddRow(Markup.Escape("(all tasks)"), Markup.Escape(g.Key), "", "", "", F(g.Average(r => r.MeanAbsError)),
                (g.Sum(r => r.Coverage * r.Runs) / g.Sum(r => r.Runs)).ToString("P0", CultureInfo.InvariantCulture), "", "", "");
        return table;
    }

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Json(IReadOnlyList<CmiBenchResult> results, List<Row> summary, int n, int seeds, int perms)
    {
        return JsonText.Indented(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("samples", n);
            w.WriteNumber("seeds", seeds);
            w.WriteNumber("permutations", perms);
            w.WriteStartArray("summary");
            foreach (var r in summary)
            {
                w.WriteStartObject();
                w.WriteString("task", r.Task);
                w.WriteString("estimator", r.Estimator);
                w.WriteString("resolved", r.Resolved);
                w.WriteNumber("truth", r.Truth);
                w.WriteNumberOrNull("mean_estimate", r.MeanEstimate);
                w.WriteNumberOrNull("mean_abs_error", r.MeanAbsError);
                w.WriteNumber("coverage", r.Coverage);
                w.WriteNumberOrNull("mean_p_value", r.MeanP);
                w.WriteNumberOrNull("fraction_p_below_0_05", r.FractionPBelow05);
                w.WriteNumber("mean_seconds", r.MeanSeconds);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("cells");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("task", r.Task);
                w.WriteString("estimator", r.Estimator);
                w.WriteString("resolved", r.Resolved);
                w.WriteNumber("seed", r.Seed);
                w.WriteNumber("truth", r.Truth);
                w.WriteNumberOrNull("estimate", r.Estimate);
                w.WriteNumberOrNull("std_error", r.StdError);
                w.WriteInterval("ci95", r.Ci95Low, r.Ci95High);
                w.WriteNumberOrNull("p_value", r.PValue);
                w.WriteNumber("seconds", r.Seconds);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
