using System.Diagnostics;
using System.Globalization;
using MutualInfo.Benchmarking;

namespace MutualInfo.Cli.Bench;

/// <summary>Per-cell progress on stderr: one line per finished cell with its estimate, the truth and the elapsed time.</summary>
internal sealed class BenchProgress
{
    private readonly int _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _done;

    public BenchProgress(int total, int alreadyDone, string storePath)
    {
        _total = total;
        _done = alreadyDone;
        // A line from the first second: the first cell can take long, and silence would look like a hang.
        Console.Error.WriteLine(alreadyDone > 0
            ? $"bench: resuming, {alreadyDone} of {total} cells already in {storePath}"
            : $"bench: {total} cells, results appended to {storePath} as they finish");
    }

    public void Finished(BenchResult cell)
    {
        _done++;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench [{_done}/{_total}] {cell.Key.Task} {cell.Key.Estimator} n={cell.Key.Samples} seed={cell.Key.Seed}: {cell.Mi:F3} (truth {cell.Truth:F3}) {cell.Seconds:F1}s, total {_clock.Elapsed.TotalSeconds:F0}s"));
    }
}
