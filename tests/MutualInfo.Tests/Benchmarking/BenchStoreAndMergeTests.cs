using System.Text;
using MutualInfo.Benchmarking;

namespace MutualInfo.Tests.Benchmarking;

public sealed class BenchStoreAndMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mi-bench-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly BenchGridSpec Grid = new(["a", "b"], ["ksg", "ksg:k=5,variant=2"], [100], [1, 2]);

    private static BenchResult Result(BenchCellKey key, double seconds = 0.5) =>
        new(key, key.Task.Length + key.Seed * 0.1 + key.Estimator.Length * 0.01, 0.25, 0.01, 0.2, double.NaN, seconds);

    private static BenchReport Part(ShardSpec? shard) =>
        new(Grid, shard, (shard is null ? Grid.Keys() : Grid.Keys(shard)).Select(k => Result(k)).ToArray());

    [Fact]
    public void Report_json_round_trips_exactly_with_nan_as_null()
    {
        var report = Part(new ShardSpec(1, 3));
        string path = Path.Combine(_dir, "r.json");
        using (var s = File.Create(path)) BenchJson.WriteReport(report, s);
        Assert.Contains("\"ci95\": [\n        0.2,\n        null\n      ]", File.ReadAllText(path).ReplaceLineEndings("\n"));
        var back = BenchJson.ReadReport(path, "test");
        Assert.True(back.Grid.SameAs(report.Grid));
        Assert.Equal(report.Shard, back.Shard);
        Assert.Equal(report.Cells.Count, back.Cells.Count);
        Assert.All(report.Cells.Zip(back.Cells), p => Assert.True(p.First.SameOutcome(p.Second) && p.First.Seconds == p.Second.Seconds));
    }

    [Fact]
    public void Store_keeps_complete_lines_and_cuts_a_torn_tail()
    {
        string path = Path.Combine(_dir, "cells.jsonl");
        var keys = Grid.Keys().ToArray();
        using (var store = BenchResultStore.Open(path))
        {
            store.Append(Result(keys[0]));
            store.Append(Result(keys[1]));
        }
        File.AppendAllText(path, BenchJson.CellLine(Result(keys[2]))[..20]);
        using (var store = BenchResultStore.Open(path))
        {
            Assert.True(store.Results.ContainsKey(keys[0]) && store.Results.ContainsKey(keys[1]));
            Assert.Equal(2, store.Results.Count);
            store.Append(Result(keys[3]));
        }
        using (var reopened = BenchResultStore.Open(path))
        {
            Assert.Equal(3, reopened.Results.Count);
            Assert.True(reopened.Results[keys[3]].SameOutcome(Result(keys[3])));
        }
        // Read after closing: the open store holds an exclusive lock that other .NET readers respect.
        Assert.Equal(3, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Store_rejects_a_corrupt_complete_line_in_one_line()
    {
        string path = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(path, BenchJson.CellLine(Result(Grid.Keys().First())) + "\n{\"task\":1}\n");
        var e = Assert.Throws<InvalidDataException>(() => BenchResultStore.Open(path));
        Assert.Contains("line 2", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Shards_merge_into_the_whole_and_overlaps_that_agree_are_fine()
    {
        var inputs = Enumerable.Range(0, 3).Select(i => ($"s{i}", Part(new ShardSpec(i, 3)))).Append(("again", Part(new ShardSpec(0, 3)))).ToArray();
        var outcome = BenchMerge.Combine(inputs);
        Assert.Empty(outcome.Missing);
        Assert.Null(outcome.Report.Shard);
        var whole = Part(null);
        Assert.Equal(whole.Cells.Select(c => c.Key), outcome.Report.Cells.Select(c => c.Key));
        Assert.All(whole.Cells.Zip(outcome.Report.Cells), p => Assert.True(p.First.SameOutcome(p.Second)));
    }

    [Fact]
    public void Merge_reports_missing_cells_and_rejects_disagreement_and_foreign_grids()
    {
        var outcome = BenchMerge.Combine([("s0", Part(new ShardSpec(0, 3)))]);
        Assert.Equal(Grid.Keys().Where((_, i) => i % 3 != 0), outcome.Missing);

        var changed = Part(new ShardSpec(0, 3));
        changed = changed with { Cells = [changed.Cells[0] with { Mi = 9 }, .. changed.Cells.Skip(1)] };
        var e = Assert.ThrowsAny<ArgumentException>(() => BenchMerge.Combine([("s0", Part(new ShardSpec(0, 3))), ("s0b", changed)]));
        Assert.StartsWith("inputs: 's0' and 's0b' disagree on the cell task=a", ErrorLine.Of(e));

        var timingOnly = Part(new ShardSpec(0, 3));
        timingOnly = timingOnly with { Cells = timingOnly.Cells.Select(c => c with { Seconds = 99 }).ToArray() };
        Assert.Empty(BenchMerge.Combine([("x", Part(null)), ("y", timingOnly)]).Missing);

        var other = new BenchReport(Grid with { Seeds = [1, 3] }, null, []);
        Assert.Contains("different grid", Assert.ThrowsAny<ArgumentException>(() => BenchMerge.Combine([("x", Part(null)), ("y", other)])).Message);
    }

    [Fact]
    public void Unreadable_report_becomes_a_one_line_usage_error()
    {
        string garbage = Path.Combine(_dir, "garbage.json");
        File.WriteAllText(garbage, "{\"grid\":", Encoding.UTF8);
        foreach (string path in new[] { garbage, Path.Combine(_dir, "absent.json") })
        {
            var e = Assert.Throws<InvalidDataException>(() => BenchJson.ReadReport(path, "merge"));
            Assert.StartsWith($"merge: cannot read '{path}'", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
    }
}
