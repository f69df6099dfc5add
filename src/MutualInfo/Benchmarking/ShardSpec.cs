using System.Globalization;

namespace MutualInfo.Benchmarking;

/// <summary>
/// Part <see cref="Index"/> of <see cref="Count"/> disjoint parts of a benchmark grid (0-based, as Slurm's
/// <c>SLURM_ARRAY_TASK_ID</c> with <c>--array=0-(k-1)</c> and Kubernetes' <c>JOB_COMPLETION_INDEX</c>).
/// Cell i belongs to shard i mod k, which spreads every task over every shard.
/// </summary>
/// <param name="Index">Shard index i, 0 ≤ i &lt; k.</param>
/// <param name="Count">Number of shards k ≥ 1.</param>
internal sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole grid as one shard.</summary>
    public static ShardSpec Whole { get; } = new(0, 1);

    /// <summary>Whether cell number <paramref name="cellIndex"/> of the grid belongs to this shard.</summary>
    public bool Contains(int cellIndex) => cellIndex % Count == Index;

    /// <summary>Parses <c>i/k</c>; throws a one-line <see cref="ArgumentException"/> naming <paramref name="parameter"/>.</summary>
    public static ShardSpec Parse(string text, string parameter = "shard")
    {
        string[] parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            throw new ArgumentException($"expected i/k with 0 ≤ i < k (e.g. 0/4), got '{text}'", parameter);
        if (count < 1 || index >= count)
            throw new ArgumentException($"need k ≥ 1 and 0 ≤ i < k, got '{text}'", parameter);
        return new ShardSpec(index, count);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
