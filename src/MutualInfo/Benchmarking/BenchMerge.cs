namespace MutualInfo.Benchmarking;

/// <summary>Combines the result files of shards (or of partial runs) of one grid.</summary>
internal static class BenchMerge
{
    /// <summary>The merged report (whole grid, cells in grid order) and the grid cells no input holds.</summary>
    /// <param name="Report">The merged report; <see cref="BenchReport.Shard"/> is null.</param>
    /// <param name="Missing">Cells of the grid no input covers, in grid order.</param>
    public sealed record Outcome(BenchReport Report, IReadOnlyList<BenchCellKey> Missing);

    /// <summary>
    /// Merges the reports; throws a one-line <see cref="ArgumentException"/> when they belong to different grids, hold
    /// a cell outside the grid, or disagree on a cell both hold (timing aside).
    /// </summary>
    public static Outcome Combine(IReadOnlyList<(string Source, BenchReport Report)> inputs)
    {
        if (inputs.Count == 0) throw new ArgumentException("no input files", nameof(inputs));
        var (firstSource, first) = inputs[0];
        var found = new Dictionary<BenchCellKey, (string Source, BenchResult Result)>();
        var gridKeys = first.Grid.Keys().ToArray();
        var inGrid = gridKeys.ToHashSet();
        foreach (var (source, report) in inputs)
        {
            if (!report.Grid.SameAs(first.Grid))
                throw new ArgumentException($"'{source}' belongs to a different grid (tasks, estimators, samples or seeds) than '{firstSource}'", nameof(inputs));
            foreach (BenchResult cell in report.Cells) Add(found, inGrid, source, cell);
        }
        var cells = gridKeys.Where(found.ContainsKey).Select(k => found[k].Result).ToArray();
        var missing = gridKeys.Where(k => !found.ContainsKey(k)).ToArray();
        return new Outcome(new BenchReport(first.Grid, null, cells), missing);
    }

    private static void Add(Dictionary<BenchCellKey, (string Source, BenchResult Result)> found, HashSet<BenchCellKey> inGrid, string source, BenchResult cell)
    {
        if (!inGrid.Contains(cell.Key)) throw new ArgumentException($"'{source}' holds a cell outside its grid ({cell.Key})", "inputs");
        if (found.TryGetValue(cell.Key, out var earlier))
        {
            if (!earlier.Result.SameOutcome(cell))
                throw new ArgumentException($"'{earlier.Source}' and '{source}' disagree on the cell {cell.Key} (mi {earlier.Result.Mi:R} vs {cell.Mi:R})", "inputs");
            return;
        }
        found[cell.Key] = (source, cell);
    }
}
