using MutualInfo.Statistics;

namespace MutualInfo.Benchmarking;

/// <summary>Averages cell results over seeds, and scores them as BMI does (see <see cref="BenchScore"/>).</summary>
internal static class BenchSummary
{
    /// <summary>One row per (task, estimator, samples), in order of first appearance; NaN estimates are left out of the mean.</summary>
    public static IReadOnlyList<BenchSummaryRow> Rows(IEnumerable<BenchResult> cells) =>
        cells.GroupBy(c => (c.Key.Task, c.Key.Estimator, c.Key.Samples))
            .Select(Row)
            .ToArray();

    /// <summary>
    /// Per (task, estimator), in order of first appearance: the smallest sample size of the run at which the mean
    /// estimate over seeds is within a factor 1.5 of the truth (|log(mean / truth)| &lt; log 1.5); null when no size
    /// of the run reaches it, or the truth is 0.
    /// </summary>
    public static IReadOnlyList<BenchSamplesNeeded> SamplesNeeded(IReadOnlyList<BenchSummaryRow> rows) =>
        rows.GroupBy(r => (r.Task, r.Estimator))
            .Select(g => new BenchSamplesNeeded(g.Key.Task, g.Key.Estimator,
                g.Where(r => BenchScore.IsClose(r.Mean, r.Truth)).Select(r => (int?)r.Samples).Min(),
                g.Select(r => r.Samples).Distinct().Count()))
            .ToArray();

    /// <summary>
    /// Per (estimator, samples), in order of first appearance: the cells whose 95% CI contains the truth, over the
    /// cells with a CI (all tasks and seeds).
    /// </summary>
    public static IReadOnlyList<BenchCoverage> Coverage(IEnumerable<BenchResult> cells) =>
        cells.GroupBy(c => (c.Key.Estimator, c.Key.Samples))
            .Select(g => new BenchCoverage(g.Key.Estimator, g.Key.Samples,
                g.Count(c => c.CiCovers == true), g.Count(c => c.CiCovers is not null), g.Count(),
                g.Count(IsFlagged), g.Count(c => c.CiCovers == false && !IsFlagged(c))))
            .ToArray();

    private static bool IsFlagged(BenchResult cell) => cell.Reliability == Estimators.Reliability.UnreliableVerdict;

    private static BenchSummaryRow Row(IGrouping<(string Task, string Estimator, int Samples), BenchResult> group)
    {
        var moments = new RunningMoments();
        foreach (BenchResult cell in group.Where(c => double.IsFinite(c.Mi))) moments.Add(cell.Mi);
        double mean = moments.Count > 0 ? moments.Mean : double.NaN;
        return new BenchSummaryRow(group.Key.Task, group.Key.Estimator, group.Key.Samples, group.First().Truth,
            mean, Math.Sqrt(moments.Variance), (int)moments.Count,
            group.Count(c => c.CiCovers == true), group.Count(c => c.CiCovers is not null));
    }
}
