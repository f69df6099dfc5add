using System.CommandLine;
using System.Globalization;
using MutualInfo.Cli.Output;
using MutualInfo.Data;
using MutualInfo.Estimators;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// `mi bmi FILE.csv DIM_X DIM_Y`: the BMI benchmark's external-estimator protocol — the first DIM_X columns are X,
/// the next DIM_Y are Y; prints exactly one float (nats) on stdout and nothing else.
/// </summary>
internal static class BmiCommand
{
    public static Command Create()
    {
        var command = new Command("bmi", "BMI external-estimator protocol: print one MI estimate (nats) for FILE.csv, whose first DIM_X columns are X and next DIM_Y are Y");
        var file = new Argument<string>("FILE") { Description = "CSV file with a header row (a leading 'seed' or unnamed index column is skipped)" };
        var dimX = new Argument<int>("DIM_X") { Description = "Dimension of X" };
        var dimY = new Argument<int>("DIM_Y") { Description = "Dimension of Y" };
        var common = new CommonOptions();
        var data = new DataOptions();
        command.Arguments.Add(file);
        command.Arguments.Add(dimX);
        command.Arguments.Add(dimY);
        data.AddTo(command);
        common.AddTo(command);
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(file)!;
            OutputPaths.Require([path], new OutputPaths.Output("--json", parsed.GetValue(common.Json)));
            ulong seed = parsed.GetValue(common.Seed);
            // The default estimator's decision rule weighs its half-splits' SE, so `mi bmi` runs them as `mi estimate` does and
            // prints the same number.
            var estimator = data.CreateEstimator(parsed, common.GetThreads(parsed), splits: new KsgOptions().Splits, resamples: 0, biasAllowance: KsgOptions.DefaultBiasAllowance);
            var columns = ColumnChoice.Leading(parsed.GetValue(dimX), parsed.GetValue(dimY));
            var samples = data.Load(parsed, path, columns, estimator);
            // CPU time next to wall time: on a shared machine wall time measures the load as much as the estimator.
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            double mi = estimator.PointEstimate(samples, seed);
            double seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            string? json = parsed.GetValue(common.Json);
            string jsonText = string.Create(CultureInfo.InvariantCulture,
                $"{{\"estimator\":\"{estimator.Name}\",\"mi\":{mi:R},\"n_samples\":{samples.Count},\"dim_x\":{samples.DimX},\"dim_y\":{samples.DimY},\"seed\":{seed},\"elapsed_seconds\":{seconds:R},\"cpu_seconds\":{cpuSeconds:R}}}\n");
            // `--json -` replaces the float on stdout by the JSON line (as in `mi estimate`), never a file named "-".
            if (json == "-") Console.Out.Write(jsonText);
            else
            {
                Console.Out.WriteLine(mi.ToString("R", CultureInfo.InvariantCulture));
                if (json is not null) AtomicFile.WriteAllText(json, jsonText);
            }
            return CliApp.ExitOk;
        });
        return command;
    }
}
