using System.Diagnostics;
using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Randomness;

namespace MutualInfo.Benchmarking;

/// <summary>
/// Runs benchmark cells. The data of a cell depend only on (task, samples, seed) — never on the estimator, the
/// shard or the order cells run in — so every estimator sees the same pairs and a resumed or sharded run
/// reproduces an uninterrupted one exactly. Data are z-scored per column before estimation (as `mi estimate`
/// does by default and as BMI does for KSG); MI is invariant under it.
/// </summary>
internal static class BenchRunner
{
    /// <summary>
    /// Runs every cell for which <paramref name="isDone"/> is false, in the given order, handing each result to
    /// <paramref name="onResult"/> as soon as it exists; consecutive cells on the same data share one draw.
    /// </summary>
    public static void Run(IEnumerable<BenchCell> cells, Func<BenchCellKey, bool> isDone, Action<BenchResult> onResult)
    {
        (BenchTask Task, int Samples, ulong Seed)? cachedFor = null;
        PairedSamples? cached = null;
        foreach (BenchCell cell in cells)
        {
            if (isDone(cell.Key)) continue;
            var dataKey = (cell.Task, cell.Samples, cell.Seed);
            try
            {
                if (cachedFor != dataKey || cached is null)
                {
                    cached = Standardization.Apply(Sample(cell.Task, cell.Samples, cell.Seed));
                    cachedFor = dataKey;
                }
                onResult(Estimate(cell, cached));
            }
            catch (ArgumentException e)
            {
                // e.g. a column that came out constant in a tiny sample of a discrete task: say which cell.
                throw ArgumentMessages.Rename(e, e.ParamName ?? "samples", $"bench cell {cell.Key}: ");
            }
        }
    }

    /// <summary>The pairs of (task, samples, seed): drawn from the stream <see cref="DataStream"/> of the seed.</summary>
    public static PairedSamples Sample(BenchTask task, int samples, ulong seed)
    {
        var x = new double[samples * task.DimX];
        var y = new double[samples * task.DimY];
        task.Family.SampleJoint(Rng.ForStream(seed, DataStream(task.Name)), x, y);
        return new PairedSamples(x, y, task.DimX, task.DimY);
    }

    /// <summary>A stable stream index per task name (64-bit FNV-1a of its UTF-16 code units), so tasks never share data streams.</summary>
    public static ulong DataStream(string taskName)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in taskName)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary>
    /// The estimator's verdict on its own estimate ("ok" or "unreliable"), recorded in the cell's <c>reliability</c>
    /// field; this is the one place that reads it.
    /// </summary>
    private static string? ReliabilityVerdict(MiEstimate estimate) => estimate.Reliability.Verdict;

    private static BenchResult Estimate(BenchCell cell, PairedSamples data)
    {
        var clock = Stopwatch.StartNew();
        var estimate = cell.Estimator.Estimator.Estimate(data, cell.Seed);
        double seconds = clock.Elapsed.TotalSeconds;
        return new BenchResult(cell.Key, estimate.Mi, cell.Task.Mi, estimate.StdError, estimate.Ci95Low, estimate.Ci95High, seconds,
            ReliabilityVerdict(estimate));
    }
}
