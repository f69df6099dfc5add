using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>
/// Exact-critic Monte Carlo: independent trials evaluate every bound at its optimal critic (the family's exact log
/// ratio plus the bound's shift) for every batch size. Each trial has its own random stream — (n, t) for in-batch
/// trial t at batch size n; t for independent-negative trial t, which serves every n — and per-trial values are
/// reduced in trial order, so results are identical for any thread count.
/// </summary>
public static class Simulator
{
    /// <summary>Bounds capped by log n, for which saturation against the cap is reported.</summary>
    private static readonly HashSet<string> CappedBounds = ["infonce", "mean-field"];

    /// <summary>Saturation margin: within this many nats of log n (or 2 SE, whichever is larger).</summary>
    public const double SaturationMargin = 0.1;

    /// <summary>Total work units of a run (pool size per independent trial, n² per in-batch trial), for progress.</summary>
    public static long TotalWork(SimulationSettings settings) => settings.Negatives == NegativeSampling.InBatch
        ? settings.BatchSizes.Sum(n => (long)n * n * settings.Trials)
        : (long)settings.BatchSizes.Max() * settings.Trials;

    /// <summary>Runs the simulation; <paramref name="onWork"/> receives completed work units (see <see cref="TotalWork"/>).</summary>
    public static SimulationRun Run(SimulationSettings settings, Action<long>? onWork = null) => Run(settings, onWork, null);

    /// <summary>
    /// <see cref="Run(SimulationSettings, Action{long}?)"/>, also handing each row's trial values (in trial order) to
    /// <paramref name="onRowValues"/> as the row is made; the rows are unchanged.
    /// </summary>
    internal static SimulationRun Run(SimulationSettings settings, Action<long>? onWork, Action<SimulationRow, double[]>? onRowValues)
    {
        settings.Validate();
        var rows = new List<SimulationRow>();
        foreach ((int n, double[][] values) in TrialValues(settings, onWork))
            for (int b = 0; b < settings.Bounds.Count; b++)
            {
                rows.Add(Summarise(settings.Bounds[b].Name, n, values[b], settings.Family.MutualInformation));
                onRowValues?.Invoke(rows[^1], values[b]);
            }
        return new SimulationRun(settings.Family.Name, settings.Family.MutualInformation, settings.Negatives, settings.Seed, rows);
    }

    /// <summary>Every trial value, as (n, values[bound][trial]) in the order of the batch sizes.</summary>
    internal static IEnumerable<(int N, double[][] Values)> TrialValues(SimulationSettings settings, Action<long>? onWork = null)
    {
        int boundCount = settings.Bounds.Count;
        if (settings.Negatives == NegativeSampling.InBatch)
        {
            foreach (int n in settings.BatchSizes)
            {
                Func<ITrial> createTrial = StreamingInBatchTrial.Supports(settings.Bounds)
                    ? () => new StreamingInBatchTrial(settings.Family, settings.Bounds, n)
                    : () => new InBatchTrial(settings.Family, settings.Bounds, n);
                double[][] values = RunTrials(settings, createTrial, boundCount, (ulong)(uint)n << 32, (long)n * n, onWork);
                yield return (n, values);
            }
            yield break;
        }
        double[][] all = RunTrials(settings, () => new IndependentTrial(settings.Family, settings.Bounds, settings.BatchSizes),
            boundCount * settings.BatchSizes.Count, 0, settings.BatchSizes.Max(), onWork);
        for (int s = 0; s < settings.BatchSizes.Count; s++)
            yield return (settings.BatchSizes[s], all[(s * boundCount)..((s + 1) * boundCount)]);
    }

    /// <summary>values[slot][trial] for a trial that writes <paramref name="slots"/> values.</summary>
    private static double[][] RunTrials(SimulationSettings settings, Func<ITrial> createTrial, int slots, ulong streamBase,
        long workPerTrial, Action<long>? onWork)
    {
        int trials = settings.Trials;
        double[][] values = Enumerable.Range(0, slots).Select(_ => new double[trials]).ToArray();
        // Chunks of ~2^18 work units keep scheduling and progress overhead negligible for tiny trials.
        int chunks = (int)Math.Clamp(trials * workPerTrial / (1L << 18), Math.Min(trials, settings.Threads), trials);
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads };
        try
        {
            RunChunks(settings, createTrial, slots, streamBase, workPerTrial, onWork, values, chunks, options);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is ArgumentException))
        {
            // A rare draw beyond double range (the probe in SimulationSettings.Validate missed it) makes a score NaN.
            throw new UsageException($"--family: {settings.Family.Name}: a draw overflowed double precision ({e.InnerExceptions[0].Message}); use less extreme parameters");
        }
        return values;
    }

    private static void RunChunks(SimulationSettings settings, Func<ITrial> createTrial, int slots, ulong streamBase,
        long workPerTrial, Action<long>? onWork, double[][] values, int chunks, ParallelOptions options)
    {
        int trials = settings.Trials;
        Parallel.For(0, chunks, options, createTrial, (chunk, _, trial) =>
        {
            var buffer = new double[slots];
            int first = (int)((long)chunk * trials / chunks), end = (int)((long)(chunk + 1) * trials / chunks);
            for (int t = first; t < end; t++)
            {
                trial.Run(Rng.ForStream(settings.Seed, streamBase | (uint)t), buffer);
                for (int s = 0; s < slots; s++) values[s][t] = buffer[s];
            }
            onWork?.Invoke((end - first) * workPerTrial);
            return trial;
        }, _ => { });
    }

    /// <summary>
    /// An infinite trial value (e.g. the leave-one-out bound when every negative has zero density) makes the mean
    /// infinite, and its SE and CI unbounded; Welford's update would turn it into NaN instead.
    /// </summary>
    private static double? InfiniteMean(double[] trialValues)
    {
        bool plus = trialValues.Contains(double.PositiveInfinity), minus = trialValues.Contains(double.NegativeInfinity);
        return (plus, minus) switch
        {
            (true, true) => double.NaN,
            (true, false) => double.PositiveInfinity,
            (false, true) => double.NegativeInfinity,
            _ => null,
        };
    }

    private static SimulationRow Summarise(string bound, int n, double[] trialValues, double trueMi)
    {
        var moments = new RunningMoments();
        int above = 0;
        foreach (double v in trialValues)
        {
            moments.Add(v);
            if (v > trueMi) above++;
        }
        MeanEstimate estimate = InfiniteMean(trialValues) is { } infinite
            ? new MeanEstimate(infinite, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, trialValues.Length)
            : moments.ToEstimate();
        bool saturated = CappedBounds.Contains(bound)
            && Math.Log(n) - estimate.Mean < Math.Max(SaturationMargin, 2 * estimate.StdError);
        return new SimulationRow(bound, n, estimate, (double)above / trialValues.Length, saturated);
    }
}
