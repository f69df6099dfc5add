using System.CommandLine;
using System.Globalization;
using MutualInfo.Benchmarking;
using MutualInfo.Cli.Bench;
using MutualInfo.Simulation;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// `mi bench`: tasks × estimators × sample sizes × seeds against the exact MI. Every finished cell is appended to
/// PATH.partial.jsonl (PATH = --json) and flushed, so a rerun of an interrupted command skips what is done; the
/// final JSON is written atomically at the end and the partial file removed.
/// </summary>
internal static class BenchCommand
{
    public const string DefaultEstimators = "ksg,ksg2,gaussian";
    public const string DefaultSamples = "5000";
    public const int DefaultSeeds = 3;
    public const string DefaultJson = "bench.json";
    public const string DefaultPlot = "bench.png";
    public const string PartialSuffix = ".partial.jsonl";

    /// <summary>Largest --seeds accepted (each seed is a full row of the grid).</summary>
    public const int MaxSeeds = 10_000;

    public static Command Create()
    {
        var tasks = new Option<string[]>("--tasks") { Description = "Task names, BMI ids or globs, comma-separated or repeated (default: the representative subset marked * by `mi tasks`; with --preset: narrows the preset)", AllowMultipleArgumentsPerToken = true };
        var preset = new Option<string?>("--preset") { Description = $"A named task list: {BenchPreset.BmiV1} = BMI's 39 v1 tasks (Czyż et al. 2023), at n = {BenchPreset.BmiV1Samples} unless --samples is given" };
        var estimators = new Option<string[]>("--estimators")
        {
            Description = $"Estimator specs name[:key=value,…], comma-separated or repeated (names: {string.Join(", ", DataEstimatorCatalog.Names)}; keys: k, variant, splits, bias-allowance, resamples, tie-noise, search, lower-bound), e.g. ksg ksg:k=5 gaussian (default: {DefaultEstimators})",
            AllowMultipleArgumentsPerToken = true,
        };
        var samples = new Option<string?>("--samples") { Description = $"Sample sizes, e.g. 1000,5000 or 2^10..2^13 (default {DefaultSamples})" };
        var seeds = new Option<int>("--seeds") { Description = "Number of seeds per cell: --seed, --seed+1, …", DefaultValueFactory = _ => DefaultSeeds };
        var shard = new Option<string?>("--shard") { Description = "Run only part i of k (0-based, i/k): the cells whose grid index mod k = i; combine with `mi bench merge`" };
        var csv = new Option<string?>("--csv") { Description = "Write one row per cell as CSV to this path" };
        var plot = new Option<string?>("--plot") { Description = $"Write the heatmap (.png or .svg) to this path and the bias-vs-MI plot beside it as NAME-bias.EXT (default run: {DefaultPlot})" };
        var common = new CommonOptions();
        common.Json.Description = $"Result file (default {DefaultJson}, or bench.shard-i-of-k.json with --shard); cells are appended to PATH{PartialSuffix} as they finish";

        var command = new Command("bench", "Benchmark estimators on the built-in tasks with known MI (BMI-style): table, JSON, CSV, heatmap and bias plot; resumable and shardable");
        foreach (Option option in new Option[] { tasks, preset, estimators, samples, seeds, shard, csv, plot }) command.Options.Add(option);
        common.AddTo(command);
        command.Subcommands.Add(BenchMergeCommand.Create());
        command.Subcommands.Add(CmiBenchCommand.Create());
        command.SetAction(parsed =>
        {
            string[] taskPatterns = BenchLists.Names(parsed.GetValue(tasks) ?? []);
            string? presetName = parsed.GetValue(preset);
            var grid = BuildGrid(SelectTasks(presetName, taskPatterns), BenchLists.Specs(parsed.GetValue(estimators) ?? []),
                parsed.GetValue(samples) ?? DefaultSamplesFor(presetName),
                Seeds(parsed.GetValue(common.Seed), parsed.GetValue(seeds)), common.GetThreads(parsed));
            ShardSpec shardSpec = parsed.GetValue(shard) is { } s ? ShardSpec.Parse(s) : ShardSpec.Whole;
            string json = parsed.GetValue(common.Json) ?? DefaultJsonFor(shardSpec);
            string? plotPath = parsed.GetValue(plot) ?? (taskPatterns.Length == 0 ? DefaultPlot : null);
            string? csvPath = parsed.GetValue(csv);
            if (json == "-") throw new UsageException("--json: `mi bench` needs a file (cells are appended beside it as they finish), not '-'");
            BenchOutputs.RequireWritable([], json, csvPath, plotPath, json + PartialSuffix);
            var report = Run(grid, shardSpec, json);
            BenchOutputs.Write(report, json, csvPath, plotPath);
            File.Delete(json + PartialSuffix);
            return CliApp.ExitOk;
        });
        return command;
    }

    // No preset and no --tasks: the default subset; a preset alone: its tasks; --tasks narrows the preset or the suite.
    private static IReadOnlyList<BenchTask> SelectTasks(string? preset, string[] taskPatterns) =>
        preset is null && taskPatterns.Length == 0 ? TaskSuite.Default : BenchPreset.Tasks(preset, taskPatterns);

    private static string DefaultSamplesFor(string? preset) =>
        preset == BenchPreset.BmiV1 ? BenchPreset.BmiV1Samples.ToString(CultureInfo.InvariantCulture) : DefaultSamples;

    /// <summary>
    /// Peak memory per value (row × column) of a cell: the sample, its standardised and normal-score copies, and the
    /// k-NN estimators' trees and per-point buffers (`mi estimate` on 10⁶ × 2 peaks near 410 bytes per value), with margin.
    /// </summary>
    public const double BytesPerSampleValue = 512;

    private static BenchGrid BuildGrid(IReadOnlyList<BenchTask> tasks, string[] estimatorSpecs, string samples, ulong[] seeds, int threads)
    {
        if (estimatorSpecs.Length == 0) estimatorSpecs = BenchLists.Specs([DefaultEstimators]);
        var sizes = BatchSizeList.Parse(samples, "--samples");
        int widest = tasks.Max(t => t.DimX + t.DimY);
        MemoryBudget.Require(BytesPerSampleValue * sizes.Max() * widest, $"a cell of {sizes.Max()} samples × {widest} columns", "--samples");
        return new BenchGrid(tasks, estimatorSpecs.Select(e => BenchEstimatorParser.Parse(e, threads)).ToArray(), sizes, seeds);
    }

    private static ulong[] Seeds(ulong first, int count)
    {
        if (count < 1) throw new UsageException($"--seeds: must be at least 1, got {count}");
        if (count > MaxSeeds) throw new UsageException($"--seeds: must be at most {MaxSeeds}, got {count}");
        if (first > ulong.MaxValue - (ulong)(count - 1)) throw new UsageException($"--seed: {first} + {count - 1} seeds overflows");
        return Enumerable.Range(0, count).Select(i => first + (ulong)i).ToArray();
    }

    private static string DefaultJsonFor(ShardSpec shard) =>
        shard.Count == 1 ? DefaultJson : string.Create(CultureInfo.InvariantCulture, $"bench.shard-{shard.Index}-of-{shard.Count}.json");

    // The results file is deleted once the result is written: cells of another grid (other tasks, estimators,
    // samples, seeds or shard) would be lost without a word, so such a file is refused before any work.
    private static void RequireSameGrid(BenchResultStore store, IReadOnlyList<BenchCell> cells)
    {
        var ours = cells.Select(c => c.Key).ToHashSet();
        var foreign = store.Results.Keys.Where(k => !ours.Contains(k)).ToArray();
        if (foreign.Length > 0)
            throw new UsageException($"the results file '{store.Path}' holds {foreign.Length} cell(s) of another grid (e.g. {foreign[0]}); "
                + "rerun with that grid's flags to finish it, or use another --json");
    }

    private static BenchReport Run(BenchGrid grid, ShardSpec shard, string json)
    {
        var cells = grid.Cells(shard);
        using var store = BenchResultStore.Open(json + PartialSuffix);
        RequireSameGrid(store, cells);
        int done = cells.Count(c => store.Results.ContainsKey(c.Key));
        var progress = new BenchProgress(cells.Count, done, store.Path);
        BenchRunner.Run(cells, store.Results.ContainsKey, result =>
        {
            store.Append(result);
            progress.Finished(result);
        });
        return new BenchReport(grid.Spec, shard.Count == 1 ? null : shard, cells.Select(c => store.Results[c.Key]).ToArray());
    }
}
