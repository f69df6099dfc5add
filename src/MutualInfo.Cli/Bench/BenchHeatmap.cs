using System.Globalization;
using MutualInfo.Benchmarking;
using ScottPlot;

namespace MutualInfo.Cli.Bench;

/// <summary>
/// The BMI-paper figure: tasks (rows) × estimators (columns), each cell annotated with the mean estimate over seeds
/// and coloured by BMI's score log(mean / truth) clipped to ±1 (white: right; red: too high; blue: too low, full
/// colour at a factor e). The first column is the ground truth (score 0). Tasks with truth 0 have no ratio and stay
/// uncoloured. One panel per sample size.
/// </summary>
internal static class BenchHeatmap
{
    private const int CellWidth = 110, CellHeight = 26, LabelMargin = 300, ChromeHeight = 170;

    // Wide enough for the title over a single-estimator panel (it was cut off at 640 px).
    private const int MinPanelWidth = 820;

    public static Multiplot Build(IReadOnlyList<BenchSummaryRow> rows)
    {
        var sizes = rows.Select(r => r.Samples).Distinct().ToArray();
        var figure = new Multiplot();
        while (figure.Count() < sizes.Length) figure.AddPlot();
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(1, sizes.Length);
        for (int i = 0; i < sizes.Length; i++) Draw(figure.GetPlot(i), rows.Where(r => r.Samples == sizes[i]).ToArray(), sizes[i]);
        return figure;
    }

    public static (int Width, int Height) SizeFor(IReadOnlyList<BenchSummaryRow> rows)
    {
        int panels = rows.Select(r => r.Samples).Distinct().Count();
        int columns = rows.Select(r => r.Estimator).Distinct().Count() + 1;
        int tasks = rows.Select(r => r.Task).Distinct().Count();
        return (panels * Math.Max(MinPanelWidth, LabelMargin + columns * CellWidth + 120), ChromeHeight + tasks * CellHeight);
    }

    private static void Draw(Plot plot, BenchSummaryRow[] rows, int samples)
    {
        string[] tasks = rows.Select(r => r.Task).Distinct().ToArray();
        string[] columns = ["truth", .. rows.Select(r => r.Estimator).Distinct()];
        var values = new double[tasks.Length, columns.Length];
        var scores = new double[tasks.Length, columns.Length];
        for (int t = 0; t < tasks.Length; t++)
            for (int c = 0; c < columns.Length; c++)
            {
                values[t, c] = Value(rows, tasks[t], columns[c]);
                scores[t, c] = BenchScore.Clipped(values[t, c], rows.First(r => r.Task == tasks[t]).Truth);
            }

        var heatmap = plot.Add.Heatmap(scores);
        heatmap.Colormap = new ScottPlot.Colormaps.Balance();
        heatmap.ManualRange = new ScottPlot.Range(-BenchScore.Clip, BenchScore.Clip);
        heatmap.Position = new CoordinateRect(0, columns.Length - 1, 0, tasks.Length - 1);
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "log(estimate / truth), clipped to ±1";
        // Five fixed ticks: the automatic ones crowd a tall bar and run into its label.
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (double t in new[] { -1.0, -0.5, 0.0, 0.5, 1.0 }) ticks.AddMajor(t, t.ToString("+0.0;−0.0;0", CultureInfo.InvariantCulture));
        bar.Axis.TickGenerator = ticks;

        for (int t = 0; t < tasks.Length; t++)
            for (int c = 0; c < columns.Length; c++)
                Annotate(plot, values[t, c], scores[t, c], c, tasks.Length - 1 - t);

        plot.Axes.Left.SetTicks(Enumerable.Range(0, tasks.Length).Select(t => (double)(tasks.Length - 1 - t)).ToArray(), tasks);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, columns.Length).Select(c => (double)c).ToArray(), columns);
        plot.Axes.Left.MinimumSize = LabelMargin;
        plot.Axes.SetLimits(-0.5, columns.Length - 0.5, -0.5, tasks.Length - 0.5);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Mean estimate over seeds (nats), n = {samples}; colour: BMI's log ratio"), 13);
    }

    private static double Value(BenchSummaryRow[] rows, string task, string column)
    {
        if (column == "truth") return rows.First(r => r.Task == task).Truth;
        return rows.FirstOrDefault(r => r.Task == task && r.Estimator == column)?.Mean ?? double.NaN;
    }

    private static void Annotate(Plot plot, double value, double score, double x, double y)
    {
        // Adding 0.0 turns a rounded −0 into +0, so tiny negative estimates do not print as "-0.00".
        string text = double.IsFinite(value) ? (Math.Round(value, 2) + 0.0).ToString("F2", CultureInfo.InvariantCulture) : "n/a";
        var label = plot.Add.Text(text, x, y);
        label.LabelAlignment = Alignment.MiddleCenter;
        label.LabelFontSize = 12;
        // Balance is pale near 0 and dark at ±1: pick the readable ink.
        bool dark = double.IsFinite(score) && Math.Abs(score) > 0.6;
        label.LabelFontColor = dark ? Colors.White : Colors.Black;
    }
}
