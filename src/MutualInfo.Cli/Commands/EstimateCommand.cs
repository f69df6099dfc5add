using System.CommandLine;
using MutualInfo.Cli.Output;
using MutualInfo.Data;
using MutualInfo.Estimators;

namespace MutualInfo.Cli.Commands;

/// <summary>`mi estimate FILE.csv`: MI from data with standard error, 95% CI and diagnostics.</summary>
internal static class EstimateCommand
{
    /// <summary>Largest --permutations accepted: each permutation is a full estimate; 10⁵ resolves p down to 10⁻⁵.</summary>
    public const int MaxPermutations = 100_000;

    public static Command Create()
    {
        var command = new Command("estimate", "Estimate I(X;Y) in nats from a CSV file (header row; X…/Y… columns by default) with SE, 95% CI and diagnostics");
        var file = new Argument<string>("FILE") { Description = "CSV file with a header row" };
        var x = new Option<string?>("--x") { Description = "X columns: comma-separated names or 0-based indexes (default: columns named X…)" };
        var y = new Option<string?>("--y") { Description = "Y columns: comma-separated names or 0-based indexes (default: columns named Y…)" };
        var permutations = new Option<int>("--permutations") { Description = "Permutation-null p-value from this many shuffles of Y (0 = none)", DefaultValueFactory = _ => 0 };
        var splits = new Option<int>("--splits") { Description = "KSG: random half-splits behind the SE (0 = no CI)", DefaultValueFactory = _ => 30 };
        var biasAllowance = new Option<double>("--bias-allowance") { Description = "KSG: extend the CI on the drift side by this multiple of the n/2→n drift (0 = symmetric ±t·SE)", DefaultValueFactory = _ => KsgOptions.DefaultBiasAllowance };
        var resamples = new Option<int>("--resamples") { Description = "Gaussian: bootstrap resamples behind the SE (0 = no CI)", DefaultValueFactory = _ => 200 };
        var common = new CommonOptions();
        var data = new DataOptions();
        var conditional = new ConditionalEstimateRunner();
        command.Arguments.Add(file);
        command.Options.Add(x);
        command.Options.Add(y);
        data.AddTo(command);
        command.Options.Add(permutations);
        command.Options.Add(splits);
        command.Options.Add(biasAllowance);
        command.Options.Add(resamples);
        conditional.AddTo(command);
        common.AddTo(command);
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(file)!;
            OutputPaths.Require([path], new OutputPaths.Output("--json", parsed.GetValue(common.Json)));
            ulong seed = parsed.GetValue(common.Seed);
            int perms = parsed.GetValue(permutations);
            if (perms < 0) throw new UsageException($"--permutations: must be 0 or more, got {perms}");
            if (perms > MaxPermutations) throw new UsageException($"--permutations: must be at most {MaxPermutations} (each one re-runs the estimator), got {perms}");
            if (conditional.Applies(parsed))
                return conditional.Run(parsed, path, parsed.GetValue(x), parsed.GetValue(y), data, common, perms, parsed.GetValue(splits), parsed.GetValue(resamples));
            ProgressReporter? progress = null;
            IMiEstimator? created = null;
            var estimator = created = data.CreateEstimator(parsed, common.GetThreads(parsed), parsed.GetValue(splits), parsed.GetValue(resamples), parsed.GetValue(biasAllowance),
                (done, total) => (progress ??= new ProgressReporter(ProgressLabel(created!, total), total)).Advance());
            var samples = data.Read(parsed, path, ColumnChoice.FromSpecs(parsed.GetValue(x), parsed.GetValue(y)));
            // The library's one call: the same checks, scaling, estimate and permutation p-value a C# caller gets.
            MiEstimate result = MutualInformation.Estimate(samples, estimator, data.Standardize(parsed), perms, seed);
            if (NeuralEstimatorSettingsReport.IsNeural(estimator)) progress?.Finish("stopped early (no new best held-out estimate)");
            string? json = parsed.GetValue(common.Json);
            var settings = new Dictionary<string, object?>
            {
                ["file"] = path,
                ["x_columns"] = samples.XNames,
                ["y_columns"] = samples.YNames,
                ["k"] = estimator switch { KsgEstimator ksg => ksg.Options.K, CopulaKsgEstimator copula => copula.Options.Ksg.K, _ => null },
                ["standardized"] = !parsed.GetValue(data.NoStandardize),
                ["permutations"] = perms,
                ["seed"] = seed,
            };
            foreach (var (key, value) in NeuralEstimatorSettingsReport.Of(estimator)) settings[key] = value;
            string jsonText = EstimateReport.Json(result, settings);
            if (json == "-") Console.Out.Write(jsonText);
            else
            {
                Console.Out.Write(EstimateReport.Human(result, path, samples.XNames, samples.YNames, perms));
                if (json is not null) AtomicFile.WriteAllText(json, jsonText);
            }
            return CliApp.ExitOk;
        });
        return command;
    }

    // What one progress step is: KSG reports the point estimate and then each half-split (ksg-copula also each
    // Gaussian surrogate); a neural estimator each held-out evaluation of its critic, up to the step budget (early
    // stopping usually ends it sooner; see ProgressReporter.Finish).
    private static string ProgressLabel(IMiEstimator estimator, int total) => estimator switch
    {
        KsgEstimator => $"{estimator.Name}: point estimate and {total - 1} half-splits",
        CopulaKsgEstimator copula => $"{estimator.Name}: point estimate, {copula.Options.Ksg.Splits} half-splits and {total - 1 - copula.Options.Ksg.Splits} Gaussian surrogates",
        _ when NeuralEstimatorSettingsReport.IsNeural(estimator) => $"{estimator.Name}: training the critic, held-out evaluations (at most {total})",
        _ => $"{estimator.Name}: estimating",
    };
}
