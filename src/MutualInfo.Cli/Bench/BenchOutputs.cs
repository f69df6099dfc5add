using MutualInfo.Benchmarking;
using MutualInfo.Cli.Output;
using Spectre.Console;

namespace MutualInfo.Cli.Bench;

/// <summary>What `mi bench` and `mi bench merge` write: the table on stdout, and the JSON, CSV and figures when asked.</summary>
internal static class BenchOutputs
{
    /// <summary>Checks the output paths before any work, so a long run never ends on a path it cannot write.</summary>
    public static void RequireWritable(string? jsonPath, string? csvPath, string? plotPath)
    {
        if (plotPath is not null && Path.GetExtension(plotPath).ToLowerInvariant() is not (".png" or ".svg"))
            throw new UsageException($"--plot: the file must end in .png or .svg, got '{plotPath}'");
        foreach (var (flag, path) in new[] { ("--json", jsonPath), ("--csv", csvPath), ("--plot", plotPath) })
        {
            if (path is null) continue;
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is null || !Directory.Exists(directory))
                throw new UsageException($"{flag}: cannot write '{path}': directory does not exist");
        }
    }

    public static void Write(BenchReport report, string? jsonPath, string? csvPath, string? plotPath)
    {
        IAnsiConsole console = StdoutConsole.Create();
        var rows = BenchSummary.Rows(report.Cells);
        var tasks = report.Grid.Tasks.Select(TaskSuite.Find).OfType<BenchTask>().ToArray();
        if (rows.Count > 0) BenchTable.Write(console, rows, tasks, BenchSummary.Coverage(report.Cells));
        if (jsonPath is not null)
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
