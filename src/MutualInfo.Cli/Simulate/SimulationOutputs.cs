using MutualInfo.Cli.Output;
using MutualInfo.Simulation;
using Spectre.Console;

namespace MutualInfo.Cli.Simulate;

/// <summary>
/// Writes the JSON (to stdout for <c>-</c>), CSV and plot of simulated runs (shared by `mi simulate` and
/// `mi simulate merge`).
/// </summary>
internal static class SimulationOutputs
{
    public static void Write(IAnsiConsole console, IReadOnlyList<SimulationRun> runs, string? jsonPath, string? csvPath, string? plotPath)
    {
        if (jsonPath == "-")
        {
            using var buffer = new MemoryStream();
            SimulationJson.Write(runs, buffer);
            Console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else if (jsonPath is { } json)
        {
            AtomicFile.Write(json, stream => SimulationJson.Write(runs, stream));
            console.WriteLine($"wrote {json}");
        }
        if (csvPath is { } csv)
        {
            AtomicFile.WriteAllText(csv, SimulationCsv.Format(runs));
            console.WriteLine($"wrote {csv}");
        }
        if (plotPath is { } plot)
        {
            (int width, int height) = SimulationPlot.SizeFor(runs.Count);
            FigureWriter.Save(SimulationPlot.Build(runs), plot, width, height);
            console.WriteLine($"wrote {plot}");
        }
    }
}
