using System.Globalization;
using System.Text;
using System.Text.Json;
using MutualInfo.Randomness;

namespace MutualInfo.Cli.Tests;

/// <summary>
/// The neural estimators' flags of `mi estimate` / `mi bmi` (--critic, --hidden, --steps, …), in child processes so that
/// libtorch never loads into the test process. Training runs are tiny (tens of steps, a few hidden units).
/// </summary>
public sealed class NeuralEstimatorFlagsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mi-neural-flags-tests").FullName;
    private readonly string _csv;

    public NeuralEstimatorFlagsTests()
    {
        _csv = Path.Combine(_dir, "data.csv");
        File.WriteAllText(_csv, GaussianCsv(400, 0.8));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_flag_reaches_the_estimator_and_shows_in_the_json_settings()
    {
        var result = CliProcess.Run("estimate", _csv, "--estimator", "smile", "--tau", "2.5", "--critic", "bilinear", "--layers", "1",
            "--hidden", "8", "--embed", "4", "--activation", "tanh", "--steps", "20", "--batch", "16", "--lr", "0.01",
            "--test-fraction", "0.25", "--max-test", "50", "--eval-every", "10", "--patience", "3", "--json", "-", "--seed", "5");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        var settings = root.GetProperty("settings");
        Assert.Equal("smile:tau=2.5", root.GetProperty("estimator").GetString());
        Assert.Equal("smile:tau=2.5", settings.GetProperty("objective").GetString());
        Assert.Equal("bilinear", settings.GetProperty("critic").GetString());
        Assert.Equal(1, settings.GetProperty("layers").GetInt32());
        Assert.Equal(8, settings.GetProperty("hidden").GetInt32());
        Assert.Equal(4, settings.GetProperty("embedding").GetInt32());
        Assert.Equal("tanh", settings.GetProperty("activation").GetString());
        Assert.Equal(20, settings.GetProperty("max_steps").GetInt32());
        Assert.Equal(16, settings.GetProperty("batch").GetInt32());
        Assert.Equal(0.01, settings.GetProperty("lr").GetDouble());
        Assert.Equal(0.25, settings.GetProperty("test_fraction").GetDouble());
        Assert.Equal(50, settings.GetProperty("max_test").GetInt32());
        Assert.Equal(10, settings.GetProperty("eval_every").GetInt32());
        Assert.Equal(3, settings.GetProperty("patience").GetInt32());
        // What the run itself reports: 400 × 0.25 = 100 held out, capped at 50; the rest trains; 20 steps in evaluations of 10.
        string method = root.GetProperty("uncertainty_method").GetString()!;
        Assert.Contains("critic trained on 350 rows for 20 steps (early stopping every 10 steps, patience 3)", method);
        Assert.Contains("the 50 held-out rows", method);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("log_n_cap").ValueKind); // SMILE has no log n ceiling
        Assert.Contains("training the critic", result.Stderr);
        Assert.DoesNotContain("half-splits", result.Stderr);
    }

    [Fact]
    public void Cross_selection_scores_each_half_at_the_step_the_other_half_chose()
    {
        var result = CliProcess.Run("estimate", _csv, "--estimator", "infonce", "--cross-selection", "--squared-norm-features", "--hidden", "8", "--embed", "4",
            "--steps", "30", "--eval-every", "10", "--max-test", "100", "--json", "-", "--seed", "3");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("settings").GetProperty("cross_selection").GetBoolean());
        Assert.True(root.GetProperty("settings").GetProperty("squared_norm_features").GetBoolean());
        Assert.Contains("the 100 held-out rows form two halves", root.GetProperty("uncertainty_method").GetString());
        Assert.Equal(Math.Log(50), root.GetProperty("log_n_cap").GetDouble(), 12);
    }

    [Fact]
    public void Bmi_takes_the_same_flags_and_they_change_the_estimate_deterministically()
    {
        string[] tiny = ["bmi", _csv, "1", "1", "--estimator", "infonce", "--steps", "30", "--eval-every", "10", "--embed", "4", "--seed", "2"];
        var a = CliProcess.Run([.. tiny, "--hidden", "8"]);
        var again = CliProcess.Run([.. tiny, "--hidden", "8"]);
        var wider = CliProcess.Run([.. tiny, "--hidden", "16"]);
        foreach (var r in new[] { a, again, wider }) Assert.True(r.ExitCode == 0, r.Stderr);
        double mi = double.Parse(a.Stdout, CultureInfo.InvariantCulture);
        Assert.True(double.IsFinite(mi) && mi < Math.Log(200), a.Stdout);
        Assert.Equal(a.Stdout, again.Stdout);
        Assert.NotEqual(a.Stdout, wider.Stdout);
    }

    [Theory]
    [InlineData("--critic", "foo", "infonce", "--critic: unknown critic 'foo'")]
    [InlineData("--layers", "-1", "infonce", "--layers: must be at least 0")]
    [InlineData("--hidden", "0", "infonce", "--hidden: must be at least 1, got 0")]
    [InlineData("--hidden", "abc", "infonce", "--hidden: expected an integer, got 'abc'")]
    [InlineData("--embed", "0", "infonce", "--embedding: must be at least 1, got 0")]
    [InlineData("--activation", "sine", "infonce", "--activation: unknown activation 'sine'")]
    [InlineData("--steps", "0", "nwj", "--steps: must be at least 1, got 0")]
    [InlineData("--batch", "1", "js", "--batch: must be at least 2, got 1")]
    [InlineData("--lr", "-0.1", "dv", "--lr: must be positive, got -0.1")]
    [InlineData("--lr", "1,5", "dv", "--lr: expected a number, got '1,5'")]
    [InlineData("--test-fraction", "1", "infonce", "--test-fraction: must lie strictly between 0 and 1, got 1")]
    [InlineData("--max-test", "1", "infonce", "--max-test: must be at least 2, got 1")]
    [InlineData("--eval-every", "0", "infonce", "--eval-every: must be at least 1, got 0")]
    [InlineData("--patience", "0", "infonce", "--patience: must be at least 1, got 0")]
    [InlineData("--tau", "0", "smile", "--tau: must be a finite number > 0, got 0")]
    [InlineData("--tau", "3", "infonce", "--tau: applies only to --estimator smile")]
    [InlineData("--hidden", "8", "ksg", "--hidden: applies only to the neural estimators")]
    [InlineData("--steps", "10", "gaussian", "--steps: applies only to the neural estimators")]
    [InlineData("--cross-selection", null, "ksg-copula", "--cross-selection: applies only to the neural estimators")]
    [InlineData("--squared-norm-features", null, "ksg", "--squared-norm-features: applies only to the neural estimators")]
    public void Bad_values_exit_2_with_one_line_naming_the_flag(string flag, string? value, string estimator, string message) =>
        AssertUsageError(value is null
            ? CliProcess.Run("estimate", _csv, "--estimator", estimator, flag)
            : CliProcess.Run("estimate", _csv, "--estimator", estimator, flag, value), message);

    [Fact]
    public void Bmi_rejects_bad_values_the_same_way()
    {
        AssertUsageError(CliProcess.Run("bmi", _csv, "1", "1", "--estimator", "infonce", "--hidden", "0"), "--hidden: must be at least 1, got 0");
        AssertUsageError(CliProcess.Run("bmi", _csv, "1", "1", "--tau", "2"), "--tau: applies only to the neural estimators");
    }

    private static void AssertUsageError(CliProcess.Result result, string message)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(message, lines[0]);
    }

    private static string GaussianCsv(int n, double rho)
    {
        var rng = new Rng(4);
        var text = new StringBuilder("X1,Y1\n");
        for (int i = 0; i < n; i++)
        {
            double x = rng.NextGaussian(), y = rho * x + Math.Sqrt(1 - rho * rho) * rng.NextGaussian();
            text.Append(CultureInfo.InvariantCulture, $"{x:R},{y:R}\n");
        }
        return text.ToString();
    }
}
