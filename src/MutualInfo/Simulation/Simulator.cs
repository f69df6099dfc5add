using MutualInfo.Benchmarking;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Simulation;

/// <summary>
/// Exact-critic Monte Carlo: independent trials evaluate every bound at its optimal critic (the family's exact log
/// ratio plus the bound's shift) for every batch size. Each trial has its own random stream — (n, t) for in-batch
/// trial t at batch size n; t for independent-negative trial t, which serves every n — and per-trial values are
/// reduced in trial order, so results are identical for any thread count.
/// </summary>
internal static class Simulator
{
    /// <summary>Bounds capped by log n, for which saturation against the cap is reported.</summary>
    private static readonly HashSet<string> CappedBounds = ["infonce", "mean-field"];

    /// <summary>log of the largest relative variance (at a typical y) of a moment control still offered to the fit.</summary>
    private static readonly double MomentControlSlack = Math.Log(256);

    /// <summary>Saturation margin: within this many nats of log n (or 2 SE, whichever is larger).</summary>
    public const double SaturationMargin = 0.1;

    /// <summary>Total work units of a run (pool size per independent trial, n² per in-batch trial), for progress.</summary>
    public static long TotalWork(SimulationSettings settings)
    {
        long trials = TrialIndices(settings.Trials, settings.Shard).Length;
        return settings.Negatives == NegativeSampling.InBatch
            ? settings.BatchSizes.Sum(n => (long)n * n * trials)
            : (long)settings.BatchSizes.Max() * trials;
    }

    /// <summary>Runs the simulation; <paramref name="onWork"/> receives completed work units (see <see cref="TotalWork"/>).</summary>
    public static SimulationRun Run(SimulationSettings settings, Action<long>? onWork = null) => Run(settings, onWork, null);

    /// <summary>
    /// <see cref="Run(SimulationSettings, Action{long}?)"/>, also handing each row's trial values (in trial order) to
    /// <paramref name="onRowValues"/> as the row is made; the rows are unchanged.
    /// </summary>
    internal static SimulationRun Run(SimulationSettings settings, Action<long>? onWork, Action<SimulationRow, double[]>? onRowValues)
    {
        settings.Validate();
        if (settings.Shard is { Count: > 1 }) throw new ArgumentException("a sharded run yields trial values (RunShard), not a summary", nameof(settings));
        return Summarise(settings, TrialValues(settings, onWork), onRowValues);
    }

    /// <summary>
    /// Runs the trials of <see cref="SimulationSettings.Shard"/> only (trial t when t mod k = i, on its usual stream)
    /// and returns their raw values, to be combined exactly by <see cref="Merge"/>.
    /// </summary>
    public static IReadOnlyList<TrialBlock> RunShard(SimulationSettings settings, Action<long>? onWork = null)
    {
        settings.Validate();
        return TrialValues(settings, onWork).ToArray();
    }

    /// <summary>
    /// Combines the shards 0..k−1 of one run (settings equal but for the shard) into the run an unsharded simulation
    /// gives: every trial value back at its index, then summarised exactly as <see cref="Run(SimulationSettings, Action{long}?)"/> does.
    /// </summary>
    public static SimulationRun Merge(SimulationSettings settings, IReadOnlyList<(ShardSpec Shard, IReadOnlyList<TrialBlock> Blocks)> shards)
    {
        settings = settings with { Shard = null };
        settings.Validate();
        int k = shards.Count > 0 ? shards[0].Shard.Count : 0;
        if (shards.Count != k || shards.Select(s => s.Shard.Index).Distinct().Count() != k || shards.Any(s => s.Shard.Count != k))
            throw new ArgumentException($"need each shard 0..k−1 of one run exactly once, got {string.Join(", ", shards.Select(s => s.Shard))}", nameof(shards));
        int slotsPerBlock = settings.Bounds.Count;
        int positives = settings.ControlVariate ? settings.ConditionalPositives : 0;
        ConditionalLayout? layout = settings.Negatives == NegativeSampling.Independent
            ? ConditionalLayout.For(settings.Family, slotsPerBlock, settings.BatchSizes.Count, positives)
            : null;
        var blocks = new List<TrialBlock>();
        for (int b = 0; b < settings.BatchSizes.Count; b++)
        {
            double[][] values = NewColumns(slotsPerBlock, settings.Trials), conditional = NewColumns(slotsPerBlock, settings.Trials);
            double[][] zeroMean = NewColumns(layout?.ControlsPerSize ?? 0, settings.Trials);
            var controls = new double[settings.Trials];
            foreach ((ShardSpec shard, IReadOnlyList<TrialBlock> parts) in shards)
            {
                int[] indices = TrialIndices(settings.Trials, shard);
                TrialBlock part = parts.Count == settings.BatchSizes.Count && parts[b].N == settings.BatchSizes[b]
                    ? parts[b]
                    : throw new ArgumentException($"shard {shard} does not hold the batch sizes of the run", nameof(shards));
                if (part.Values.Length != slotsPerBlock)
                    throw new ArgumentException($"shard {shard} holds values of {part.Values.Length} bounds at n = {part.N}, expected {slotsPerBlock}", nameof(shards));
                if (part.Controls.Length != indices.Length || part.Values.Any(v => v.Length != indices.Length))
                    throw new ArgumentException($"shard {shard} holds {part.Controls.Length} trials per bound, expected {indices.Length}", nameof(shards));
                if ((part.ConditionalValues is null) != (layout is null)
                    || (layout is not null && (part.ConditionalValues!.Length != slotsPerBlock || part.ZeroMeanControls?.Length != layout.ControlsPerSize
                        || part.ConditionalValues.Concat(part.ZeroMeanControls).Any(v => v.Length != indices.Length))))
                    throw new ArgumentException($"shard {shard} does not hold the conditional values and controls the run needs", nameof(shards));
                for (int j = 0; j < indices.Length; j++)
                {
                    controls[indices[j]] = part.Controls[j];
                    for (int s = 0; s < slotsPerBlock; s++) values[s][indices[j]] = part.Values[s][j];
                    if (layout is null) continue;
                    for (int s = 0; s < slotsPerBlock; s++) conditional[s][indices[j]] = part.ConditionalValues![s][j];
                    for (int c = 0; c < zeroMean.Length; c++) zeroMean[c][indices[j]] = part.ZeroMeanControls![c][j];
                }
            }
            var block = new TrialBlock(settings.BatchSizes[b], values, controls);
            blocks.Add(layout is null ? block : block with { ConditionalValues = conditional, ZeroMeanControls = zeroMean });
        }
        return Summarise(settings, blocks);
    }

    private static double[][] NewColumns(int count, int trials) => Enumerable.Range(0, count).Select(_ => new double[trials]).ToArray();

    /// <summary>The global indices of a shard's trials: t with t mod k = i, ascending.</summary>
    public static int[] TrialIndices(int trials, ShardSpec? shard) => shard is null
        ? Enumerable.Range(0, trials).ToArray()
        : Enumerable.Range(0, trials).Where(shard.Contains).ToArray();

    private static SimulationRun Summarise(SimulationSettings settings, IEnumerable<TrialBlock> blocks, Action<SimulationRow, double[]>? onRowValues = null)
    {
        var rows = new List<SimulationRow>();
        double trueMi = settings.Family.MutualInformation;
        foreach (TrialBlock block in blocks)
            for (int b = 0; b < settings.Bounds.Count; b++)
            {
                SimulationRow row = Summarise(settings.Bounds[b], block.N, block.Values[b], settings.ControlVariate ? block.Controls : null, trueMi);
                if (settings.ControlVariate && block.ConditionalValues is { } conditional)
                    row = WithConditional(row, conditional[b], block.Controls, block.ZeroMeanControls!, trueMi, settings);
                rows.Add(row);
                onRowValues?.Invoke(rows[^1], block.Values[b]);
            }
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

    /// <summary>
    /// The row's estimate from the conditional values with the zero-mean controls (the positive's own log r − I
    /// first), cross-fitted (<see cref="CrossFittedControls"/>): exactly unbiased, with the control set — none, the two
    /// log r controls, with the functions of y, optionally with the negatives' maximum's Legendre block or with the order
    /// statistics' block (<see cref="OrderStatisticControls"/>), then with the
    /// negatives' moment controls of one more exponent α at a time (smallest, least heavy-tailed α first) — chosen per
    /// fold on the other folds. A moment control enters only at batch sizes where it is not too heavy-tailed, decided in advance
    /// from the family: e^{log moment ratio} ≤ n − 1, i.e. the sum's relative variance at a typical y at most 1 (a
    /// heavy-tailed control makes the regression worse, not better). Unchanged when the fit does not apply.
    /// </summary>
    private static SimulationRow WithConditional(SimulationRow row, double[] conditional, double[] ownLogRatio, double[][] controls,
        double trueMi, SimulationSettings settings)
    {
        var family = (IConditionalSamplingFamily)settings.Family;
        ConditionalLayout layout = ConditionalLayout.For(family, settings.Bounds.Count, settings.BatchSizes.Count, settings.ConditionalPositives)!;
        var basic = new List<double[]> { ownLogRatio.Select(c => c - trueMi).ToArray() };
        basic.AddRange(controls.Take(1 + layout.YControls));
        var moments = new List<double[]>();
        var momentEnds = new List<int>();
        for (int a = 0; a < layout.Exponents.Count; a++)
            if (family.TypicalLogMomentRatio(layout.Exponents[a]) <= Math.Log(row.N - 1) + MomentControlSlack)
            {
                moments.AddRange(controls.Skip(layout.MomentBlockStart(a)).Take(1 + layout.YControls));
                momentEnds.Add(moments.Count);
            }
        double[][] maximum = controls.Skip(layout.MaxBlockStart).Take(layout.MaxControls).ToArray();
        double[][] order = controls.Skip(layout.OrderBlockStart).Take(layout.OrderControls).ToArray();
        // Three orderings: the moment blocks straight after the functions of y, or after the maximum's Legendre block, or
        // after the order statistics' block (its logarithmic part alone, then with the gaps).
        var withoutMax = new CrossFittedControls.Chain([.. basic, .. moments], [0, 2, basic.Count, .. momentEnds.Select(e => basic.Count + e)]);
        int maxEnd = basic.Count + maximum.Length;
        var withMax = new CrossFittedControls.Chain([.. basic, .. maximum, .. moments], [maxEnd, .. momentEnds.Select(e => maxEnd + e)]);
        int logEnd = basic.Count + OrderStatisticControls.LogPowers * (1 + layout.YControls), orderEnd = basic.Count + order.Length;
        var withOrder = new CrossFittedControls.Chain([.. basic, .. order, .. moments], [logEnd, orderEnd, .. momentEnds.Select(e => orderEnd + e)]);
        CrossFittedControls.Chain[] chains = [withoutMax, withMax, withOrder];
        if (CrossFittedControls.Estimate(conditional, chains) is not { } fit) return row;
        bool saturated = CappedBounds.Contains(row.Bound) && Math.Log(row.N) - fit.Estimate.Mean < Math.Max(SaturationMargin, 2 * fit.Estimate.StdError);
        return row with
        {
            Estimate = fit.Estimate,
            Saturated = saturated,
            ControlCoefficient = fit.FirstCoefficient,
            ControlCount = fit.Controls,
            ConditionalPositives = settings.ConditionalPositives,
        };
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
    internal static IEnumerable<TrialBlock> TrialValues(SimulationSettings settings, Action<long>? onWork = null)
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
                yield return new TrialBlock(n, values[..boundCount], values[boundCount]);
            }
            yield break;
        }
        int sizes = settings.BatchSizes.Count, slots = boundCount * sizes;
        int positives = settings.ControlVariate ? settings.ConditionalPositives : 0;
        ConditionalLayout? layout = ConditionalLayout.For(settings.Family, boundCount, sizes, positives);
        double[][] all = RunTrials(settings, () => new IndependentTrial(settings.Family, settings.Bounds, settings.BatchSizes, critic, positives),
            layout?.TotalSlots ?? slots + 1, 0, settings.BatchSizes.Max(), onWork);
        for (int s = 0; s < sizes; s++)
        {
            var block = new TrialBlock(settings.BatchSizes[s], all[(s * boundCount)..((s + 1) * boundCount)], all[slots]);
            if (layout is not null)
                block = block with
                {
                    ConditionalValues = all[layout.ConditionalSlot(s, 0)..(layout.ConditionalSlot(s, 0) + boundCount)],
                    ZeroMeanControls = all[layout.ControlSlot(s, 0)..layout.ControlSlot(s + 1, 0)],
                };
            yield return block;
        }
    }

    /// <summary>values[slot][trial] for a trial that writes <paramref name="slots"/> values.</summary>
    private static double[][] RunTrials(SimulationSettings settings, Func<ITrial> createTrial, int slots, ulong streamBase,
        long workPerTrial, Action<long>? onWork)
    {
        int[] indices = TrialIndices(settings.Trials, settings.Shard);
        int trials = indices.Length;
        double[][] values = Enumerable.Range(0, slots).Select(_ => new double[trials]).ToArray();
        // Chunks of ~2^18 work units keep scheduling and progress overhead negligible for tiny trials.
        int chunks = (int)Math.Clamp(trials * workPerTrial / (1L << 18), Math.Min(trials, settings.Threads), trials);
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads };
        try
        {
            RunChunks(settings, createTrial, indices, slots, streamBase, workPerTrial, onWork, values, chunks, options);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is ArgumentException))
        {
            // A rare draw beyond double range (the probe in SimulationSettings.Validate missed it) makes a score NaN.
            throw new ArgumentException($"{settings.Family.Name}: a draw overflowed double precision ({e.InnerExceptions[0].Message}); use less extreme parameters", "family");
        }
        return values;
    }

    private static void RunChunks(SimulationSettings settings, Func<ITrial> createTrial, int[] indices, int slots, ulong streamBase,
        long workPerTrial, Action<long>? onWork, double[][] values, int chunks, ParallelOptions options)
    {
        int trials = indices.Length;
        Parallel.For(0, chunks, options, createTrial, (chunk, _, trial) =>
        {
            var buffer = new double[slots];
            int first = (int)((long)chunk * trials / chunks), end = (int)((long)(chunk + 1) * trials / chunks);
            for (int t = first; t < end; t++)
            {
                trial.Run(Rng.ForStream(settings.Seed, streamBase | (uint)indices[t]), buffer);
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
            ControlCount = controlled is null ? 0 : 1,
        };
    }
}
