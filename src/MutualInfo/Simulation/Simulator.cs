using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>
/// Exact-critic Monte Carlo: for each batch size n, independent trials evaluate every bound at its optimal critic
/// (the family's exact log ratio plus the bound's shift). Trial t at batch size n always uses the random stream
/// (n, t), and per-trial values are reduced in trial order, so results are identical for any thread count.
/// </summary>
public static class Simulator
{
    /// <summary>Bounds capped by log n, for which saturation against the cap is reported.</summary>
    private static readonly HashSet<string> CappedBounds = ["infonce", "mean-field"];

    /// <summary>Saturation margin: within this many nats of log n (or 2 SE, whichever is larger).</summary>
    public const double SaturationMargin = 0.1;

    /// <summary>Total work units of a run (n per independent trial, n² per in-batch trial), for progress reporting.</summary>
    public static long TotalWork(SimulationSettings settings) =>
        settings.BatchSizes.Sum(n => WorkPerTrial(settings.Negatives, n) * settings.Trials);

    /// <summary>Runs the simulation; <paramref name="onWork"/> receives completed work units (see <see cref="TotalWork"/>).</summary>
    public static SimulationRun Run(SimulationSettings settings, Action<long>? onWork = null)
    {
        settings.Validate();
        var rows = new List<SimulationRow>();
        foreach (int n in settings.BatchSizes)
        {
            double[][] values = RunTrials(settings, n, onWork);
            for (int b = 0; b < settings.Bounds.Count; b++)
                rows.Add(Summarise(settings.Bounds[b].Name, n, values[b], settings.Family.MutualInformation));
        }
        return new SimulationRun(settings.Family.Name, settings.Family.MutualInformation, settings.Negatives, settings.Seed, rows);
    }

    private static long WorkPerTrial(NegativeSampling negatives, int n) =>
        negatives == NegativeSampling.InBatch ? (long)n * n : n;

    /// <summary>values[bound][trial]: every trial value (tests check per-trial properties).</summary>
    internal static double[][] RunTrials(SimulationSettings settings, int n, Action<long>? onWork)
    {
        int trials = settings.Trials, boundCount = settings.Bounds.Count;
        double[][] values = Enumerable.Range(0, boundCount).Select(_ => new double[trials]).ToArray();
        long workPerTrial = WorkPerTrial(settings.Negatives, n);
        // Chunks of ~2^18 work units keep scheduling and progress overhead negligible for tiny n.
        int chunks = (int)Math.Clamp(trials * workPerTrial / (1L << 18), Math.Min(trials, settings.Threads), trials);
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads };
        Parallel.For(0, chunks, options, () => CreateTrial(settings, n), (chunk, _, trial) =>
        {
            Span<double> buffer = stackalloc double[boundCount];
            int first = (int)((long)chunk * trials / chunks), end = (int)((long)(chunk + 1) * trials / chunks);
            for (int t = first; t < end; t++)
            {
                trial.Run(Rng.ForStream(settings.Seed, StreamOf(n, t)), buffer);
                for (int b = 0; b < boundCount; b++) values[b][t] = buffer[b];
            }
            onWork?.Invoke((end - first) * workPerTrial);
            return trial;
        }, _ => { });
        return values;
    }

    private static ITrial CreateTrial(SimulationSettings settings, int n) =>
        settings.Negatives == NegativeSampling.InBatch
            ? new InBatchTrial(settings.Family, settings.Bounds, n)
            : new IndependentTrial(settings.Family, settings.Bounds, n);

    /// <summary>The stream of trial t at batch size n: independent of the other batch sizes requested.</summary>
    private static ulong StreamOf(int n, int trial) => ((ulong)(uint)n << 32) | (uint)trial;

    private static SimulationRow Summarise(string bound, int n, double[] trialValues, double trueMi)
    {
        var moments = new RunningMoments();
        int above = 0;
        foreach (double v in trialValues)
        {
            moments.Add(v);
            if (v > trueMi) above++;
        }
        MeanEstimate estimate = moments.ToEstimate();
        bool saturated = CappedBounds.Contains(bound)
            && Math.Log(n) - estimate.Mean < Math.Max(SaturationMargin, 2 * estimate.StdError);
        return new SimulationRow(bound, n, estimate, (double)above / trialValues.Length, saturated);
    }
}
