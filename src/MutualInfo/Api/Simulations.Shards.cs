using MutualInfo.Benchmarking;
using MutualInfo.Bounds;
using MutualInfo.Simulation;

namespace MutualInfo;

public static partial class Simulations
{
    /// <summary>
    /// Runs one shard of a simulation (what <c>mi simulate --shard i/k</c> runs): of every family, only the trials t
    /// with t mod <paramref name="shardCount"/> = <paramref name="shardIndex"/>, each on the random stream it has in
    /// the whole run. <see cref="Merge"/> of the k shards gives exactly the rows of the unsharded run, so a long
    /// simulation can be spread over the jobs of an array (Slurm, Kubernetes indexed Jobs) and combined afterwards.
    /// </summary>
    /// <param name="families">Family specifications as <c>--family</c> takes them (at least one), e.g. <c>gaussian:dim=20,mi=10</c>.</param>
    /// <param name="bounds">Comma-separated bounds as <c>--bounds</c> takes them, e.g. <c>infonce,smile:tau=5</c>.</param>
    /// <param name="batchSizes">Batch sizes n, each ≥ 2.</param>
    /// <param name="shardIndex">This shard's index i, 0 ≤ i &lt; <paramref name="shardCount"/>.</param>
    /// <param name="shardCount">The number of shards k, 1 ≤ k ≤ <paramref name="trials"/>.</param>
    /// <param name="trials">Trials per n of the whole run (≥ 2; default 1000).</param>
    /// <param name="seed">Root seed (default 1).</param>
    /// <param name="threads">Worker threads (default: all cores).</param>
    /// <param name="negatives">Independent negatives per positive (default) or in-batch n×n.</param>
    /// <param name="critic">The critic before each bound's optimal shift: <c>exact</c> (default) or steps such as <c>noise=0.3</c>.</param>
    /// <param name="controlVariate">Estimate with the positive's log r as control variate (default) or by the plain mean.</param>
    /// <param name="conditionalPositives">Fresh positives x ~ p(x|y) per trial for Gaussian families with independent negatives (default 256; 0 off).</param>
    /// <exception cref="ArgumentException">A bad argument; <see cref="ArgumentException.ParamName"/> names the parameter.</exception>
    /// <example>
    /// <code>
    /// // Job i of 4 (e.g. SLURM_ARRAY_TASK_ID) runs a quarter of the trials and saves them ...
    /// int i = int.Parse(Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID") ?? "0");
    /// var shard = Simulations.RunShard(["gaussian:dim=20,mi=10"], "infonce,loo-upper", [1024, 65536], shardIndex: i, shardCount: 4, trials: 400);
    /// using (var file = File.Create($"shard-{i}.json")) shard.WriteTo(file);
    ///
    /// // ... and once all four are done, one job merges them into the rows of the unsharded run.
    /// var shards = Enumerable.Range(0, 4).Select(j => { using var file = File.OpenRead($"shard-{j}.json"); return SimulationShard.Read(file); }).ToArray();
    /// foreach (var row in Simulations.Merge(shards)[0].Rows) Console.WriteLine($"{row.Bound} n={row.N}: {row.Estimate.Mean:0.000}");
    /// </code>
    /// </example>
    public static SimulationShard RunShard(IReadOnlyList<string> families, string bounds, IReadOnlyList<int> batchSizes, int shardIndex, int shardCount,
        int trials = 1000, ulong seed = 1, int? threads = null, NegativeSampling negatives = NegativeSampling.Independent, string critic = "exact",
        bool controlVariate = true, int conditionalPositives = SimulationSettings.DefaultConditionalPositives)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(batchSizes);
        ArgumentNullException.ThrowIfNull(critic);
        if (families.Count == 0) throw new ArgumentException("at least one family is needed", nameof(families));
        var parsedFamilies = families.Select(ParseFamily).ToArray();
        IReadOnlyList<IBound> parsedBounds = BoundSpec.ParseList(bounds);
        CriticSpec parsedCritic = CriticSpec.Parse(critic);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        if (shardIndex < 0 || shardIndex >= shardCount)
            throw new ArgumentOutOfRangeException(nameof(shardIndex), shardIndex, $"must be between 0 and shardCount − 1 = {shardCount - 1}");
        if (!Enum.IsDefined(negatives)) throw new ArgumentOutOfRangeException(nameof(negatives), negatives, "unknown negative sampling");
        int workers = threads ?? Environment.ProcessorCount;
        var shard = new ShardSpec(shardIndex, shardCount);
        var settings = parsedFamilies
            .Select(f => new SimulationSettings(f, parsedBounds, batchSizes.ToArray(), trials, negatives, seed, workers, controlVariate, parsedCritic, shard,
                conditionalPositives))
            .ToArray();
        foreach (SimulationSettings s in settings)
        {
            try
            {
                s.Validate();
            }
            catch (ArgumentException e) when (e.ParamName is "shard" or "family")
            {
                throw ArgumentMessages.Rename(e, e.ParamName == "family" ? nameof(families) : nameof(shardCount));
            }
        }
        return RunShardOf(settings, onWork: null);
    }

    /// <summary>
    /// The shard run behind <see cref="RunShard(IReadOnlyList{string}, string, IReadOnlyList{int}, int, int, int, ulong, int?, NegativeSampling, string, bool, int)"/>
    /// and <c>mi simulate --shard</c> (whose showcase gives each family its own critic): every settings' shard, in order.
    /// </summary>
    internal static SimulationShard RunShardOf(IReadOnlyList<SimulationSettings> settings, Action<long>? onWork)
    {
        if (settings.Count == 0 || settings[0].Shard is not { } shard || settings.Any(s => s.Shard != shard))
            throw new ArgumentException("every family of a shard needs the same shard", nameof(settings));
        foreach (SimulationSettings s in settings) s.Validate();
        return new SimulationShard(shard, settings, settings.Select(s => Simulator.RunShard(s, onWork)).ToArray());
    }

    /// <summary>
    /// Combines the k shards of one run (from <see cref="RunShard(IReadOnlyList{string}, string, IReadOnlyList{int}, int, int, int, ulong, int?, NegativeSampling, string, bool, int)"/>
    /// or <c>mi simulate --shard</c>, in any order) into the runs, one per family, that the unsharded simulation gives:
    /// the same rows to the last bit (what <c>mi simulate merge</c> prints).
    /// </summary>
    /// <param name="shards">Every shard 0..k−1 of one run, each once.</param>
    /// <exception cref="ArgumentException">
    /// (<see cref="ArgumentException.ParamName"/> <c>shards</c>) a shard is missing or repeated, or the shards come from different runs.
    /// </exception>
    /// <example>
    /// <code>
    /// string[] family = ["gaussian:dim=2,mi=1"];
    /// var shards = Enumerable.Range(0, 3).Select(i => Simulations.RunShard(family, "infonce", [16, 256], shardIndex: i, shardCount: 3, trials: 300)).ToArray();
    /// var merged = Simulations.Merge(shards)[0];
    /// bool same = merged.Rows.SequenceEqual(Simulations.Run(family[0], "infonce", [16, 256], trials: 300).Rows);   // true
    /// </code>
    /// </example>
    public static IReadOnlyList<SimulationRun> Merge(IReadOnlyList<SimulationShard> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0 || shards.Any(s => s is null)) throw new ArgumentException("at least one shard, and no null, is needed", nameof(shards));
        string key = shards[0].RunKey;
        if (shards.Any(s => s.RunKey != key))
            throw new ArgumentException("the shards come from different runs (family, bounds, n, trials, negatives, seed, critic or control variate differ)", nameof(shards));
        return shards[0].Settings
            .Select((settings, f) => Simulator.Merge(settings, shards.Select(s => (s.Shard, s.Blocks[f])).ToArray()))
            .ToArray();
    }
}
