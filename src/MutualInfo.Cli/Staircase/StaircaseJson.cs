using System.Text.Json;
using MutualInfo.Neural.Staircase;

namespace MutualInfo.Cli.Staircase;

/// <summary>
/// The staircase's JSON contract: <c>{"estimators":[{"name","critic","levels":[{"true_mi","mean","std"}],"trace":[…]}]}</c>
/// plus the settings it ran with. Non-finite numbers (a diverged NWJ step) are written as null.
/// </summary>
internal static class StaircaseJson
{
    public static void Write(StaircaseResult result, bool cubic, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        var options = result.Options;
        writer.WriteStartObject();
        writer.WriteString("experiment", "staircase");
        writer.WriteNumber("dim", options.Dim);
        writer.WriteBoolean("cubic", cubic);
        writer.WriteNumber("batch", options.BatchSize);
        writer.WriteNumber("log_batch", Math.Log(options.BatchSize));
        writer.WriteNumber("steps_per_level", options.StepsPerLevel);
        writer.WriteNumber("learning_rate", options.LearningRate);
        writer.WriteNumber("seed", options.Seed);
        writer.WriteNumber("seconds", Math.Round(result.Seconds, 3));
        writer.WriteStartArray("estimators");
        foreach (var run in result.Runs) WriteRun(writer, run);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter writer, StaircaseRun run)
    {
        writer.WriteStartObject();
        writer.WriteString("name", run.Name);
        writer.WriteString("spec", run.Spec);
        writer.WriteString("critic", run.Critic);
        writer.WriteStartArray("levels");
        foreach (var level in run.Levels)
        {
            writer.WriteStartObject();
            writer.WriteNumber("true_mi", level.TrueMi);
            NumberOrNull(writer, "mean", level.Mean);
            NumberOrNull(writer, "std", level.Std);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("trace");
        foreach (double value in run.Trace)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(Math.Round(value, 5));
            else writer.WriteNullValue();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void NumberOrNull(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }
}
