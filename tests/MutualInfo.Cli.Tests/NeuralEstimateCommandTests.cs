using System.Globalization;
using System.Text;
using System.Text.Json;
using MutualInfo.Randomness;

namespace MutualInfo.Cli.Tests;

/// <summary>
/// `mi estimate --estimator infonce` end to end in a child process, so libtorch never loads into the test process
/// (StaircaseCommandTests checks that the other commands keep it out).
/// </summary>
public sealed class NeuralEstimateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mi-neural-estimate-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Infonce_writes_its_log_n_cap_and_a_held_out_uncertainty()
    {
        string csv = Path.Combine(_dir, "data.csv");
        File.WriteAllText(csv, GaussianCsv(600, 0.8));
        var result = CliProcess.Run("estimate", csv, "--estimator", "infonce", "--json", "-", "--seed", "3");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal("infonce", root.GetProperty("estimator").GetString());
        Assert.Equal(Math.Log(300), root.GetProperty("log_n_cap").GetDouble(), 12);
        double mi = root.GetProperty("mi").GetDouble(), se = root.GetProperty("std_error").GetDouble();
        Assert.True(se > 0 && mi < Math.Log(300), $"mi {mi}, se {se}");
        // Truth −½ ln(1 − 0.64) = 0.511; a learned lower bound from 300 training rows: generous, one-sided slack below.
        Assert.True(mi > 0.511 - 0.25 && mi < 0.511 + 4 * se, $"mi {mi}, se {se}");
        Assert.Contains("held-out", root.GetProperty("uncertainty_method").GetString());
    }

    [Fact]
    public void Unknown_neural_keys_are_rejected_by_bench()
    {
        var result = CliProcess.Run("bench", "--estimators", "infonce:k=3", "--tasks", "1v1-normal-0.75", "--json", Path.Combine(_dir, "b.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not apply to infonce", result.Stderr);
    }

    private static string GaussianCsv(int n, double rho)
    {
        var rng = new Rng(9);
        var text = new StringBuilder("X1,Y1\n");
        for (int i = 0; i < n; i++)
        {
            double x = rng.NextGaussian(), y = rho * x + Math.Sqrt(1 - rho * rho) * rng.NextGaussian();
            text.Append(CultureInfo.InvariantCulture, $"{x:R},{y:R}\n");
        }
        return text.ToString();
    }
}
