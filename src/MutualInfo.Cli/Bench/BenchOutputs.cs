using MutualInfo.Benchmarking;
using MutualInfo.Cli.Output;
using Spectre.Console;

namespace MutualInfo.Cli.Bench;

/// <summary>What `mi bench` and `mi bench merge` write: the table on stdout, and the JSON, CSV and figures when asked.</summary>
internal static class BenchOutputs
{
    /// <summary>
    /// Checks the output paths before any work, so a long run never ends on a path it cannot write: each writable,
    /// none an input, no two the same file (the heatmap's NAME-bias.EXT and <paramref name="partialPath"/> included).
    /// </summary>
    public static void RequireWritable(IEnumerable<string> inputs, string? jsonPath, string? csvPath, string? plotPath, string? partialPath = null)
    {
        if (plotPath is not null && Path.GetExtension(plotPath).ToLowerInvariant() is not (".png" or ".svg"))
            throw new UsageException($"--plot: the file must end in .png or .svg, got '{plotPath}'");
        string? biasPath = plotPath is null || plotPath.Trim().Length == 0 ? null : BenchBiasPlot.PathBeside(plotPath);
        OutputPaths.Require(inputs,
            new("--json", jsonPath), new("--json (its results file)", partialPath), new("--csv", csvPath),
            new("--plot", plotPath), new("--plot (its bias plot)", biasPath));
    }

    public static void Write(BenchReport report, string? jsonPath, string? csvPath, string? plotPath)
    {
        bool jsonOnStdout = jsonPath == "-";
        IAnsiConsole console = jsonOnStdout ? StdoutConsole.CreateOnStderr() : StdoutConsole.Create();
        var rows = BenchSummary.Rows(report.Cells);
        var tasks = report.Grid.Tasks.Select(TaskSuite.Find).OfType<BenchTask>().ToArray();
        if (rows.Count > 0) BenchTable.Write(console, rows, tasks, BenchSummary.Coverage(report.Cells));
        if (jsonOnStdout)
        {
            using var buffer = new MemoryStream();
            BenchJson.WriteReport(report, buffer);
            Console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else if (jsonPath is not null)
        {
            AtomicFile.Write(jsonPath, stream => BenchJson.WriteReport(report, stream));
            console.WriteLine($"wrote {jsonPath}");
        }
        if (csvPath is not null)
        {
            AtomicFile.WriteAllText(csvPath, BenchCsv.Format(report.Cells));
            console.WriteLine($"wrote {csvPath}");
        }
        if (plotPath is not null && rows.Count > 0)
        {
            var (width, height) = BenchHeatmap.SizeFor(rows);
            FigureWriter.Save(BenchHeatmap.Build(rows), plotPath, width, height);
            string biasPath = BenchBiasPlot.PathBeside(plotPath);
            FigureWriter.Save(BenchBiasPlot.Build(rows), biasPath, BenchBiasPlot.Width, BenchBiasPlot.Height);
            console.WriteLine($"wrote {plotPath} and {biasPath}");
        }
    }
}
