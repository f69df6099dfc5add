namespace MutualInfo.Benchmarking;

/// <summary>
/// The grid of a benchmark run by name only (what the result files record): tasks × samples × seeds × estimators.
/// Its cell order is the contract behind sharding and behind the order of cells in result files.
/// </summary>
/// <param name="Tasks">Task names, in suite order.</param>
/// <param name="Estimators">Canonical estimator specifications.</param>
/// <param name="Samples">Sample sizes.</param>
/// <param name="Seeds">Seeds.</param>
internal sealed record BenchGridSpec(IReadOnlyList<string> Tasks, IReadOnlyList<string> Estimators, IReadOnlyList<int> Samples, IReadOnlyList<ulong> Seeds)
{
    /// <summary>Number of cells.</summary>
    public int Count => Tasks.Count * Estimators.Count * Samples.Count * Seeds.Count;

    /// <summary>
    /// Every cell key in the stable grid order: task, then sample size, then seed, then estimator (innermost, so the
    /// estimators sharing one data set run one after another).
    /// </summary>
    public IEnumerable<BenchCellKey> Keys()
    {
        foreach (string task in Tasks)
            foreach (int samples in Samples)
                foreach (ulong seed in Seeds)
                    foreach (string estimator in Estimators)
                        yield return new BenchCellKey(task, estimator, samples, seed);
    }

    /// <summary>The keys of one shard: the cells whose grid index i satisfies i mod k = shard index.</summary>
    public IEnumerable<BenchCellKey> Keys(ShardSpec shard) => Keys().Where((_, index) => shard.Contains(index));

    /// <summary>Whether two grids list the same tasks, estimators, sample sizes and seeds in the same order.</summary>
    public bool SameAs(BenchGridSpec other) =>
        Tasks.SequenceEqual(other.Tasks) && Estimators.SequenceEqual(other.Estimators)
        && Samples.SequenceEqual(other.Samples) && Seeds.SequenceEqual(other.Seeds);
}
