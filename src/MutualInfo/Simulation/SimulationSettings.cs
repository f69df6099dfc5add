using MutualInfo.Benchmarking;
using MutualInfo.Bounds;
using MutualInfo.Families;

namespace MutualInfo.Simulation;

/// <summary>What to simulate: one family, the bounds to evaluate at their optimal critics, batch sizes and trials.</summary>
/// <param name="Family">The distribution of (X, Y); its exact log ratio is the critic.</param>
/// <param name="Bounds">Bounds to evaluate; each at f* = log r + its <see cref="IBound.OptimalCriticShift"/>.</param>
/// <param name="BatchSizes">The batch sizes n (each ≥ 2).</param>
/// <param name="Trials">Independent trials per n (≥ 2): positives for independent negatives, batches for in-batch.</param>
/// <param name="Negatives">How negatives are drawn.</param>
/// <param name="Seed">Root seed; trial t at batch size n uses the stream (n, t), whatever the thread count.</param>
/// <param name="Threads">Worker threads.</param>
/// <param name="ControlVariate">
/// Report the control-variate estimate (the positive's log r, whose mean is I, as control; see
/// <see cref="Simulation.ControlVariate"/>) beside the plain mean; on by default.
/// </param>
/// <param name="Critic">The critic before each bound's optimal shift; null is the exact log r.</param>
/// <param name="Shard">Run only trials t with t mod k = i (see <see cref="Simulator.RunShard"/>); null runs them all.</param>
/// <param name="ConditionalPositives">
/// With independent negatives, the control variate on, and a family that samples x ~ p(x | y)
/// (<see cref="IConditionalSamplingFamily"/>): fresh positives per trial scored against the trial's negatives, whose
/// average replaces the positive's value in the control-variate estimate (same expectation, less variance); 0 turns
/// this off, leaving the single control variate.
/// </param>
internal sealed record SimulationSettings(
    IKnownMiFamily Family,
    IReadOnlyList<IBound> Bounds,
    IReadOnlyList<int> BatchSizes,
    int Trials,
    NegativeSampling Negatives,
    ulong Seed,
    int Threads,
    bool ControlVariate = true,
    CriticSpec? Critic = null,
    ShardSpec? Shard = null,
    int ConditionalPositives = SimulationSettings.DefaultConditionalPositives)
{
    /// <summary>
    /// Default fresh positives per trial: measured on the showcase at n = 2^14..2^18, 256, 512 and 1024 give the same SE
    /// (what is left is the negatives' and y's share), and 256 costs about 10% of a trial.
    /// </summary>
    public const int DefaultConditionalPositives = 256;

    /// <summary>Largest accepted <see cref="ConditionalPositives"/>.</summary>
    public const int MaxConditionalPositives = 1 << 20;

    /// <summary>The critic the bounds see (before their own shifts): <see cref="Critic"/> or the exact log r.</summary>
    public CriticSpec EffectiveCritic => Critic ?? CriticSpec.Exact;

    /// <summary>
    /// Largest n accepted with in-batch negatives when a bound needs every pair (smile, alpha-infonce): the n×n matrix
    /// of one trial takes 8·n² bytes per thread.
    /// </summary>
    public const int MaxInBatchSize = 16384;

    /// <summary>Largest n accepted with in-batch negatives when every bound follows from the column summary (streamed).</summary>
    public const int MaxStreamedInBatchSize = 1 << 20;

    /// <summary>
    /// Largest n accepted with independent negatives when a bound needs every score of a trial (smile,
    /// alpha-infonce): a pool of 8·n bytes per thread.
    /// </summary>
    public const int MaxIndependentSize = 1 << 26;

    /// <summary>
    /// Largest n accepted with independent negatives streamed in blocks (every other bound): memory is O(block), so
    /// the limit is time — 30–70 ns per negative on one core, 2^26 negatives ≈ 2–5 s per trial — and 32-bit n.
    /// </summary>
    public const int MaxStreamedIndependentSize = 1 << 30;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the offending setting (family, bounds, batchSizes, trials, shard, threads) when it is out of range.</summary>
    public void Validate()
    {
        if (!Family.HasExactLogRatio) throw new ArgumentException($"'{Family.Name}' has no exact log ratio (an embedding); it cannot be simulated", "family");
        if (Bounds.Count == 0) throw new ArgumentException("at least one bound is needed", "bounds");
        if (Bounds.GroupBy(b => b.Spec).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new ArgumentException($"'{duplicate.Key}' is given twice (each bound spec at most once)", "bounds");
        if (BatchSizes.Count == 0) throw new ArgumentOutOfRangeException("batchSizes", "at least one batch size is needed");
        if (Trials < 2) throw new ArgumentOutOfRangeException("trials", $"at least 2 trials are needed for a standard error, got {Trials}");
        if (Shard is { } shard && shard.Count > Trials)
            throw new ArgumentException($"k = {shard.Count} exceeds the {Trials} trials; some shards would have no trial", "shard");
        if (ConditionalPositives is < 0 or > MaxConditionalPositives)
            throw new ArgumentOutOfRangeException("conditionalPositives", $"must be between 0 and {MaxConditionalPositives}, got {ConditionalPositives}");
        if (Threads < 1) throw new ArgumentOutOfRangeException("threads", $"must be at least 1, got {Threads}");
        int max = Negatives switch
        {
            NegativeSampling.InBatch when Bounds.All(b => b is IColumnSummaryBound) => MaxStreamedInBatchSize,
            NegativeSampling.InBatch => MaxInBatchSize,
            _ when IndependentTrial.Streams(Bounds) => MaxStreamedIndependentSize,
            _ => MaxIndependentSize,
        };
        foreach (int n in BatchSizes)
        {
            if (n < 2) throw new ArgumentOutOfRangeException("batchSizes", $"batch sizes must be at least 2, got {n}");
            if (n > max)
                throw new ArgumentOutOfRangeException("batchSizes", max == MaxInBatchSize
                    ? $"in-batch negatives with these bounds need an n×n matrix per trial; n ≤ {max}, got {n} (use independent negatives)"
                    : $"n ≤ {max}, got {n}");
        }
        MemoryBudget.Require(EstimatedBytes(), $"simulating {Family.Name} ({Trials} trials, n up to {BatchSizes.Max()}, {(Negatives == NegativeSampling.InBatch ? "in-batch" : "independent")} negatives)", "trials");
        FamilyRepresentability.Require(Family);
    }

    /// <summary>
    /// Memory a run needs at most: every trial value of every bound and batch size (kept to reduce in trial order),
    /// plus one trial's buffers per thread (samples, scores: n×n unless streamed, else a few n-vectors and a block;
    /// independent negatives stream in blocks unless a bound needs every score).
    /// </summary>
    public double EstimatedBytes()
    {
        double slots = Negatives == NegativeSampling.Independent
            ? IndependentTrial.SlotCount(Family, Bounds.Count, BatchSizes.Count, ControlVariate ? ConditionalPositives : 0)
            : (double)Bounds.Count * BatchSizes.Count;
        double n = BatchSizes.Max(), dims = (double)Family.DimX + Family.DimY;
        double perTrial = Negatives switch
        {
            NegativeSampling.InBatch when Bounds.All(b => b is IColumnSummaryBound) => n * dims + 10 * n + 64 * n,
            NegativeSampling.InBatch => n * dims + n * n,
            _ when IndependentTrial.Streams(Bounds) => dims + 3 * Math.Min(n, IndependentTrial.BlockSize) + BatchSizes.Count + 2 * ConditionalPositives,
            _ => dims + n + BatchSizes.Count,
        };
        return 8 * (slots * Trials + Math.Min(Threads, Trials) * perTrial);
    }
}
