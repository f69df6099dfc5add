using MutualInfo.Statistics;

namespace MutualInfo.Benchmarking;

/// <summary>Averages cell results over seeds.</summary>
public static class BenchSummary
{
    /// <summary>One row per (task, estimator, samples), in order of first appearance; NaN estimates are left out of the mean.</summary>
    public static IReadOnlyList<BenchSummaryRow> Rows(IEnumerable<BenchResult> cells) =>
        cells.GroupBy(c => (c.Key.Task, c.Key.Estimator, c.Key.Samples))
            .Select(Row)
            .ToArray();

    private static BenchSummaryRow Row(IGrouping<(string Task, string Estimator, int Samples), BenchResult> group)
    {
        var moments = new RunningMoments();
        foreach (BenchResult cell in group.Where(c => double.IsFinite(c.Mi))) moments.Add(cell.Mi);
        double mean = moments.Count > 0 ? moments.Mean : double.NaN;
        return new BenchSummaryRow(group.Key.Task, group.Key.Estimator, group.Key.Samples, group.First().Truth,
            mean, Math.Sqrt(moments.Variance), (int)moments.Count);
    }
}
