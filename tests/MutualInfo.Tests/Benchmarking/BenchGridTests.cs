using CsCheck;
using MutualInfo.Benchmarking;
using MutualInfo.Estimators;

namespace MutualInfo.Tests.Benchmarking;

public class BenchGridTests
{
    private static BenchGridSpec Spec(int tasks, int estimators, int samples, int seeds) => new(
        Enumerable.Range(0, tasks).Select(i => $"t{i}").ToArray(),
        Enumerable.Range(0, estimators).Select(i => $"e{i}").ToArray(),
        Enumerable.Range(1, samples).Select(i => 100 * i).ToArray(),
        Enumerable.Range(1, seeds).Select(i => (ulong)i).ToArray());

    [Fact]
    public void Shards_partition_the_grid_for_any_shape_and_shard_count()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 4], Gen.Int[1, 9])
            .Sample((t, e, n, s, k) =>
            {
                var spec = Spec(t, e, n, s);
                var all = spec.Keys().ToArray();
                var parts = Enumerable.Range(0, k).Select(i => spec.Keys(new ShardSpec(i, k)).ToArray()).ToArray();
                var union = parts.SelectMany(p => p).ToArray();
                return all.Length == spec.Count && all.Distinct().Count() == all.Length
                       && union.Length == all.Length && union.ToHashSet().SetEquals(all)
                       && parts.All(p => p.Length >= all.Length / k && p.Length <= all.Length / k + 1);
            }, iter: 200);
    }

    [Fact]
    public void Grid_order_is_task_then_samples_then_seed_then_estimator()
    {
        var keys = Spec(2, 2, 1, 2).Keys().ToArray();
        Assert.Equal(new BenchCellKey("t0", "e0", 100, 1), keys[0]);
        Assert.Equal(new BenchCellKey("t0", "e1", 100, 1), keys[1]);
        Assert.Equal(new BenchCellKey("t0", "e0", 100, 2), keys[2]);
        Assert.Equal(new BenchCellKey("t1", "e0", 100, 1), keys[4]);
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    public void Shard_parses_zero_based_i_of_k(string text, int i, int k) => Assert.Equal(new ShardSpec(i, k), ShardSpec.Parse(text));

    [Theory]
    [InlineData("3/3")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    [InlineData("a/b")]
    [InlineData("1")]
    [InlineData("1/2/3")]
    public void Shard_rejects_malformed_specs_in_one_line(string text)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ShardSpec.Parse(text));
        Assert.Equal("shard", e.ParamName);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Grid_cells_follow_the_spec_order_and_shard()
    {
        var grid = new BenchGrid(TaskSuite.Select(["1v1-normal-0.75", "discrete-2x2"]),
            [new("ksg", new KsgEstimator()), new("gaussian", new GaussianEstimator())], [50, 80], [1, 2, 3]);
        var shard = new ShardSpec(1, 4);
        Assert.Equal(grid.Spec.Keys(shard), grid.Cells(shard).Select(c => c.Key));
        Assert.All(grid.Cells(shard), c => Assert.Equal(1, c.Index % 4));
    }

    [Fact]
    public void Grid_rejects_too_few_samples_repeats_and_empty_lists()
    {
        BenchTask[] tasks = [.. TaskSuite.Select(["multinormal-dense-5-5-0.5"])];
        BenchEstimator[] gaussian = [new("gaussian", new GaussianEstimator())];
        var e = Assert.ThrowsAny<ArgumentException>(() => new BenchGrid(tasks, gaussian, [11], [1]));
        Assert.Equal("sampleSizes: 11 pairs are too few for estimator 'gaussian' on task 'multinormal-dense-5-5-0.5' (dims 5+5); it needs at least 12", ErrorLine.Of(e));
        Assert.Equal("seeds", Assert.ThrowsAny<ArgumentException>(() => new BenchGrid(tasks, gaussian, [100], [1, 1])).ParamName);
        Assert.Equal("estimators", Assert.ThrowsAny<ArgumentException>(() => new BenchGrid(tasks, [], [100], [1])).ParamName);
        _ = new BenchGrid(tasks, gaussian, [12], [1]);
    }
}
