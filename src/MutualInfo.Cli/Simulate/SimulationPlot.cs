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
            Color color = ColorFor(rows[0].Bound, usedColors);
            DrawBound(plot, rows[0].Label, color, rows);
            DrawTheory(plot, rows, color, run.TrueMi);
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

    /// <summary>
    /// Dashed: the first- and second-order approximations of E[InfoNCE]; for NWJ/TUBA the 95% band I ± 1.96·√(Var/T)
    /// that the exact trial variance predicts, to compare with the simulated band.
    /// </summary>
    private static void DrawTheory(Plot plot, SimulationRow[] rows, Color color, double trueMi)
    {
        double[] x = rows.Select(r => Math.Log2(r.N)).ToArray();
        void Dashed(double[] y, string? legend, LinePattern pattern)
        {
            var line = plot.Add.ScatterLine(x, y, color);
            line.LinePattern = pattern;
            line.LineWidth = 1.5f;
            if (legend is not null) line.LegendText = legend;
        }
        if (rows.All(r => r.TheoryFirstOrder is not null))
        {
            Dashed(rows.Select(r => r.TheoryFirstOrder!.Value).ToArray(), "1st-order theory", LinePattern.Dashed);
            Dashed(rows.Select(r => r.TheorySecondOrder!.Value).ToArray(), "2nd-order theory", LinePattern.DenselyDashed);
        }
        if (rows.All(r => r.TheoryTrialVariance is not null))
        {
            double[] half = rows.Select(r => MutualInfo.Statistics.MeanEstimate.Z95 * Math.Sqrt(r.TheoryTrialVariance!.Value / r.Trials)).ToArray();
            Dashed(half.Select(h => trueMi + h).ToArray(), $"{rows[0].Label}: theory 95% band", LinePattern.Dashed);
            Dashed(half.Select(h => trueMi - h).ToArray(), null, LinePattern.Dashed);
        }
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
