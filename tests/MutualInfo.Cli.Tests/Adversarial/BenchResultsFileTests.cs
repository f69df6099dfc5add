using MutualInfo.Benchmarking;

namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>Issue 10, item 4: the bench results file is locked, checked for conflicts, and never loses another grid's cells.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchResultsFileTests : IDisposable
{
    private const string Task = "1v1-normal-0.75", Estimator = "gaussian:resamples=4";
    private readonly AdversarialFiles _files = new();

    public void Dispose() => _files.Dispose();

    private (int, string, string) Bench(string json, string task = Task) =>
        CliRunner.Run("bench", "--tasks", task, "--estimators", Estimator, "--samples", "64", "--seeds", "1", "--seed", "3", "--threads", "1", "--json", json);

    private static string Line(string task, double mi) =>
        BenchJson.CellLine(new BenchResult(new BenchCellKey(task, Estimator, 64, 3), mi, 0.4133, 0.01, mi - 0.02, mi + 0.02, 0.1)) + "\n";

    [Fact]
    public void A_second_run_on_the_same_results_file_is_refused_while_the_first_holds_it()
    {
        string json = _files.File("same.json");
        using (BenchResultStore.Open(json + ".partial.jsonl"))
            CliAssert.UsageError(Bench(json), "in use");
        Assert.False(File.Exists(json));
        var after = Bench(json);
        Assert.True(after.Item1 == 0, after.Item3);
    }

    [Fact]
    public void A_conflicting_duplicate_cell_in_the_results_file_is_refused_on_resume()
    {
        string json = _files.File("conflict.json");
        File.WriteAllText(json + ".partial.jsonl", Line(Task, 0.40) + Line(Task, 0.55));
        CliAssert.UsageError(Bench(json), "line 2", "disagrees");
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void An_agreeing_duplicate_cell_is_accepted_and_used()
    {
        string json = _files.File("agree.json");
        File.WriteAllText(json + ".partial.jsonl", Line(Task, 0.40) + Line(Task, 0.40));
        var result = Bench(json);
        Assert.True(result.Item1 == 0, result.Item3);
        Assert.Contains("0.4", File.ReadAllText(json));
    }

    [Fact]
    public void Resuming_with_another_grid_is_refused_and_keeps_the_other_grids_cells()
    {
        string json = _files.File("grid.json");
        string partial = json + ".partial.jsonl";
        File.WriteAllText(partial, Line("1v1-normal-0.95", 1.1));
        CliAssert.UsageError(Bench(json), "another grid", "1v1-normal-0.95");
        Assert.Equal(Line("1v1-normal-0.95", 1.1), File.ReadAllText(partial));
    }
}
