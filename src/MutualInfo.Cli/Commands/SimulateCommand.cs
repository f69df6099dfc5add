using System.CommandLine;
using MutualInfo.Benchmarking;
using MutualInfo.Bounds;
using MutualInfo.Cli.Output;
using MutualInfo.Cli.Simulate;
using MutualInfo.Families;
using MutualInfo.Simulation;
using Spectre.Console;

namespace MutualInfo.Cli.Commands;

/// <summary>`mi simulate`: exact-critic Monte Carlo of the bounds vs batch size.</summary>
internal static class SimulateCommand
{
    /// <summary>The showcase: MI levels of the 20-d Gaussian, each simulated when no --family is given.</summary>
    public static readonly double[] ShowcaseLevels = [2, 5, 10, 15];

    /// <summary>The showcase's last panel: I = 5 again, scored by the exact log r plus N(0, 1) noise per pair.</summary>
    public const double ShowcaseImperfectLevel = 5;

    /// <summary>The imperfect critic of the showcase's last panel.</summary>
    public const string ShowcaseImperfectCritic = "noise=1";
    public const string ShowcaseJson = "simulate.json";
    public const string ShowcasePlot = "simulate.png";

    public static Command Create()
    {
        var family = new Option<string[]>("--family")
        {
            Description = "Family spec, repeatable (e.g. gaussian:dim=20,mi=10; see docs/families.md). "
                + "Default: the showcase, 20-d Gaussians with I = 2, 5, 10, 15 nats and I = 5 with the critic log r + N(0, 1) noise, "
                + "writing simulate.json and simulate.png",
        };
        var bounds = new Option<string>("--bounds")
        {
            Description = $"Comma-separated bounds ({string.Join(", ", BoundSpec.Known)}), e.g. infonce,smile:tau=5",
            DefaultValueFactory = _ => "infonce,mean-field,loo-upper",
        };
        var sizes = new Option<string>("--n")
        {
            Description = "Batch sizes: numbers, powers and power ranges, e.g. 16,1000,2^1..2^18",
            DefaultValueFactory = _ => "2^1..2^18",
        };
        var trials = new Option<int>("--trials") { Description = "Trials per n (positives for independent negatives, batches for in-batch)", DefaultValueFactory = _ => 1000 };
        var negatives = new Option<string>("--negatives") { Description = "independent (fresh x̄ per positive) or in-batch (n×n)", DefaultValueFactory = _ => "independent" };
        var critic = new Option<string>("--critic")
        {
            Description = "Critic before each bound's optimal shift: exact (log r), or steps applied in order, e.g. "
                + "scale=0.5,noise=0.3,clip=5,shift=|y|^2 (see docs/simulate.md)",
            DefaultValueFactory = _ => "exact",
        };
        var noControlVariate = new Option<bool>("--no-control-variate")
        {
            Description = "Report the plain trial mean; by default the positive's log r (mean I) is a control variate",
        };
        var conditionalPositives = new Option<int>("--conditional-positives")
        {
            Description = "Independent negatives: fresh positives x ~ p(x|y) per trial averaged against the same negatives, with "
                + "known-mean controls of y and of the negatives (Gaussian families); 0 keeps the single control variate",
            DefaultValueFactory = _ => SimulationSettings.DefaultConditionalPositives,
        };
        var targetGap = new Option<double?>("--target-gap")
        {
            Description = "Instead of curves: per family and bound, the smallest n with |E[bound] − I| ≤ δ nats, with a 95% CI of n",
        };
        var sweepMi = new Option<string?>("--sweep-mi")
        {
            Description = "n needed vs I for the showcase's 20-d Gaussian at each I, e.g. 2..16 (step 1), 2..16:2 or 2,5,10; δ from --target-gap (default 0.1)",
        };
        var maxN = new Option<string>("--max-n")
        {
            Description = "Largest n tried by --target-gap and --sweep-mi",
            DefaultValueFactory = _ => "2^26",
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only trials t with t mod k = i (i/k, 0-based) and write their raw values to --json "
                + "(default simulate.shard-i-of-k.json); combine with `mi simulate merge`",
        };
        var csv = new Option<string?>("--csv") { Description = "Write all rows as CSV to this path" };
        var plot = new Option<string?>("--plot") { Description = "Write the plot (.png or .svg) to this path" };
        var common = new CommonOptions();

        var command = new Command("simulate", "Exact-critic simulation of InfoNCE and the other bounds vs batch size n");
        foreach (Option option in new Option[] { family, bounds, sizes, trials, negatives, critic, noControlVariate, conditionalPositives, targetGap, sweepMi, maxN, shard, csv, plot }) command.Options.Add(option);
        common.AddTo(command);
        command.Subcommands.Add(SimulateMergeCommand.Create());
        command.SetAction(parsed =>
        {
            string[] specs = parsed.GetValue(family) ?? [];
            double[]? sweepLevels = null;
            if (parsed.GetValue(sweepMi) is { } sweep)
            {
                if (specs.Length > 0) throw new UsageException("--sweep-mi: sweeps the 20-d Gaussian; give either --sweep-mi or --family");
                sweepLevels = GapSearchRequest.ParseSweep(sweep);
            }
            ShardSpec? shardSpec = parsed.GetValue(shard) is { } shardText ? ShardSpec.Parse(shardText) : null;
            if (shardSpec is not null && (parsed.GetValue(targetGap) is not null || parsed.GetValue(sweepMi) is not null))
                throw new UsageException("--shard: splits the trials of curves; --target-gap and --sweep-mi cannot be sharded");
            if (parsed.GetValue(targetGap) is not null || parsed.GetValue(sweepMi) is not null)
                return ExecuteGapSearch(new GapSearchRequest(
                    specs,
                    sweepLevels,
                    parsed.GetValue(bounds)!,
                    parsed.GetValue(targetGap) ?? Simulations.DefaultDelta,
                    GapSearchRequest.ParseMaxN(parsed.GetValue(maxN)!),
                    parsed.GetValue(trials),
                    ParseNegatives(parsed.GetValue(negatives)!),
                    parsed.GetValue(common.Seed),
                    common.GetThreads(parsed),
                    parsed.GetValue(critic)!,
                    !parsed.GetValue(noControlVariate),
                    parsed.GetValue(common.Json),
                    parsed.GetValue(conditionalPositives),
                    parsed.GetValue(plot)));
            bool showcase = specs.Length == 0;
            CriticSpec criticSpec = CriticSpec.Parse(parsed.GetValue(critic)!);
            CriticSpec[] critics;
            if (showcase)
            {
                // With the exact critic the showcase adds one panel scored by an imperfect critic.
                bool imperfectPanel = criticSpec.IsExact;
                specs = [.. ShowcaseLevels.Select(ShowcaseSpec), .. imperfectPanel ? [ShowcaseSpec(ShowcaseImperfectLevel)] : Array.Empty<string>()];
                critics = [.. ShowcaseLevels.Select(_ => criticSpec), .. imperfectPanel ? [CriticSpec.Parse(ShowcaseImperfectCritic)] : Array.Empty<CriticSpec>()];
            }
            else critics = specs.Select(_ => criticSpec).ToArray();
            var request = new SimulateRequest(
                specs.Select(FamilySpec.ParseWithLogRatio).ToArray(),
                BoundSpec.ParseList(parsed.GetValue(bounds)!),
                BatchSizeList.Parse(parsed.GetValue(sizes)!),
                parsed.GetValue(trials),
                ParseNegatives(parsed.GetValue(negatives)!),
                parsed.GetValue(common.Seed),
                common.GetThreads(parsed),
                parsed.GetValue(common.Json) ?? (shardSpec is { } sh ? $"simulate.shard-{sh.Index}-of-{sh.Count}.json" : showcase ? ShowcaseJson : null),
                parsed.GetValue(csv),
                parsed.GetValue(plot) ?? (showcase && shardSpec is null ? ShowcasePlot : null),
                critics,
                !parsed.GetValue(noControlVariate),
                shardSpec,
                parsed.GetValue(conditionalPositives));
            return Execute(request);
        });
        return command;
    }

    private static string ShowcaseSpec(double level) => Simulations.SweepFamily(level);

    private static NegativeSampling ParseNegatives(string text) => text switch
    {
        "independent" => NegativeSampling.Independent,
        "in-batch" => NegativeSampling.InBatch,
        _ => throw new UsageException($"--negatives: expected 'independent' or 'in-batch', got '{text}'"),
    };

    private static int Execute(SimulateRequest request)
    {
        SimulationSettings[] settings = request.Families
            .Select((f, i) => new SimulationSettings(f, request.Bounds, request.BatchSizes, request.Trials, request.Negatives, request.Seed, request.Threads,
                request.ControlVariate, request.Critics[i], request.Shard, request.ConditionalPositives))
            .ToArray();
        ValidateOutputs(request);
        foreach (SimulationSettings s in settings) s.Validate();
        if (request.Shard is { } shard) return ExecuteShard(request, shard, settings);

        var progress = new ProgressReporter("simulate", settings.Sum(Simulator.TotalWork));
        progress.Start($"needs about {MemoryBudget.Format(settings.Max(s => s.EstimatedBytes()))} of memory");
        var runs = settings.Select(s => Simulations.Run(s, progress.Advance)).ToArray();

        bool jsonOnStdout = request.JsonPath == "-";
        IAnsiConsole console = jsonOnStdout ? StdoutConsole.CreateOnStderr() : StdoutConsole.Create();
        foreach (SimulationRun run in runs) SimulationTable.Write(console, run, request.Trials);
        SimulationOutputs.Write(console, runs, request.JsonPath, request.CsvPath, request.PlotPath);
        return CliApp.ExitOk;
    }

    private static int ExecuteShard(SimulateRequest request, ShardSpec shard, SimulationSettings[] settings)
    {
        if (request.PlotPath is not null || request.CsvPath is not null)
            throw new UsageException("--shard: a shard writes raw trial values to --json only; plot and CSV come from `mi simulate merge`");
        if (request.JsonPath is null or "-")
            throw new UsageException("--shard: give --json FILE for the shard's trial values (`mi simulate merge` reads the files)");
        var progress = new ProgressReporter("simulate", settings.Sum(Simulator.TotalWork));
        SimulationShard result = Simulations.RunShardOf(settings, progress.Advance);
        string path = request.JsonPath!;
        AtomicFile.Write(path, result.WriteTo);
        Console.WriteLine($"wrote {path} (shard {shard}: {result.TrialsInShard} of {result.Trials} trials per family)");
        return CliApp.ExitOk;
    }

    private static int ExecuteGapSearch(GapSearchRequest request)
    {
        if (request.SweepLevels is null && request.Families.Length == 0) throw new UsageException("--target-gap: give at least one --family (or use --sweep-mi)");
        if (request.PlotPath is { } path && Path.GetExtension(path).ToLowerInvariant() is not (".png" or ".svg"))
            throw new UsageException($"--plot: the file must end in .png or .svg, got '{path}'");
        OutputPaths.Require([], new("--json", request.JsonPath), new("--plot", request.PlotPath));
        Action<string, IReadOnlyList<int>> progress = (family, sizes) => Console.Error.WriteLine($"simulate: {family}: evaluating n = {string.Join(", ", sizes)}");
        TargetGapResult result = request.SweepLevels is { } levels
            ? Simulations.SweepMi(levels, request.Bounds, request.Delta, request.MaxN, request.Trials, request.Seed, request.Threads, request.Negatives,
                request.Critic, request.ControlVariate, request.ConditionalPositives, progress)
            : Simulations.TargetGap(request.Families, request.Bounds, request.Delta, request.MaxN, request.Trials, request.Seed, request.Threads,
                request.Negatives, request.Critic, request.ControlVariate, request.ConditionalPositives, progress);
        IReadOnlyList<GapSearchRun> runs = result.Searches;
        IAnsiConsole console = request.JsonPath == "-" ? StdoutConsole.CreateOnStderr() : StdoutConsole.Create();
        GapSearchOutput.WriteTable(console, runs);
        if (request.JsonPath == "-")
        {
            using var buffer = new MemoryStream();
            GapSearchOutput.WriteJson(runs, buffer);
            Console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else if (request.JsonPath is { } json)
        {
            AtomicFile.Write(json, stream => GapSearchOutput.WriteJson(runs, stream));
            console.WriteLine($"wrote {json}");
        }
        if (request.PlotPath is { } plot)
        {
            FigureWriter.Save(GapSearchOutput.BuildPlot(runs), plot, 800, 520);
            console.WriteLine($"wrote {plot}");
        }
        return CliApp.ExitOk;
    }

    private static void ValidateOutputs(SimulateRequest request)
    {
        if (request.PlotPath is { } path && Path.GetExtension(path).ToLowerInvariant() is not (".png" or ".svg"))
            throw new UsageException($"--plot: the file must end in .png or .svg, got '{path}'");
        OutputPaths.Require([], new("--json", request.JsonPath), new("--csv", request.CsvPath), new("--plot", request.PlotPath));
    }

    private sealed record SimulateRequest(
        IKnownMiFamily[] Families, IReadOnlyList<IBound> Bounds, IReadOnlyList<int> BatchSizes, int Trials,
        NegativeSampling Negatives, ulong Seed, int Threads, string? JsonPath, string? CsvPath, string? PlotPath,
        CriticSpec[] Critics, bool ControlVariate, ShardSpec? Shard, int ConditionalPositives);
}
