using System.Globalization;
using MutualInfo.Benchmarking;
using ScottPlot;

namespace MutualInfo.Cli.Bench;

/// <summary>Bias (mean estimate − truth, ± sd over seeds) against the true MI: one series per estimator and sample size.</summary>
internal static class BenchBiasPlot
{
    private static readonly Color[] Palette = [Colors.Blue, Colors.DarkOrange, Colors.Green, Colors.Crimson, Colors.Purple, Colors.Brown, Colors.Teal, Colors.Magenta];
    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle];

    public const int Width = 900, Height = 600;

    public static Multiplot Build(IReadOnlyList<BenchSummaryRow> rows)
    {
        var figure = new Multiplot();
        Plot plot = figure.GetPlot(0);
        var zero = plot.Add.HorizontalLine(0, 1.5f, Colors.Black, LinePattern.Dotted);
        zero.LegendText = "unbiased";
        var series = rows.GroupBy(r => (r.Estimator, r.Samples)).ToArray();
        string[] estimators = rows.Select(r => r.Estimator).Distinct().ToArray();
        bool severalSizes = rows.Select(r => r.Samples).Distinct().Count() > 1;
        for (int i = 0; i < series.Length; i++)
        {
            var points = series[i].Where(r => double.IsFinite(r.Bias)).ToArray();
            if (points.Length == 0) continue;
            // Shape names the estimator (so coinciding points stay distinguishable); colour tells the series apart.
            Color color = Palette[i % Palette.Length];
            MarkerShape shape = Shapes[Array.IndexOf(estimators, series[i].Key.Estimator) % Shapes.Length];
            double[] x = points.Select(r => r.Truth).ToArray(), y = points.Select(r => r.Bias).ToArray();
            if (points.All(r => double.IsFinite(r.Sd)))
            {
                var bars = plot.Add.ErrorBar(x, y, points.Select(r => r.Sd).ToArray());
                bars.Color = color;
            }
            var markers = plot.Add.Markers(x, y, shape, 8, color);
            markers.LegendText = severalSizes ? $"{series[i].Key.Estimator} (n = {series[i].Key.Samples})" : series[i].Key.Estimator;
        }
        plot.Title("Bias vs true MI (mean over seeds ± sd)", 13);
        plot.XLabel("true MI (nats)");
        plot.YLabel("mean estimate − truth (nats)");
        plot.ShowLegend(Alignment.LowerLeft);
        return figure;
    }

    /// <summary>The bias figure's path beside the heatmap's: <c>bench.png</c> → <c>bench-bias.png</c>.</summary>
    public static string PathBeside(string heatmapPath)
    {
        string directory = Path.GetDirectoryName(heatmapPath) ?? "";
        return Path.Combine(directory, string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileNameWithoutExtension(heatmapPath)}-bias{Path.GetExtension(heatmapPath)}"));
    }
}
