using MutualInfo.Benchmarking;
using MutualInfo.Estimators;

namespace MutualInfo.Tests.Benchmarking;

public class BenchRunnerTests
{
    private static BenchEstimator Ksg => new("ksg:splits=2", new KsgEstimator(new KsgOptions { Splits = 2, Threads = 1 }));
    private static BenchEstimator Gauss => new("gaussian:resamples=4", new GaussianEstimator(new GaussianOptions { Resamples = 4, Threads = 1 }));

    private static List<BenchResult> RunAll(IEnumerable<BenchCell> cells, Func<BenchCellKey, bool>? isDone = null)
    {
        var results = new List<BenchResult>();
        BenchRunner.Run(cells, isDone ?? (_ => false), results.Add);
        return results;
    }

    [Fact]
    public void Data_depend_on_task_samples_and_seed_only()
    {
        BenchTask task = TaskSuite.Find("student-t-2-2-dof2")!;
        var a = BenchRunner.Sample(task, 64, 7);
        var b = BenchRunner.Sample(task, 64, 7);
        Assert.Equal(a.X, b.X);
        Assert.Equal(a.Y, b.Y);
        Assert.NotEqual(a.X, BenchRunner.Sample(task, 64, 8).X);
        Assert.NotEqual(a.X, BenchRunner.Sample(TaskSuite.Find("student-t-2-2-dof1")!, 64, 7).X);
        Assert.NotEqual(BenchRunner.DataStream("a"), BenchRunner.DataStream("b"));
    }

    [Fact]
    public void Results_do_not_depend_on_estimator_set_or_cell_order_and_skipped_cells_are_not_run()
    {
        var tasks = TaskSuite.Select(["1v1-normal-0.75", "student-t-1-1-dof1"]);
        var both = new BenchGrid(tasks, [Ksg, Gauss], [120], [1, 2]);
        var ksgOnly = new BenchGrid(tasks, [Ksg], [120], [1, 2]);
        var full = RunAll(both.Cells(ShardSpec.Whole)).ToDictionary(r => r.Key);
        var reversed = RunAll(both.Cells(ShardSpec.Whole).Reverse());
        Assert.All(reversed, r => Assert.True(full[r.Key].SameOutcome(r)));
        Assert.All(RunAll(ksgOnly.Cells(ShardSpec.Whole)), r => Assert.True(full[r.Key].SameOutcome(r)));

        var done = full.Keys.Where((_, i) => i % 2 == 0).ToHashSet();
        var rest = RunAll(both.Cells(ShardSpec.Whole), done.Contains);
        Assert.Equal(full.Keys.Except(done).ToHashSet(), rest.Select(r => r.Key).ToHashSet());
        Assert.All(rest, r => Assert.True(full[r.Key].SameOutcome(r)));
        Assert.All(rest, r => Assert.Equal(TaskSuite.Find(r.Key.Task)!.Mi, r.Truth));
    }

    [Fact]
    public void Gaussian_cells_on_the_gaussian_task_are_close_to_the_truth()
    {
        // The Gaussian estimator is consistent here; its SE at n = 4000 is ≈ 0.02 nats, so 0.1 is > 4 SE.
        var grid = new BenchGrid(TaskSuite.Select(["multinormal-dense-2-2-0.5"]), [Gauss], [4000], [1, 2, 3]);
        Assert.All(RunAll(grid.Cells(ShardSpec.Whole)), r => Assert.True(Math.Abs(r.Bias) < 0.1, $"{r.Key}: {r.Mi} vs {r.Truth}"));
    }

    [Fact]
    public void Summary_averages_over_seeds()
    {
        var key = new BenchCellKey("t", "e", 10, 1);
        var rows = BenchSummary.Rows([new(key, 1, 2, 0, 0, 0, 0), new(key with { Seed = 2 }, 3, 2, 0, 0, 0, 0), new(key with { Estimator = "f" }, 5, 2, 0, 0, 0, 0)]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new BenchSummaryRow("t", "e", 10, 2, 2, Math.Sqrt(2), 2, CiCovered: 0, CiCells: 2), rows[0]);   // the CIs [0, 0] miss the truth 2
        Assert.Equal(0, rows[0].Bias);
        Assert.True(double.IsNaN(rows[1].Sd));
    }
}
