using MutualInfo.Benchmarking;

namespace MutualInfo.Tests.Benchmarking;

/// <summary>BMI's scoring: the clipped log ratio, "samples needed" and CI coverage, on hand-made cells.</summary>
public sealed class BenchScoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mi-bench-score-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0.5, 0.25, 0.69314718055994531)]   // ln 2
    [InlineData(0.25, 0.5, -0.69314718055994531)]
    [InlineData(0.4, 0.4, 0.0)]
    [InlineData(2.0, 0.25, 1.0)]                   // ln 8 = 2.08, clipped
    [InlineData(0.1, 1.0, -1.0)]                   // ln 0.1 = −2.30, clipped
    [InlineData(0.0, 1.0, -1.0)]                   // no information: the worst underestimate
    [InlineData(-0.3, 1.0, -1.0)]
    public void Score_is_the_log_ratio_clipped_to_one(double estimate, double truth, double expected)
    {
        Assert.Equal(expected, BenchScore.Clipped(estimate, truth), 14);
        var cell = new BenchResult(new BenchCellKey("t", "e", 10, 1), estimate, truth, double.NaN, double.NaN, double.NaN, 0);
        Assert.Equal(expected, cell.Score, 14);
    }

    [Fact]
    public void Unclipped_ratio_and_undefined_cases()
    {
        Assert.Equal(Math.Log(8), BenchScore.LogRatio(2, 0.25), 14);
        Assert.Equal(double.NegativeInfinity, BenchScore.LogRatio(0, 1));
        Assert.True(double.IsNaN(BenchScore.Clipped(0.3, 0)), "truth 0 has no ratio");
        Assert.True(double.IsNaN(BenchScore.Clipped(0, 0)));
        Assert.True(double.IsNaN(BenchScore.Clipped(double.NaN, 1)));
        Assert.False(BenchScore.IsClose(0, 0));
    }

    [Theory]
    [InlineData(1.49, true)]
    [InlineData(1 / 1.49, true)]
    [InlineData(1.5, false)]
    [InlineData(1 / 1.5, false)]
    [InlineData(2.0, false)]
    public void Close_means_within_a_factor_one_and_a_half(double ratio, bool close) =>
        Assert.Equal(close, BenchScore.IsClose(0.4 * ratio, 0.4));

    [Fact]
    public void Ci_covers_the_truth_inclusive_and_is_unknown_without_a_ci()
    {
        Assert.True(BenchScore.CiCovers(0.2, 0.3, 0.25));
        Assert.True(BenchScore.CiCovers(0.2, 0.3, 0.3));
        Assert.False(BenchScore.CiCovers(0.2, 0.3, 0.31));
        Assert.False(BenchScore.CiCovers(-0.1, -0.01, 0));
        Assert.Null(BenchScore.CiCovers(double.NaN, 0.3, 0.25));
        Assert.Null(BenchScore.CiCovers(0.2, double.NaN, 0.25));
    }

    private static BenchResult Cell(string task, string estimator, int n, ulong seed, double mi, double truth, double lo = double.NaN, double hi = double.NaN, string? reliability = null) =>
        new(new BenchCellKey(task, estimator, n, seed), mi, truth, 0.01, lo, hi, 0.1, reliability);

    [Fact]
    public void Samples_needed_is_the_smallest_size_whose_seed_mean_is_within_a_factor_one_and_a_half()
    {
        BenchResult[] cells =
        [
            // a/ksg: n=100 mean (0.05 + 0.15)/2 = 0.1, ratio 0.25; n=1000 mean 0.3, ratio 0.75 (close); n=5000 close too.
            Cell("a", "ksg", 100, 1, 0.05, 0.4), Cell("a", "ksg", 100, 2, 0.15, 0.4),
            Cell("a", "ksg", 1000, 1, 0.3, 0.4), Cell("a", "ksg", 1000, 2, 0.3, 0.4),
            Cell("a", "ksg", 5000, 1, 0.41, 0.4), Cell("a", "ksg", 5000, 2, 0.39, 0.4),
            // a/nwj: seeds 0.2 and 0.4 average 0.3 at n=100: the mean decides, not each seed.
            Cell("a", "nwj", 100, 1, 0.2, 0.4), Cell("a", "nwj", 100, 2, 0.4, 0.4),
            // b/ksg: never within a factor 1.5 (ratio 2 at every size).
            Cell("b", "ksg", 100, 1, 2.0, 1.0), Cell("b", "ksg", 1000, 1, 2.0, 1.0),
            // c: truth 0 has no ratio.
            Cell("c", "ksg", 100, 1, 0.0, 0.0),
        ];
        var needed = BenchSummary.SamplesNeeded(BenchSummary.Rows(cells));
        Assert.Equal(
            [("a", "ksg", (int?)1000), ("a", "nwj", 100), ("b", "ksg", null), ("c", "ksg", null)],
            needed.Select(n => (n.Task, n.Estimator, n.Samples)));
        Assert.Equal(3, needed[0].SizesRun);
    }

    [Fact]
    public void Coverage_counts_cells_with_a_ci_per_estimator_and_size()
    {
        BenchResult[] cells =
        [
            Cell("a", "ksg", 100, 1, 0.4, 0.4, 0.3, 0.5), Cell("a", "ksg", 100, 2, 0.4, 0.4, 0.41, 0.5),
            Cell("b", "ksg", 100, 1, 1.0, 1.0, 0.9, 1.0), Cell("b", "ksg", 100, 2, 1.0, 1.0),
            Cell("c", "ksg", 100, 1, 0.2, 0.0, 0.0, 0.3),
            Cell("a", "ksg", 1000, 1, 0.4, 0.4, 0.0, 0.1),
            Cell("a", "gaussian", 100, 1, 0.4, 0.4),
        ];
        var coverage = BenchSummary.Coverage(cells);
        Assert.Equal(
            [("ksg", 100, 3, 4, 5), ("ksg", 1000, 0, 1, 1), ("gaussian", 100, 0, 0, 1)],
            coverage.Select(c => (c.Estimator, c.Samples, c.Covered, c.WithCi, c.Cells)));
        Assert.Equal(0.75, coverage[0].Fraction);
        Assert.True(double.IsNaN(coverage[2].Fraction));
        var row = BenchSummary.Rows(cells).First(r => r.Task == "a" && r.Estimator == "ksg" && r.Samples == 100);
        Assert.Equal((1, 2), (row.CiCovered, row.CiCells));
        Assert.Equal(0.0, row.Score, 14);
    }

    [Fact]
    public void Report_json_carries_scores_coverage_and_reliability_and_reads_them_back()
    {
        var grid = new BenchGridSpec(["a"], ["ksg"], [100], [1, 2]);
        var report = new BenchReport(grid, null,
            [Cell("a", "ksg", 100, 1, 0.9, 0.4, 0.7, 0.8, "unreliable"), Cell("a", "ksg", 100, 2, 0.5, 0.4, 0.3, 0.5, "ok")]);
        string path = Path.Combine(_dir, "r.json");
        using (var s = File.Create(path)) BenchJson.WriteReport(report, s);
        string text = File.ReadAllText(path);
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        var first = doc.RootElement.GetProperty("cells")[0];
        Assert.Equal(Math.Log(0.9 / 0.4), first.GetProperty("log_ratio").GetDouble(), 14);
        Assert.False(first.GetProperty("ci_covers").GetBoolean());
        Assert.Equal("unreliable", first.GetProperty("reliability").GetString());
        var coverage = doc.RootElement.GetProperty("summary").GetProperty("coverage")[0];
        Assert.Equal((1, 2, 0.5), (coverage.GetProperty("covered").GetInt32(), coverage.GetProperty("with_ci").GetInt32(), coverage.GetProperty("fraction").GetDouble()));
        var needed = doc.RootElement.GetProperty("summary").GetProperty("samples_needed")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, needed.GetProperty("samples").ValueKind);   // mean 0.7: ratio 1.75, not close
        var back = BenchJson.ReadReport(path, "test");
        Assert.Equal(["unreliable", "ok"], back.Cells.Select(c => c.Reliability));
        Assert.False(back.Cells[0].SameOutcome(back.Cells[0] with { Reliability = "ok" }));
    }

    [Fact]
    public void Files_written_before_the_scoring_fields_still_read_and_merge()
    {
        // The format as it was: no log_ratio, ci_covers, reliability nor summary.
        const string old = """
            {"grid": {"tasks": ["a"], "estimators": ["ksg"], "samples": [100], "seeds": [1, 2]}, "shard": "0/2",
             "cells": [{"task": "a", "estimator": "ksg", "samples": 100, "seed": 1, "mi": 0.5, "truth": 0.4,
                        "std_error": 0.01, "ci95": [0.45, 0.55], "seconds": 0.2}]}
            """;
        string oldPath = Path.Combine(_dir, "old.json");
        File.WriteAllText(oldPath, old);
        var oldReport = BenchJson.ReadReport(oldPath, "merge");
        Assert.Null(oldReport.Cells[0].Reliability);
        var newReport = new BenchReport(oldReport.Grid, new ShardSpec(1, 2), [Cell("a", "ksg", 100, 2, 0.3, 0.4, 0.2, 0.5)]);
        var merged = BenchMerge.Combine([("old.json", oldReport), ("new.json", newReport)]);
        Assert.Empty(merged.Missing);
        Assert.Equal([false, true], merged.Report.Cells.Select(c => c.CiCovers!.Value));
    }
}
