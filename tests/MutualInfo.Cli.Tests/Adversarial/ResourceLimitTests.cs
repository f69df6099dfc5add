namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>
/// Issue 10, "memory before validation" and item 6: requests that cannot fit are refused before allocating, with what
/// they would need and the limit. Checked by refusal (the sizes are far beyond any machine), never by allocation.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ResourceLimitTests : IDisposable
{
    private readonly AdversarialFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static void RefusedQuickly(Func<(int, string, string)> run, params string[] expected)
    {
        long before = GC.GetTotalAllocatedBytes();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = run();
        CliAssert.UsageError(result, [.. expected, "would need about", "this machine allows"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes() - before < 1L << 30, "allocated a gigabyte before refusing");
    }

    [Fact]
    public void Simulate_with_a_billion_trials_is_refused_up_front() =>
        RefusedQuickly(() => CliRunner.Run("simulate", "--trials", "1000000000", "--json", _files.File("s.json")), "--trials");

    [Fact]
    public void In_batch_negatives_in_a_billion_dimensions_are_refused_up_front() =>
        RefusedQuickly(() => CliRunner.Run("simulate", "--family", "gaussian:dim=1000000000,mi=1", "--negatives", "in-batch", "--n", "16", "--trials", "4"), "in-batch");

    [Fact]
    public void Bench_with_2_to_the_26_samples_is_refused_up_front() =>
        RefusedQuickly(() => CliRunner.Run("bench", "--samples", "2^26", "--json", _files.File("b.json")), "--samples");

    [Fact]
    public void A_multinormal_too_large_to_factor_is_refused_before_its_matrix_exists()
    {
        var result = CliRunner.Run("simulate", "--family", "multinormal:dense=0.1,dx=20000,dy=20000", "--n", "16", "--trials", "4");
        CliAssert.UsageError(result, "--family", "dx + dy must be at most 4096");
    }

    [Fact]
    public void Neural_held_out_scoring_beyond_memory_is_refused_with_its_size()
    {
        // 200 000 rows, --max-test 10⁶: 100 000 held-out rows need n×n score matrices of ≈ 10¹¹ bytes each.
        var text = new System.Text.StringBuilder("X1,Y1\n");
        for (int i = 0; i < 200_000; i++) text.Append(i % 997).Append(',').Append(i % 991).Append('\n');
        string csv = _files.Text("big.csv", text.ToString());
        RefusedQuickly(() => CliRunner.Run("estimate", csv, "--estimator", "infonce", "--max-test", "1000000", "--test-fraction", "0.5"), "--max-test");
    }

    [Fact]
    public void Simulate_prints_progress_and_its_memory_need_before_the_first_step()
    {
        var result = CliRunner.Run("simulate", "--family", "gaussian:dim=1,mi=1", "--n", "8", "--trials", "4", "--json", _files.File("s.json"));
        Assert.True(result.Exit == 0, result.Err);
        string[] lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("simulate: needs about", lines[0]);
        Assert.Contains("(0/", lines[1]);
    }
}
