namespace MutualInfo.Benchmarking;

/// <summary>A benchmark result file: the grid it belongs to, which shard of it (null for the whole grid) and its cells in grid order.</summary>
/// <param name="Grid">The full grid of the run.</param>
/// <param name="Shard">The shard these cells cover, or null when they cover the whole grid (a plain or merged run).</param>
/// <param name="Cells">The results, in grid order.</param>
internal sealed record BenchReport(BenchGridSpec Grid, ShardSpec? Shard, IReadOnlyList<BenchResult> Cells);
