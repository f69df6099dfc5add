using System.CommandLine;
using MutualInfo.Cli.Output;
using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Estimators.Conditional;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// `mi estimate` with --z and/or --discrete: I(X;Y|Z) or MI with discrete/mixed columns through
/// <see cref="ConditionalMi"/>. Same output contract as plain `mi estimate`, plus "dim_z" and
/// "conditional_on" in the JSON.
/// </summary>
internal sealed class ConditionalEstimateRunner
{
    public Option<string?> Z { get; } = new("--z") { Description = $"Conditioning columns Z: estimate I(X;Y|Z) (comma-separated names or 0-based indexes). With --z or --discrete, --estimator takes: {NeuralCmiSettings.HelpText} (default {ConditionalMi.Auto})" };
    public Option<string?> Discrete { get; } = new("--discrete") { Description = "Columns (of X, Y or Z) holding categorical codes, compared for equality" };

    public void AddTo(Command command)
    {
        command.Options.Add(Z);
        command.Options.Add(Discrete);
    }

    /// <summary>Whether this run is conditional or has discrete columns (otherwise plain `mi estimate` runs unchanged).</summary>
    public bool Applies(ParseResult parsed) => parsed.GetValue(Z) is not null || parsed.GetValue(Discrete) is not null;

    public int Run(ParseResult parsed, string path, string? xSpec, string? ySpec, DataOptions data, CommonOptions common, int permutations, int splits, int resamples)
    {
        ulong seed = parsed.GetValue(common.Seed);
        string estimator = parsed.GetResult(data.Estimator) is { Implicit: false } ? parsed.GetValue(data.Estimator)! : ConditionalMi.Auto;
        var options = new CmiOptions
        {
            K = parsed.GetValue(data.K),
            Splits = splits,
            Resamples = resamples,
            TieNoise = parsed.GetValue(data.TieNoise),
            Threads = common.GetThreads(parsed),
        };
        var neural = NeuralCmiSettings.Create(estimator, data.Neural.Get(parsed));
        var columns = new ConditionalColumns(xSpec, ySpec, parsed.GetValue(Z), parsed.GetValue(Discrete));
        var samples = ConditionalCsv.Read(path, columns, data.GetDelimiter(parsed));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        bool standardize = !parsed.GetValue(data.NoStandardize);
        MiEstimate result = neural is not null
            ? ConditionalMi.Estimate(samples, neural, permutations, seed, standardize)
            : ConditionalMi.Estimate(samples, estimator, options, permutations, seed, standardize);
        double elapsed = clock.Elapsed.TotalSeconds;
        var settings = new Dictionary<string, object?>
        {
            ["file"] = path,
            ["x_columns"] = string.Join(",", samples.X.Names),
            ["y_columns"] = string.Join(",", samples.Y.Names),
            ["z_columns"] = string.Join(",", samples.Z.Names),
            ["discrete_columns"] = string.Join(",", DiscreteNames(samples)),
            ["k"] = options.K,
            ["standardized"] = !parsed.GetValue(data.NoStandardize),
            ["permutations"] = permutations,
            ["permutation_kind"] = samples.Z.Dim > 0 ? "local (X permuted among rows with nearby Z)" : "global shuffle",
            ["seed"] = seed,
        };
        string jsonText = EstimateReport.Json(result, settings, w =>
        {
            w.WriteNumber("dim_z", samples.Z.Dim);
            w.WriteStartArray("conditional_on");
            foreach (string name in samples.Z.Names) w.WriteStringValue(name);
            w.WriteEndArray();
            w.WriteNumber("elapsed_seconds", elapsed);
        });
        string? json = parsed.GetValue(common.Json);
        if (json == "-") Console.Out.Write(jsonText);
        else
        {
            Console.Out.Write(EstimateReport.Human(result, path, samples.X.Names, samples.Y.Names, permutations, samples.Z.Names));
            if (json is not null) AtomicFile.WriteAllText(json, jsonText);
        }
        return CliApp.ExitOk;
    }

    private static IEnumerable<string> DiscreteNames(ConditionalSamples s) =>
        new[] { s.X, s.Y, s.Z }.SelectMany(b => Enumerable.Range(0, b.Dim).Where(c => b.Discrete[c]).Select(c => b.Names[c]));
}
