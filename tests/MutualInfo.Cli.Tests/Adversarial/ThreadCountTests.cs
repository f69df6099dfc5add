using System.Text.Json;

namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>The default estimator now uses every thread it is given (normal scores, tree building, counting): same numbers whatever --threads.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ThreadCountTests : IDisposable
{
    private readonly AdversarialFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_default_estimate_is_bit_identical_at_one_two_and_three_threads()
    {
        // More rows than one block of parallel quantiles (2^14), so the blocked paths really run.
        string csv = _files.Csv("d.csv", n: 20_000);
        string[] Run(string threads)
        {
            var result = CliRunner.Run("estimate", csv, "--splits", "4", "--threads", threads, "--json", "-");
            Assert.True(result.Exit == 0, result.Err);
            var root = JsonDocument.Parse(result.Out).RootElement;
            return new[] { "mi", "std_error" }.Select(p => root.GetProperty(p).GetDouble().ToString("R")).Concat(root.GetProperty("ci95").EnumerateArray().Select(v => v.GetDouble().ToString("R"))).ToArray();
        }
        string[] one = Run("1");
        Assert.Equal(one, Run("2"));
        Assert.Equal(one, Run("3"));
    }
}
