using MutualInfo.Cli.Output;
using MutualInfo.Neural.Staircase;
using ScottPlot;
using SkiaSharp;

namespace MutualInfo.Cli.Staircase;

/// <summary>
/// One panel per estimator, as in Poole et al. Fig. 2: the raw per-step estimates (light), their moving average
/// (dark), the true MI staircase and the log n line that caps InfoNCE.
/// </summary>
internal static class StaircasePlot
{
    private const int PanelWidth = 520, PanelHeight = 400;

    public static void Save(StaircaseResult result, string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg")) throw new UsageException($"--plot: the file must end in .png or .svg, got '{path}'");
        var figure = Build(result);
        int columns = Math.Min(result.Runs.Count, 3), rows = (result.Runs.Count + columns - 1) / columns;
        int width = columns * PanelWidth, height = rows * PanelHeight;
        AtomicFile.Write(path, stream =>
        {
            if (extension == ".png")
            {
                using Image image = figure.Render(width, height);
                stream.Write(image.GetImageBytes(ImageFormat.Png));
                return;
            }
            using var managed = new SKManagedWStream(stream);
            using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), managed))
            {
                canvas.Clear(SKColors.White);
                figure.Render(canvas, new PixelRect(0, 0, width, height));
            }
            managed.Flush();
        });
    }

    public static Multiplot Build(StaircaseResult result)
    {
        var figure = new Multiplot();
        figure.AddPlots(result.Runs.Count);
        int columns = Math.Min(result.Runs.Count, 3);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid((result.Runs.Count + columns - 1) / columns, columns);
        double top = Math.Max(result.Options.Levels.Max(), Math.Log(result.Options.BatchSize)) + 2;
        for (int i = 0; i < result.Runs.Count; i++) DrawPanel(figure.GetPlot(i), result, result.Runs[i], top, showLegend: i == 0);
        return figure;
    }

    private static void DrawPanel(Plot plot, StaircaseResult result, StaircaseRun run, double top, bool showLegend)
    {
        var options = result.Options;
        double[] steps = Enumerable.Range(0, run.Trace.Length).Select(i => (double)i).ToArray();
        double[] raw = run.Trace.Select(v => double.IsFinite(v) ? Math.Clamp(v, -2, top + 5) : double.NaN).ToArray();
        var rawLine = plot.Add.ScatterLine(steps, raw, Colors.SteelBlue.WithAlpha(0.3));
        rawLine.LegendText = "estimate";
        var smooth = plot.Add.ScatterLine(steps, MovingAverage(raw, Math.Max(1, options.StepsPerLevel / 20)), Colors.Navy);
        smooth.LineWidth = 2;
        smooth.LegendText = "smoothed";

        double[] truthX = options.Levels.SelectMany((_, k) => new double[] { k * options.StepsPerLevel, (k + 1) * options.StepsPerLevel }).ToArray();
        double[] truthY = options.Levels.SelectMany(level => new[] { level, level }).ToArray();
        var truth = plot.Add.ScatterLine(truthX, truthY, Colors.Black);
        truth.LineWidth = 2;
        truth.LegendText = "true MI";
        var cap = plot.Add.HorizontalLine(Math.Log(options.BatchSize), 1.5f, Colors.Gray, LinePattern.Dashed);
        cap.LegendText = "log(batch)";

        plot.Title(run.Spec, 13);
        plot.XLabel("training step");
        plot.YLabel("MI (nats)");
        plot.Axes.SetLimits(0, run.Trace.Length, -0.5, top);
        if (showLegend) plot.ShowLegend(Alignment.UpperLeft);
        else plot.HideLegend();
    }

    /// <summary>Trailing moving average that skips non-finite values.</summary>
    internal static double[] MovingAverage(double[] values, int window)
    {
        var result = new double[values.Length];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i])) { sum += values[i]; count++; }
            if (i >= window && double.IsFinite(values[i - window])) { sum -= values[i - window]; count--; }
            result[i] = count > 0 ? sum / count : double.NaN;
        }
        return result;
    }
}
