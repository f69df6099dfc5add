using System.Text.Json;
using MutualInfo.Cli.Output;
using MutualInfo.Simulation;

namespace MutualInfo.Cli.Simulate;

/// <summary>
/// The `mi simulate --json` contract: {"runs":[{"family","true_mi","negatives","seed","rows":[{"bound","n","log_n",
/// "mean","std_error","ci95":[lo,hi],"frac_above_true","trials","saturated"}]}]}.
/// </summary>
internal static class SimulationJson
{
    public static void Write(IReadOnlyList<SimulationRun> runs, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("runs");
        foreach (SimulationRun run in runs) WriteRun(json, run);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string NegativesName(NegativeSampling negatives) =>
        negatives == NegativeSampling.InBatch ? "in-batch" : "independent";

    private static void WriteRun(Utf8JsonWriter json, SimulationRun run)
    {
        json.WriteStartObject();
        json.WriteString("family", run.Family);
        json.WriteNumber("true_mi", run.TrueMi);
        json.WriteString("negatives", NegativesName(run.Negatives));
        json.WriteNumber("seed", run.Seed);
        json.WriteStartArray("rows");
        foreach (SimulationRow row in run.Rows) WriteRow(json, row);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, SimulationRow row)
    {
        json.WriteStartObject();
        json.WriteString("bound", row.Bound);
        json.WriteNumber("n", row.N);
        json.WriteNumber("log_n", row.LogN);
        json.WriteNumberOrNull("mean", row.Estimate.Mean);
        json.WriteNumberOrNull("std_error", row.Estimate.StdError);
        json.WriteStartArray("ci95");
        json.WriteNumberOrNullValue(row.Estimate.Ci95Low);
        json.WriteNumberOrNullValue(row.Estimate.Ci95High);
        json.WriteEndArray();
        json.WriteNumber("frac_above_true", row.FracAboveTrue);
        json.WriteNumber("trials", row.Trials);
        json.WriteBoolean("saturated", row.Saturated);
        json.WriteEndObject();
    }
}
