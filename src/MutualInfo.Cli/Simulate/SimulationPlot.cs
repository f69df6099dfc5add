using System.Globalization;
using MutualInfo.Simulation;
using ScottPlot;

namespace MutualInfo.Cli.Simulate;

/// <summary>
/// One panel per simulated family: each bound's mean vs log₂ n with its 95% CI band, the true MI and the log n cap.
/// </summary>
internal static class SimulationPlot
{
    private static readonly Dictionary<string, Color> BoundColors = new()
    {
        ["infonce"] = Colors.Blue, ["mean-field"] = Colors.DarkOrange, ["loo-upper"] = Colors.Green,
        ["nwj"] = Colors.Purple, ["tuba"] = Colors.Brown, ["dv"] = Colors.Magenta, ["smile"] = Colors.Teal,
        ["alpha-infonce"] = Colors.Olive, ["mine"] = Colors.Magenta, ["js"] = Colors.Crimson,
    };

    public static Multiplot Build(IReadOnlyList<SimulationRun> runs)
    {
        var figure = new Multiplot(); // starts with one panel
        while (figure.Count() < runs.Count) figure.AddPlot();
        int columns = runs.Count == 1 ? 1 : 2;
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid((runs.Count + columns - 1) / columns, columns);
        for (int i = 0; i < runs.Count; i++) DrawRun(figure.GetPlot(i), runs[i], showLegend: i == 0);
        return figure;
    }

    public static (int Width, int Height) SizeFor(int panels)
    {
        int columns = panels == 1 ? 1 : 2, rows = (panels + columns - 1) / columns;
        return (columns * 700, rows * 480);
    }

    private static void DrawRun(Plot plot, SimulationRun run, bool showLegend)
    {
        int[] ns = run.Rows.Select(r => r.N).Distinct().ToArray();
        double[] log2N = ns.Select(n => Math.Log2(n)).ToArray();

        var cap = plot.Add.ScatterLine(log2N, ns.Select(n => Math.Log(n)).ToArray(), Colors.Gray);
        cap.LegendText = "log n (InfoNCE cap)";
        cap.LinePattern = LinePattern.Dashed;
        var truth = plot.Add.HorizontalLine(run.TrueMi, 1.5f, Colors.Black, LinePattern.Dotted);
        truth.LegendText = "true MI";

        var usedColors = new HashSet<Color>();
        foreach (var group in run.Rows.GroupBy(r => r.Spec))
        {
            SimulationRow[] rows = group.OrderBy(r => r.N).ToArray();
            DrawBound(plot, rows[0].Label, ColorFor(rows[0].Bound, usedColors), rows);
        }

        string critic = run.Critic == "exact" ? "" : $", critic {run.Critic}";
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{run.Family}  (I = {run.TrueMi:F2} nats{critic})"), 13);
        plot.XLabel("log₂ n");
        plot.YLabel("nats");
        // Leave-one-out and NWJ-type values can be huge at small n; keep the interesting range in view.
        plot.Axes.SetLimits(log2N.Min() - 0.3, log2N.Max() + 0.3, -0.5, Math.Max(run.TrueMi, 1) * 1.35);
        if (showLegend) plot.ShowLegend(Alignment.LowerRight);
        else plot.HideLegend();
    }

    /// <summary>The bound's own colour, or the next unused palette colour when a parametrised bound repeats.</summary>
    private static Color ColorFor(string bound, HashSet<Color> used)
    {
        Color color = BoundColors.GetValueOrDefault(bound, Colors.DarkGray);
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; used.Contains(color) && i < palette.Colors.Length; i++) color = palette.Colors[i];
        used.Add(color);
        return color;
    }

    private static void DrawBound(Plot plot, string label, Color color, SimulationRow[] rows)
    {
        double[] x = rows.Select(r => Math.Log2(r.N)).ToArray();
        var band = plot.Add.FillY(x, rows.Select(r => r.Estimate.Ci95Low).ToArray(), rows.Select(r => r.Estimate.Ci95High).ToArray());
        band.FillColor = color.WithAlpha(0.25);
        band.LineWidth = 0;
        var mean = plot.Add.Scatter(x, rows.Select(r => r.Estimate.Mean).ToArray(), color);
        mean.LegendText = label;
        mean.LineWidth = 2;
        mean.MarkerSize = 4;
    }
}
