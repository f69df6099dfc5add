using MutualInfo.Benchmarking;
using MutualInfo.Simulation;

namespace MutualInfo;

/// <summary>
/// One part of a simulation split over machines or jobs (what <see cref="Simulations.RunShard"/> returns and
/// <c>mi simulate --shard i/k</c> writes): the raw values of the trials t with t mod k = i of every family, each on
/// the random stream it has in the whole run, so <see cref="Simulations.Merge"/> of all k shards gives exactly the
/// rows of the unsharded run. <see cref="WriteTo"/> and <see cref="Read"/> store a shard as the JSON file
/// <c>mi simulate merge</c> reads (every trial value as its 8 IEEE-754 bytes, so nothing is lost).
/// </summary>
public sealed class SimulationShard
{
    internal SimulationShard(ShardSpec shard, IReadOnlyList<SimulationSettings> settings, IReadOnlyList<IReadOnlyList<TrialBlock>> blocks)
    {
        Shard = shard;
        Settings = settings;
        Blocks = blocks;
    }

    /// <summary>This shard's index i, 0 ≤ i &lt; <see cref="Count"/>.</summary>
    public int Index => Shard.Index;

    /// <summary>The number of shards k of the run.</summary>
    public int Count => Shard.Count;

    /// <summary>The trials per batch size of the whole run.</summary>
    public int Trials => Settings[0].Trials;

    /// <summary>The trials per batch size this shard holds (those t with t mod k = i).</summary>
    public int TrialsInShard => Simulator.TrialIndices(Trials, Shard).Length;

    /// <summary>The specifications of the simulated families, in the order given.</summary>
    public IReadOnlyList<string> Families => Settings.Select(s => s.Family.Name).ToArray();

    /// <summary>Writes the shard file (JSON, format <c>mi-simulate-shard/3</c>) to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SimulationShardFile.Write(stream, this);
    }

    /// <summary>Reads a shard file written by <see cref="WriteTo"/> (or <c>mi simulate --shard</c>).</summary>
    /// <exception cref="InvalidDataException">The stream is not such a file, or the file is damaged; the message says what.</exception>
    public static SimulationShard Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return SimulationShardFile.Read(stream);
    }

    internal ShardSpec Shard { get; }

    internal IReadOnlyList<SimulationSettings> Settings { get; }

    internal IReadOnlyList<IReadOnlyList<TrialBlock>> Blocks { get; }

    /// <summary>Everything that must agree between the shards of one run.</summary>
    internal string RunKey => string.Join("|", Settings.Select(s =>
        $"{s.Family.Name};{string.Join(",", s.Bounds.Select(b => b.Spec))};{string.Join(",", s.BatchSizes)};{s.Trials};{s.Negatives};{s.Seed};{s.EffectiveCritic.Name};{s.ControlVariate};{s.ConditionalPositives}"));
}
