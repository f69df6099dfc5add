using System.Globalization;
using MutualInfo.Benchmarking;
using ScottPlot;

namespace MutualInfo.Cli.Bench;

/// <summary>
/// The BMI-paper figure: tasks (rows) × estimators (columns), colour = mean estimate over seeds, each cell annotated
/// with its value; the first column is the ground truth, on the same colour scale. One panel per sample size.
/// </summary>
internal static class BenchHeatmap
{
    private const int CellWidth = 110, CellHeight = 26, LabelMargin = 300, ChromeHeight = 170;

    public static Multiplot Build(IReadOnlyList<BenchSummaryRow> rows)
    {
        var sizes = rows.Select(r => r.Samples).Distinct().ToArray();
        var figure = new Multiplot();
        while (figure.Count() < sizes.Length) figure.AddPlot();
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(1, sizes.Length);
        double max = rows.Select(r => r.Mean).Concat(rows.Select(r => r.Truth)).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        for (int i = 0; i < sizes.Length; i++) Draw(figure.GetPlot(i), rows.Where(r => r.Samples == sizes[i]).ToArray(), sizes[i], max);
        return figure;
    }

    public static (int Width, int Height) SizeFor(IReadOnlyList<BenchSummaryRow> rows)
    {
        int panels = rows.Select(r => r.Samples).Distinct().Count();
        int columns = rows.Select(r => r.Estimator).Distinct().Count() + 1;
        int tasks = rows.Select(r => r.Task).Distinct().Count();
        return (panels * (LabelMargin + columns * CellWidth + 120), ChromeHeight + tasks * CellHeight);
    }

    private static void Draw(Plot plot, BenchSummaryRow[] rows, int samples, double max)
    {
        string[] tasks = rows.Select(r => r.Task).Distinct().ToArray();
        string[] columns = ["truth", .. rows.Select(r => r.Estimator).Distinct()];
        var values = new double[tasks.Length, columns.Length];
        for (int t = 0; t < tasks.Length; t++)
            for (int c = 0; c < columns.Length; c++)
                values[t, c] = Value(rows, tasks[t], columns[c]);

        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(Math.Min(0, rows.Select(r => r.Mean).Where(double.IsFinite).DefaultIfEmpty(0).Min()), Math.Max(max, 1e-9));
        heatmap.Position = new CoordinateRect(0, columns.Length - 1, 0, tasks.Length - 1);
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "MI (nats)";

        for (int t = 0; t < tasks.Length; t++)
            for (int c = 0; c < columns.Length; c++)
                Annotate(plot, values[t, c], c, tasks.Length - 1 - t, heatmap.ManualRange!.Value);

        plot.Axes.Left.SetTicks(Enumerable.Range(0, tasks.Length).Select(t => (double)(tasks.Length - 1 - t)).ToArray(), tasks);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, columns.Length).Select(c => (double)c).ToArray(), columns);
        plot.Axes.Left.MinimumSize = LabelMargin;
        plot.Axes.SetLimits(-0.5, columns.Length - 0.5, -0.5, tasks.Length - 0.5);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Mean estimate over seeds (nats), n = {samples}"), 13);
    }

    private static double Value(BenchSummaryRow[] rows, string task, string column)
    {
        if (column == "truth") return rows.First(r => r.Task == task).Truth;
        return rows.FirstOrDefault(r => r.Task == task && r.Estimator == column)?.Mean ?? double.NaN;
    }

    private static void Annotate(Plot plot, double value, double x, double y, ScottPlot.Range range)
    {
        // Adding 0.0 turns a rounded −0 into +0, so tiny negative estimates do not print as "-0.00".
        string text = double.IsFinite(value) ? (Math.Round(value, 2) + 0.0).ToString("F2", CultureInfo.InvariantCulture) : "n/a";
        var label = plot.Add.Text(text, x, y);
        label.LabelAlignment = Alignment.MiddleCenter;
        label.LabelFontSize = 12;
        // Viridis is dark at the low end and light at the high end: pick the readable ink.
        bool light = double.IsFinite(value) && (value - range.Min) / Math.Max(range.Max - range.Min, 1e-12) > 0.6;
        label.LabelFontColor = light ? Colors.Black : Colors.White;
    }
}
