using System.Globalization;
using System.Text;
using System.Text.Json;
using MutualInfo.Randomness;

namespace MutualInfo.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class EstimateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mi-estimate-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>n rows of X1, Y1 with correlation ρ (I = −½ ln(1 − ρ²)), optionally behind a leading column.</summary>
    private string GaussianCsv(int n, double rho, string leading = "", ulong seed = 1)
    {
        var rng = new Rng(seed);
        var text = new StringBuilder(leading.Length > 0 ? $"{leading},X1,Y1\n" : "X1,Y1\n");
        for (int i = 0; i < n; i++)
        {
            double x = rng.NextGaussian(), y = rho * x + Math.Sqrt(1 - rho * rho) * rng.NextGaussian();
            if (leading.Length > 0) text.Append("1,");
            text.Append(CultureInfo.InvariantCulture, $"{x:R},{y:R}\n");
        }
        return Write("data.csv", text.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void JsonFollowsTheContract()
    {
        string csv = GaussianCsv(1500, 0.8);
        string json = Path.Combine(_dir, "out.json");
        var (exit, stdout, stderr) = CliRunner.Run("estimate", csv, "--json", json, "--permutations", "9", "--splits", "8");
        Assert.True(exit == 0, stderr);
        Assert.Contains("MI estimate (ksg-copula)", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal("ksg-copula", root.GetProperty("estimator").GetString());
        Assert.Contains("Gaussian surrogates", root.GetProperty("uncertainty_method").GetString());
        double mi = root.GetProperty("mi").GetDouble(), se = root.GetProperty("std_error").GetDouble();
        Assert.True(Math.Abs(mi - 0.5108) < 4 * se, $"mi {mi}, se {se}");
        var ci = root.GetProperty("ci95");
        Assert.True(ci[0].GetDouble() < mi && mi < ci[1].GetDouble());
        Assert.Equal(1500, root.GetProperty("n_samples").GetInt32());
        Assert.Equal(1, root.GetProperty("dim_x").GetInt32());
        Assert.Equal(1, root.GetProperty("dim_y").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("log_n_cap").ValueKind);
        Assert.Equal(0.1, root.GetProperty("p_value").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        var reliability = root.GetProperty("reliability");
        Assert.Equal("ok", reliability.GetProperty("verdict").GetString());
        Assert.Equal(0, reliability.GetProperty("reasons").GetArrayLength());
        Assert.Contains("reliability ok", stdout);
    }

    [Fact]
    public void IndependentColumnsWithFewRowsGetACiCoveringZeroAndAVerdict()
    {
        // 20 + 20 independent columns on 100 rows: the previous default printed 2.82, CI [2.71, 3.01].
        var rng = new Rng(5);
        var text = new StringBuilder(string.Join(",", Enumerable.Range(1, 20).Select(i => $"X{i}").Concat(Enumerable.Range(1, 20).Select(i => $"Y{i}"))) + "\n");
        for (int r = 0; r < 100; r++) text.Append(string.Join(",", Enumerable.Range(0, 40).Select(_ => rng.NextGaussian().ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        var (exit, stdout, stderr) = CliRunner.Run("estimate", Write("wide.csv", text.ToString()), "--json", "-", "--splits", "8");
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var ci = root.GetProperty("ci95");
        // 40 columns: the upper end is open (null in JSON: unbounded).
        Assert.True(ci[0].GetDouble() <= 0 && ci[1].ValueKind == JsonValueKind.Null, stdout);
        Assert.Equal("unreliable", root.GetProperty("reliability").GetProperty("verdict").GetString());
        Assert.Contains(root.GetProperty("reliability").GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("too few rows for the dimension", StringComparison.Ordinal));
    }

    [Fact]
    public void ADeterministicRelationIsReportedAsInfiniteByEstimateAndBmi()
    {
        // Y = 2X: the previous default printed 10.02 with a narrow CI and no warning.
        var rng = new Rng(6);
        var text = new StringBuilder("X1,Y1\n");
        for (int r = 0; r < 300; r++)
        {
            double x = rng.NextGaussian();
            text.Append(CultureInfo.InvariantCulture, $"{x:R},{2 * x:R}\n");
        }
        string csv = Write("deterministic.csv", text.ToString());
        var (exit, stdout, stderr) = CliRunner.Run("estimate", csv, "--splits", "4");
        Assert.True(exit == 0, stderr);
        Assert.Contains("MI            infinite", stdout);
        Assert.Contains("strictly increasing function of column 'X1'", stdout);
        var bmi = CliRunner.Run("bmi", csv, "1", "1");
        Assert.Equal("Infinity", bmi.Out.Trim());
    }

    [Fact]
    public void JsonToStdoutAndGaussianEstimatorAndSameSeedSameOutput()
    {
        string csv = GaussianCsv(800, 0.6);
        var first = CliRunner.Run("estimate", csv, "--estimator", "gaussian", "--json", "-", "--seed", "4");
        var second = CliRunner.Run("estimate", csv, "--estimator", "gaussian", "--json", "-", "--seed", "4", "--threads", "1");
        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Out, second.Out);
        using var doc = JsonDocument.Parse(first.Out);
        Assert.Equal("gaussian", doc.RootElement.GetProperty("estimator").GetString());
        Assert.Contains("bootstrap", doc.RootElement.GetProperty("uncertainty_method").GetString());
    }

    [Fact]
    public void BmiPrintsExactlyOneFloat()
    {
        string csv = GaussianCsv(600, 0.8, leading: "seed");
        var (exit, stdout, stderr) = CliRunner.Run("bmi", csv, "1", "1");
        Assert.True(exit == 0, stderr);
        string line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(stdout, line + Environment.NewLine);
        double mi = double.Parse(line, CultureInfo.InvariantCulture);
        Assert.InRange(mi, 0.35, 0.65);
        Assert.Equal(string.Empty, stderr);
        // The default is ksg-copula; plain KSG (scikit-learn's number) is one flag away and differs from it.
        Assert.Equal(stdout, CliRunner.Run("bmi", csv, "1", "1", "--estimator", "ksg-copula").Out);
        string plain = CliRunner.Run("bmi", csv, "1", "1", "--estimator", "ksg").Out;
        Assert.NotEqual(stdout, plain);
        Assert.InRange(double.Parse(plain, CultureInfo.InvariantCulture), 0.35, 0.65);
        var gaussian = CliRunner.Run("bmi", csv, "1", "1", "--estimator", "gaussian");
        Assert.InRange(double.Parse(gaussian.Out, CultureInfo.InvariantCulture), 0.4, 0.62);
    }

    [Fact]
    public void BmiJsonDashPrintsTheJsonLineInsteadOfTheFloat()
    {
        string csv = GaussianCsv(600, 0.8);
        string plain = CliRunner.Run("bmi", csv, "1", "1").Out;
        var (exit, stdout, stderr) = CliRunner.Run("bmi", csv, "1", "1", "--json", "-");
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(double.Parse(plain, CultureInfo.InvariantCulture), doc.RootElement.GetProperty("mi").GetDouble());
        Assert.True(doc.RootElement.GetProperty("cpu_seconds").GetDouble() >= 0);
        Assert.True(doc.RootElement.GetProperty("elapsed_seconds").GetDouble() > 0);
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "-")));
    }

    [Fact]
    public void ExplicitColumnsAndDelimiter()
    {
        string csv = Write("semi.csv", "a;b;c\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i};{i * i % 17};{Math.Sin(i)}\n")));
        var (exit, stdout, stderr) = CliRunner.Run("estimate", csv, "--x", "a", "--y", "2", "--delimiter", ";", "--splits", "4");
        Assert.True(exit == 0, stderr);
        Assert.Contains("X = a, Y = c", stdout);
    }

    [Theory]
    [InlineData("X1,Y1\n1,2\n3,oops\n", new string[0], "line 3, column 'Y1': not a number: 'oops'")]
    [InlineData("X1,Y1\n1,2\n3\n", new string[0], "line 3: expected 2 columns")]
    [InlineData("X1,Y1\n1,2\n2,2\n3,2\n4,2\n5,2\n6,2\n7,2\n8,2\n9,2\n", new string[0], "column 'Y1' is constant")]
    [InlineData("X1,Y1\n1,2\n2,3\n3,1\n", new string[0], "3 data row(s), but estimator ksg-copula needs at least 8")]
    [InlineData("a,b\n1,2\n", new[] { "--x", "a", "--y", "q" }, "--y: unknown column 'q'")]
    [InlineData("a,b\n1,2\n", new[] { "--x", "a", "--y", "0" }, "--y: column 'a' is in both X and Y")]
    [InlineData("X1,Y1\n1,2\n", new[] { "--estimator", "magic" }, "--estimator: unknown estimator 'magic'")]
    [InlineData("X1,Y1\n1,2\n", new[] { "--k", "0" }, "--k: must be at least 1")]
    [InlineData("X1,Y1\n1,2\n", new[] { "--delimiter", "ab" }, "--delimiter: expected one character")]
    public void BadInputExitsWithCode2AndOneLine(string text, string[] extra, string expected)
    {
        string csv = Write("bad.csv", text);
        var (exit, stdout, stderr) = CliRunner.Run(["estimate", csv, .. extra]);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void BmiBadDimensionsAndMissingFileExitWithCode2()
    {
        string csv = GaussianCsv(50, 0.5);
        Assert.Equal(2, CliRunner.Run("bmi", csv, "2", "1").Exit);
        Assert.Equal(2, CliRunner.Run("bmi", csv, "0", "1").Exit);
        Assert.Equal(2, CliRunner.Run("bmi", Path.Combine(_dir, "none.csv"), "1", "1").Exit);
        Assert.Equal(2, CliRunner.Run("bmi", csv, "one", "1").Exit);
    }
}
