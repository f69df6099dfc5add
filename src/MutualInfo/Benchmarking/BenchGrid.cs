namespace MutualInfo.Benchmarking;

/// <summary>A benchmark grid: tasks × sample sizes × seeds × estimators, validated on construction.</summary>
internal sealed class BenchGrid
{
    /// <summary>Creates the grid; throws <see cref="ArgumentException"/> on empty lists, repeats, or sample sizes an estimator cannot use.</summary>
    public BenchGrid(IReadOnlyList<BenchTask> tasks, IReadOnlyList<BenchEstimator> estimators, IReadOnlyList<int> sampleSizes, IReadOnlyList<ulong> seeds)
    {
        RequireNonEmptyDistinct(tasks.Select(t => t.Name).ToArray(), nameof(tasks));
        RequireNonEmptyDistinct(estimators.Select(e => e.Spec).ToArray(), nameof(estimators));
        RequireNonEmptyDistinct(sampleSizes.ToArray(), nameof(sampleSizes));
        RequireNonEmptyDistinct(seeds.ToArray(), nameof(seeds));
        Tasks = tasks;
        Estimators = estimators;
        Samples = sampleSizes;
        Seeds = seeds;
        RequireEnoughSamples();
        Spec = new BenchGridSpec(tasks.Select(t => t.Name).ToArray(), estimators.Select(e => e.Spec).ToArray(), sampleSizes, seeds);
    }

    /// <summary>The tasks.</summary>
    public IReadOnlyList<BenchTask> Tasks { get; }

    /// <summary>The estimators.</summary>
    public IReadOnlyList<BenchEstimator> Estimators { get; }

    /// <summary>The sample sizes.</summary>
    public IReadOnlyList<int> Samples { get; }

    /// <summary>The seeds.</summary>
    public IReadOnlyList<ulong> Seeds { get; }

    /// <summary>The grid by name.</summary>
    public BenchGridSpec Spec { get; }

    /// <summary>The cells of one shard, in grid order.</summary>
    public IReadOnlyList<BenchCell> Cells(ShardSpec shard)
    {
        var tasks = Tasks.ToDictionary(t => t.Name);
        var estimators = Estimators.ToDictionary(e => e.Spec);
        return Spec.Keys()
            .Select((key, index) => (key, index))
            .Where(c => shard.Contains(c.index))
            .Select(c => new BenchCell(c.index, tasks[c.key.Task], estimators[c.key.Estimator], c.key.Samples, c.key.Seed))
            .ToArray();
    }

    private void RequireEnoughSamples()
    {
        foreach (int n in Samples)
        {
            if (n < 2) throw new ArgumentOutOfRangeException("sampleSizes", $"each size must be at least 2, got {n}");
            foreach (BenchEstimator e in Estimators)
                foreach (BenchTask t in Tasks)
                {
                    int min = e.Estimator.MinSamples(t.DimX, t.DimY);
                    if (n < min)
                        throw new ArgumentException($"{n} pairs are too few for estimator '{e.Spec}' on task '{t.Name}' (dims {t.DimX}+{t.DimY}); it needs at least {min}", "sampleSizes");
                }
        }
    }

    private static void RequireNonEmptyDistinct<T>(IReadOnlyList<T> values, string parameter)
    {
        if (values.Count == 0) throw new ArgumentException($"the list is empty", parameter);
        var repeated = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"'{repeated.Key}' is listed twice", parameter);
    }
}
