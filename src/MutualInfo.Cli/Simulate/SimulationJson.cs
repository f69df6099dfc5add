using System.Text.Json;
using MutualInfo.Cli.Output;
using MutualInfo.Simulation;

namespace MutualInfo.Cli.Simulate;

/// <summary>
/// The `mi simulate --json` contract: {"runs":[{"family","true_mi","negatives","seed","critic","control_variate",
/// "lautum_information","club_exact",
/// "rows":[{"bound","spec","label","n","log_n","mean","std_error","ci95":[lo,hi],"mean_plain","std_error_plain",
/// "cv_coefficient","controls","conditional_positives","theory_first_order","theory_second_order","trial_variance","theory_trial_variance",
/// "frac_above_true","trials","saturated"}]}]}. "mean"/"std_error"/"ci95" are the control-variate
/// estimate where it applies ("cv_coefficient" not null), the plain trial mean otherwise; "controls" counts the
/// known-mean controls behind it (0 plain, 1 the positive's log r) and "conditional_positives" the fresh positives
/// x ~ p(x|y) averaged per trial (0 none).
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
        json.WriteString("critic", run.Critic);
        json.WriteBoolean("control_variate", run.ControlVariate);
        if (run.LautumInformation is { } lautum)
        {
            json.WriteNumber("lautum_information", lautum);
            json.WriteNumber("club_exact", run.TrueMi + lautum);
        }
        else
        {
            json.WriteNull("lautum_information");
            json.WriteNull("club_exact");
        }
        json.WriteStartArray("rows");
        foreach (SimulationRow row in run.Rows) WriteRow(json, row);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumberOrNull(name, v);
        else json.WriteNull(name);
    }

    private static void WriteRow(Utf8JsonWriter json, SimulationRow row)
    {
        json.WriteStartObject();
        json.WriteString("bound", row.Bound);
        json.WriteString("spec", row.Spec);
        json.WriteString("label", row.Label);
        json.WriteNumber("n", row.N);
        json.WriteNumber("log_n", row.LogN);
        json.WriteNumberOrNull("mean", row.Estimate.Mean);
        json.WriteNumberOrNull("std_error", row.Estimate.StdError);
        json.WriteInterval("ci95", row.Estimate.Ci95Low, row.Estimate.Ci95High);
        json.WriteNumberOrNull("mean_plain", row.PlainEstimate.Mean);
        json.WriteNumberOrNull("std_error_plain", row.PlainEstimate.StdError);
        if (row.ControlCoefficient is { } beta) json.WriteNumberOrNull("cv_coefficient", beta);
        else json.WriteNull("cv_coefficient");
        json.WriteNumber("controls", row.ControlCount);
        json.WriteNumber("conditional_positives", row.ConditionalPositives);
        WriteOptional(json, "theory_first_order", row.TheoryFirstOrder);
        WriteOptional(json, "theory_second_order", row.TheorySecondOrder);
        json.WriteNumberOrNull("trial_variance", row.TrialVariance);
        WriteOptional(json, "theory_trial_variance", row.TheoryTrialVariance);
        json.WriteNumber("frac_above_true", row.FracAboveTrue);
        json.WriteNumber("trials", row.Trials);
        json.WriteBoolean("saturated", row.Saturated);
        json.WriteEndObject();
    }
}
