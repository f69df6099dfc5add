using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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
            // The library's checks and scaling (MutualInformation.Prepare), then only the point estimate: the BMI protocol wants one float.
            var samples = MutualInformation.Prepare(data.Read(parsed, path, columns), estimator, data.Standardize(parsed));
            // CPU time next to wall time: on a shared machine wall time measures the load as much as the estimator.
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            double mi = estimator.PointEstimate(samples, seed);
            double seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            string? json = parsed.GetValue(common.Json);
            string jsonText = JsonLine(estimator.Name, mi, samples, seed, seconds, cpuSeconds);
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

    // One JSON line; a non-finite MI (+∞ for a deterministic relation) is null, as in every other JSON output.
    private static string JsonLine(string estimator, double mi, PairedSamples samples, ulong seed, double seconds, double cpuSeconds)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("estimator", estimator);
            w.WriteNumberOrNull("mi", mi);
            w.WriteNumber("n_samples", samples.Count);
            w.WriteNumber("dim_x", samples.DimX);
            w.WriteNumber("dim_y", samples.DimY);
            w.WriteNumber("seed", seed);
            w.WriteNumberOrNull("elapsed_seconds", seconds);
            w.WriteNumberOrNull("cpu_seconds", cpuSeconds);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
