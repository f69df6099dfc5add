using System.Globalization;
using System.Text.Json;
using MutualInfo.Cli.Output;
using MutualInfo.Simulation;
using ScottPlot;
using Spectre.Console;
using Color = ScottPlot.Color;

namespace MutualInfo.Cli.Simulate;

/// <summary>
/// Table, JSON and plot of `mi simulate --target-gap` / `--sweep-mi`. JSON: {"target_gap","max_n","searches":[{"family",
/// "true_mi","exp_true_mi","negatives","seed","critic","trials","results":[{"bound","spec","label","n_needed",
/// "n_ci95":[lo,hi],"mean_at_n","std_error_at_n"}]}]}; an n not reached by the cap is null.
/// </summary>
internal static class GapSearchOutput
{
    public static void WriteTable(IAnsiConsole console, IReadOnlyList<GapSearchRun> runs)
    {
        GapSearchRun first = runs[0];
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"n needed for |E[bound] − I| ≤ {first.Delta} nats ({first.Trials} trials per evaluation, critic {first.Critic}, n ≤ {first.MaxN}); 95% CI of n in brackets"));
        var table = new Table { Border = TableBorder.Simple };
        table.AddColumn("family");
        table.AddColumn(new TableColumn("I").RightAligned());
        table.AddColumn(new TableColumn("e^I").RightAligned());
        foreach (GapSearchResult result in first.Results) table.AddColumn(new TableColumn(Markup.Escape($"{result.Label}: n [CI]")).RightAligned());
        foreach (GapSearchRun run in runs)
        {
            var cells = new List<string> { run.Family, F(run.TrueMi), G(Math.Exp(run.TrueMi)) };
            cells.AddRange(run.Results.Select(r => $"{N(r.NNeeded, run.MaxN)} [{N(r.NLow, run.MaxN)}, {N(r.NHigh, run.MaxN)}]"));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        console.WriteLine();
    }

    public static void WriteJson(IReadOnlyList<GapSearchRun> runs, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("target_gap", runs[0].Delta);
        json.WriteNumber("max_n", runs[0].MaxN);
        json.WriteStartArray("searches");
        foreach (GapSearchRun run in runs)
        {
            json.WriteStartObject();
            json.WriteString("family", run.Family);
            json.WriteNumber("true_mi", run.TrueMi);
            json.WriteNumberOrNull("exp_true_mi", Math.Exp(run.TrueMi));
            json.WriteString("negatives", SimulationJson.NegativesName(run.Negatives));
            json.WriteNumber("seed", run.Seed);
            json.WriteString("critic", run.Critic);
            json.WriteNumber("trials", run.Trials);
            json.WriteStartArray("results");
            foreach (GapSearchResult result in run.Results) WriteResult(json, result);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, GapSearchResult result)
    {
        json.WriteStartObject();
        json.WriteString("bound", result.Bound);
        json.WriteString("spec", result.Spec);
        json.WriteString("label", result.Label);
        WriteCount(json, "n_needed", result.NNeeded);
        json.WriteStartArray("n_ci95");
        if (result.NLow is { } lo) json.WriteNumberValue(lo); else json.WriteNullValue();
        if (result.NHigh is { } hi) json.WriteNumberValue(hi); else json.WriteNullValue();
        json.WriteEndArray();
        json.WriteNumberOrNull("mean_at_n", result.EstimateAtN?.Mean ?? double.NaN);
        json.WriteNumberOrNull("std_error_at_n", result.EstimateAtN?.StdError ?? double.NaN);
        json.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    /// <summary>One panel: log₂ of the n needed (with its CI as error bars) against I, beside log₂ e^I.</summary>
    public static Multiplot BuildPlot(IReadOnlyList<GapSearchRun> runs)
    {
        var figure = new Multiplot();
        Plot plot = figure.GetPlot(0);
        double[] mi = runs.Select(r => r.TrueMi).ToArray();
        var scale = plot.Add.ScatterLine(mi, mi.Select(i => i / Math.Log(2)).ToArray(), Colors.Gray);
        scale.LinePattern = LinePattern.Dashed;
        scale.LegendText = "log₂ e^I";
        var cap = plot.Add.HorizontalLine(Math.Log2(runs[0].MaxN), 1, Colors.Black, LinePattern.Dotted);
        cap.LegendText = "cap on n";
        var palette = new ScottPlot.Palettes.Category10();
        for (int b = 0; b < runs[0].Results.Count; b++)
        {
            var points = runs.Select(r => (r.TrueMi, Result: r.Results[b])).Where(p => p.Result.NNeeded is not null).ToArray();
            if (points.Length == 0) continue;
            Color color = palette.GetColor(b);
            double[] x = points.Select(p => p.TrueMi).ToArray();
            double[] y = points.Select(p => Math.Log2(p.Result.NNeeded!.Value)).ToArray();
            var line = plot.Add.Scatter(x, y, color);
            line.LegendText = $"{runs[0].Results[b].Label}: n needed";
            line.LineWidth = 2;
            line.MarkerSize = 6;
            foreach (var p in points)
            {
                double low = Math.Log2(p.Result.NLow ?? p.Result.NNeeded!.Value);
                double high = Math.Log2(p.Result.NHigh ?? runs[0].MaxN);
                var bar = plot.Add.Line(p.TrueMi, low, p.TrueMi, high);
                bar.Color = color;
                bar.LineWidth = 1.5f;
            }
        }
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"batch size needed for |E[bound] − I| ≤ {runs[0].Delta} nats  ({runs[0].Family.Split(',')[0]}…)"), 13);
        plot.XLabel("I (nats)");
        plot.YLabel("log₂ n");
        plot.ShowLegend(Alignment.UpperLeft);
        return figure;
    }

    private static string N(int? n, int maxN) => n is { } v ? v.ToString(CultureInfo.InvariantCulture) : $">{maxN}";

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
