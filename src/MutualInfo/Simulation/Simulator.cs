using MutualInfo.Bounds;
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
    public static SimulationRun Run(SimulationSettings settings, Action<long>? onWork = null)
    {
        settings.Validate();
        var rows = new List<SimulationRow>();
        double trueMi = settings.Family.MutualInformation;
        foreach ((int n, double[][] values, double[] controls) in TrialValues(settings, onWork))
            for (int b = 0; b < settings.Bounds.Count; b++)
                rows.Add(Summarise(settings.Bounds[b], n, values[b], settings.ControlVariate ? controls : null, trueMi));
        if (settings.EffectiveCritic.IsExact) rows = WithTheory(settings, rows);
        return new SimulationRun(settings.Family.Name, trueMi, settings.Negatives, settings.Seed, rows)
        {
            Critic = settings.EffectiveCritic.Name,
            ControlVariate = settings.ControlVariate,
            LautumInformation = settings.Family.LautumInformation,
        };
    }

    /// <summary>Attaches the closed-form overlays of <see cref="TheoryOverlay"/> where the family has them.</summary>
    private static List<SimulationRow> WithTheory(SimulationSettings settings, List<SimulationRow> rows)
    {
        if (!TheoryOverlay.Applies(settings.Family)) return rows;
        var infoNce = rows.Any(r => r.Bound == "infonce")
            ? TheoryOverlay.InfoNce(settings.Family, settings.BatchSizes, settings.Seed)
            : null;
        return rows.Select(row =>
        {
            if (row.Bound == "infonce" && infoNce is not null)
            {
                int s = IndexOf(settings.BatchSizes, row.N);
                return row with { TheoryFirstOrder = infoNce[s].First, TheorySecondOrder = infoNce[s].Second };
            }
            if (row.Bound is "nwj" or "tuba" && settings.Negatives == NegativeSampling.Independent)
                return row with { TheoryTrialVariance = TheoryOverlay.NwjTrialVariance(settings.Family, row.N) };
            return row;
        }).ToList();
    }

    private static int IndexOf(IReadOnlyList<int> sizes, int n)
    {
        for (int s = 0; s < sizes.Count; s++) if (sizes[s] == n) return s;
        throw new ArgumentException($"n = {n} is not among the batch sizes");
    }

    /// <summary>
    /// Every trial value, as (n, values[bound][trial], controls[trial]) in the order of the batch sizes; the control
    /// of a trial is the mean exact log r over its positives (expectation I).
    /// </summary>
    internal static IEnumerable<(int N, double[][] Values, double[] Controls)> TrialValues(SimulationSettings settings, Action<long>? onWork = null)
    {
        int boundCount = settings.Bounds.Count;
        CriticSpec critic = settings.EffectiveCritic;
        if (settings.Negatives == NegativeSampling.InBatch)
        {
            foreach (int n in settings.BatchSizes)
            {
                Func<ITrial> createTrial = StreamingInBatchTrial.Supports(settings.Bounds)
                    ? () => new StreamingInBatchTrial(settings.Family, settings.Bounds, n, critic)
                    : () => new InBatchTrial(settings.Family, settings.Bounds, n, critic);
                double[][] values = RunTrials(settings, createTrial, boundCount + 1, (ulong)(uint)n << 32, (long)n * n, onWork);
                yield return (n, values[..boundCount], values[boundCount]);
            }
            yield break;
        }
        int slots = boundCount * settings.BatchSizes.Count;
        double[][] all = RunTrials(settings, () => new IndependentTrial(settings.Family, settings.Bounds, settings.BatchSizes, critic),
            slots + 1, 0, settings.BatchSizes.Max(), onWork);
        for (int s = 0; s < settings.BatchSizes.Count; s++)
            yield return (settings.BatchSizes[s], all[(s * boundCount)..((s + 1) * boundCount)], all[slots]);
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
        return values;
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

    private static SimulationRow Summarise(IBound bound, int n, double[] trialValues, double[]? controls, double trueMi)
    {
        var moments = new RunningMoments();
        int above = 0;
        foreach (double v in trialValues)
        {
            moments.Add(v);
            if (v > trueMi) above++;
        }
        MeanEstimate plain = InfiniteMean(trialValues) is { } infinite
            ? new MeanEstimate(infinite, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, trialValues.Length)
            : moments.ToEstimate();
        var controlled = controls is null ? null : ControlVariate.Estimate(trialValues, controls, trueMi);
        MeanEstimate estimate = controlled?.Estimate ?? plain;
        bool saturated = CappedBounds.Contains(bound.Name)
            && Math.Log(n) - estimate.Mean < Math.Max(SaturationMargin, 2 * estimate.StdError);
        return new SimulationRow(bound.Name, n, estimate, (double)above / trialValues.Length, saturated)
        {
            Spec = bound.Spec,
            Label = bound.Label,
            PlainEstimate = plain,
            ControlCoefficient = controlled?.Coefficient,
        };
    }
}
