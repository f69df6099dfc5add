using System.Globalization;
using System.Text;
using System.Text.Json;
using MutualInfo.Randomness;

namespace MutualInfo.Cli.Tests;

/// <summary>`mi bmi --json` writes valid JSON whatever the estimate: a non-finite MI is null, as everywhere else.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BmiJsonTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mi-bmi-json-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_infinite_estimate_is_written_as_null_in_valid_json()
    {
        // Y = 2X: the default estimator reports +∞; the JSON line used to carry it as the bare text "∞".
        var rng = new Rng(6);
        var text = new StringBuilder("X1,Y1\n");
        for (int r = 0; r < 200; r++)
        {
            double x = rng.NextGaussian();
            text.Append(CultureInfo.InvariantCulture, $"{x:R},{2 * x:R}\n");
        }
        string csv = Path.Combine(_dir, "deterministic.csv");
        File.WriteAllText(csv, text.ToString());
        string json = Path.Combine(_dir, "out.json");

        var (exit, stdout, stderr) = CliRunner.Run("bmi", csv, "1", "1", "--json", json, "--seed", "3");
        Assert.True(exit == 0, stderr);
        Assert.Equal("Infinity", stdout.Trim());
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("mi").ValueKind);
        Assert.Equal("ksg-copula", root.GetProperty("estimator").GetString());
        Assert.Equal(200, root.GetProperty("n_samples").GetInt32());
        Assert.Equal(1, root.GetProperty("dim_x").GetInt32());
        Assert.Equal(1, root.GetProperty("dim_y").GetInt32());
        Assert.Equal(3UL, root.GetProperty("seed").GetUInt64());
        Assert.True(root.GetProperty("elapsed_seconds").GetDouble() >= 0);
        Assert.True(root.GetProperty("cpu_seconds").GetDouble() >= 0);
    }
}
