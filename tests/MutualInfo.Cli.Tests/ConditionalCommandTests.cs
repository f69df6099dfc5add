using System.Globalization;
using System.Text;
using System.Text.Json;
using MutualInfo.Randomness;

namespace MutualInfo.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class ConditionalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mi-cmi-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Collider X → Z ← Y (I(X;Y|Z) = −½ ln 0.36) plus a categorical column C and a one-level column K.</summary>
    private string ColliderCsv(int n, ulong seed = 1)
    {
        var rng = new Rng(seed);
        var text = new StringBuilder("X,Y,Z,C,K\n");
        for (int i = 0; i < n; i++)
        {
            double x = rng.NextGaussian(), y = rng.NextGaussian(), z = x + y + 0.5 * rng.NextGaussian();
            string c = x > 0.5 ? "high" : x < -0.5 ? "low" : "mid";
            text.Append(CultureInfo.InvariantCulture, $"{x:R},{y:R},{z:R},{c},same\n");
        }
        string path = Path.Combine(_dir, "collider.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void ConditionalJsonAddsDimZAndConditionalOn()
    {
        string csv = ColliderCsv(1500);
        var (exit, stdout, stderr) = CliRunner.Run("estimate", csv, "--x", "X", "--y", "Y", "--z", "Z", "--estimator", "gaussian-cmi", "--json", "-");
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("gaussian-cmi", root.GetProperty("estimator").GetString());
        Assert.Equal(1, root.GetProperty("dim_z").GetInt32());
        Assert.Equal("Z", root.GetProperty("conditional_on")[0].GetString());
        double mi = root.GetProperty("mi").GetDouble(), se = root.GetProperty("std_error").GetDouble();
        Assert.True(Math.Abs(mi - -0.5 * Math.Log(0.36)) < 4 * se, $"{mi} ± {se}");
        Assert.Equal(2, root.GetProperty("ci95").GetArrayLength());
    }

    [Fact]
    public void NeuralCmiEstimatorRunsFromTheCommandLineAndRefusesFlagsThatDoNotApply()
    {
        string csv = ColliderCsv(1400);
        var (exit, stdout, stderr) = CliRunner.Run("estimate", csv, "--x", "X", "--y", "Y", "--z", "Z", "--estimator", "infonce-cmi", "--steps", "100", "--json", "-");
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("infonce-cmi", root.GetProperty("estimator").GetString());
        Assert.Equal("Z", root.GetProperty("conditional_on")[0].GetString());
        Assert.Contains("Z-neighbours", root.GetProperty("uncertainty_method").GetString());
        double lo = root.GetProperty("ci95")[0].GetDouble(), hi = root.GetProperty("ci95")[1].GetDouble();
        Assert.True(lo > 0 && lo < hi, $"[{lo}, {hi}]");
        var (exit2, _, stderr2) = CliRunner.Run("estimate", csv, "--x", "X", "--y", "Y", "--z", "Z", "--estimator", "infonce-cmi", "--batch", "64");
        Assert.Equal(2, exit2);
        Assert.Contains("--batch", stderr2);
        var (exit3, _, stderr3) = CliRunner.Run("estimate", csv, "--x", "X", "--y", "Y", "--z", "Z", "--estimator", "ksg-cmi", "--steps", "10");
        Assert.Equal(2, exit3);
        Assert.Contains("--steps", stderr3);
    }

    [Fact]
    public void AnUnknownConditionalEstimatorListsEveryNameTheFlagTakesIncludingTheNeuralOne()
    {
        string csv = ColliderCsv(200);
        var (exit, _, stderr) = CliRunner.Run("estimate", csv, "--x", "X", "--y", "Y", "--z", "Z", "--estimator", "infonce");
        Assert.Equal(2, exit);
        Assert.StartsWith("mi: error: --estimator: unknown conditional estimator 'infonce' (available: auto, ", stderr);
        Assert.Contains(", infonce-cmi)", stderr);
    }

    [Fact]
    public void NeuralCmiWithACriticTooLargeForMemoryIsAOneLineErrorNamingTheFlag()
    {
        string csv = ColliderCsv(1100);
        var (exit, _, stderr) = CliRunner.Run("estimate", csv, "--x", "X", "--y", "Y", "--z", "Z", "--estimator", "infonce-cmi", "--hidden", "100000000");
        Assert.Equal(2, exit);
        Assert.StartsWith("mi: error: --hidden: the critic (100000000 units × 2 layers) would need about", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void HumanOutputNamesZAndTheLocalPermutationTest()
    {
        string csv = ColliderCsv(600);
        var (exit, stdout, stderr) = CliRunner.Run("estimate", csv, "--x", "X", "--y", "Y", "--z", "Z", "--estimator", "ksg-cmi", "--splits", "4", "--permutations", "19");
        Assert.True(exit == 0, stderr);
        Assert.Contains("I(X;Y|Z)", stdout);
        Assert.Contains("Z = Z", stdout);
        Assert.Contains("0.0500  (conditional independence, 19 local permutations)", stdout);
    }

    [Fact]
    public void CategoricalTextColumnsWorkWhenMarkedDiscrete()
    {
        string csv = ColliderCsv(1200);
        var (exit, stdout, stderr) = CliRunner.Run("estimate", csv, "--x", "C", "--y", "Y", "--z", "Z", "--discrete", "C", "--splits", "4", "--json", "-");
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("mixed-ksg", doc.RootElement.GetProperty("estimator").GetString());
        var (exit2, _, stderr2) = CliRunner.Run("estimate", csv, "--x", "C", "--y", "Y", "--z", "Z");
        Assert.Equal(2, exit2);
        Assert.Contains("--discrete", stderr2);
    }

    [Fact]
    public void FewDistinctValuesInAnUnmarkedColumnDrawAWarningNamingDiscrete()
    {
        var text = new StringBuilder("X,Y\n");
        var rng = new Rng(3);
        for (int i = 0; i < 300; i++) text.Append(CultureInfo.InvariantCulture, $"{i % 3},{(i % 3) + rng.NextGaussian():R}\n");
        string path = Path.Combine(_dir, "few.csv");
        File.WriteAllText(path, text.ToString());
        var (exit, stdout, stderr) = CliRunner.Run("estimate", path, "--x", "X", "--y", "Y", "--discrete", "Y", "--estimator", "auto", "--splits", "4", "--json", "-");
        Assert.True(exit == 0, stderr);
        Assert.Contains("mark it with --discrete X", stdout);
    }

    [Theory]
    [InlineData("--z", "W", "unknown column 'W'")]
    [InlineData("--z", "X", "also in X")]
    [InlineData("--z", "Y", "also in Y")]
    [InlineData("--discrete", "K", "'K' is not in X, Y or Z")]
    public void BadColumnChoicesAreOneLineUsageErrors(string flag, string value, string message)
    {
        string csv = ColliderCsv(50);
        string[] args = flag == "--z" ? ["estimate", csv, "--x", "X", "--y", "Y", "--z", value] : ["estimate", csv, "--x", "X", "--y", "Y", "--z", "Z", flag, value];
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void OneLevelDiscreteColumnIsAUsageError()
    {
        string csv = ColliderCsv(50);
        var (exit, _, stderr) = CliRunner.Run("estimate", csv, "--x", "X", "--y", "Y", "--z", "K", "--discrete", "K");
        Assert.Equal(2, exit);
        Assert.Contains("single level", stderr);
    }

    [Fact]
    public void RankWritesTheJsonContractSortedByMi()
    {
        string csv = ColliderCsv(800);
        string json = Path.Combine(_dir, "rank.json");
        string plot = Path.Combine(_dir, "rank.png");
        var (exit, stdout, stderr) = CliRunner.Run("rank", csv, "--target", "Z", "--features", "X,Y,C", "--discrete", "C", "--permutations", "20", "--splits", "4", "--json", json, "--plot", plot);
        Assert.True(exit == 0, stderr);
        Assert.Contains("MI with target 'Z'", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal("Z", root.GetProperty("target").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(3, features.Length);
        var mis = features.Select(f => f.GetProperty("mi").GetDouble()).ToArray();
        Assert.Equal(mis.OrderByDescending(v => v), mis);
        foreach (var f in features)
        {
            Assert.Equal(2, f.GetProperty("ci95").GetArrayLength());
            Assert.InRange(f.GetProperty("p_value").GetDouble(), 0, 1);
            Assert.InRange(f.GetProperty("q_value").GetDouble(), f.GetProperty("p_value").GetDouble(), 1);
            Assert.False(string.IsNullOrEmpty(f.GetProperty("name").GetString()));
        }
        Assert.True(new FileInfo(plot).Length > 1000);
    }

    [Fact]
    public void RankRefusesATargetThatIsAlsoAFeature()
    {
        string csv = ColliderCsv(50);
        var (exit, _, stderr) = CliRunner.Run("rank", csv, "--target", "Z", "--features", "X,Z");
        Assert.Equal(2, exit);
        Assert.Contains("is the target", stderr);
    }

    [Fact]
    public void CmiTasksAndBenchRun()
    {
        var (exit, stdout, stderr) = CliRunner.Run("tasks", "cmi", "--json", "-");
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Contains(doc.RootElement.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("name").GetString() == "cmi-chain" && t.GetProperty("truth").GetDouble() == 0);
        var (benchExit, benchOut, benchErr) = CliRunner.Run("bench", "cmi", "--tasks", "discrete-3x4", "--samples", "2000", "--seeds", "2", "--json", "-");
        Assert.True(benchExit == 0, benchErr);
        using var bench = JsonDocument.Parse(benchOut);
        var row = bench.RootElement.GetProperty("summary")[0];
        Assert.Equal("plug-in-mm", row.GetProperty("resolved").GetString());
        Assert.True(row.GetProperty("mean_abs_error").GetDouble() < 0.03);
    }
}
