using System.Globalization;
using System.Text;
using System.Text.Json;
using MutualInfo.Randomness;

namespace MutualInfo.Cli.Tests;

/// <summary>The library's one call and `mi estimate` are the same pipeline: same CSV, same seed, same numbers.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class FacadeMatchesCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mi-facade-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0.7, 7UL)]
    [InlineData(0.0, 2UL)]
    public void Facade_returns_what_mi_estimate_json_prints(double rho, ulong seed)
    {
        const int n = 600;
        var rng = new Rng(5);
        var x = new double[n, 2];
        var y = new double[n, 1];
        var csv = new StringBuilder("X1,X2,Y1\n");
        for (int i = 0; i < n; i++)
        {
            // Units far apart, as real columns often are: the CLI and the facade must both standardise.
            x[i, 0] = 1000 * rng.NextGaussian();
            x[i, 1] = 0.001 * rng.NextGaussian() + 3;
            y[i, 0] = rho * x[i, 0] / 1000 + Math.Sqrt(1 - rho * rho) * rng.NextGaussian();
            csv.Append(CultureInfo.InvariantCulture, $"{x[i, 0]:R},{x[i, 1]:R},{y[i, 0]:R}\n");
        }
        string path = Path.Combine(_dir, "data.csv");
        File.WriteAllText(path, csv.ToString());

        var (exit, stdout, stderr) = CliRunner.Run("estimate", path, "--json", "-", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--threads", "2");
        Assert.True(exit == 0, stderr);
        var cli = JsonDocument.Parse(stdout).RootElement;
        var lib = MutualInformation.Estimate(x, y, new MutualInformationOptions { Threads = 1 }, seed);

        Assert.Equal(cli.GetProperty("estimator").GetString(), lib.Estimator);
        Assert.Equal(cli.GetProperty("mi").GetDouble(), lib.Mi);
        Assert.Equal(cli.GetProperty("std_error").GetDouble(), lib.StdError);
        Assert.Equal(cli.GetProperty("ci95")[0].GetDouble(), lib.Ci95Low);
        Assert.Equal(cli.GetProperty("ci95")[1].GetDouble(), lib.Ci95High);
        Assert.Equal(cli.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()), lib.Warnings);
        Assert.Equal(cli.GetProperty("uncertainty_method").GetString(), lib.UncertaintyMethod);
        var reliability = cli.GetProperty("reliability");
        Assert.Equal(reliability.GetProperty("verdict").GetString(), lib.Reliability.Verdict);
        Assert.Equal(reliability.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), lib.Reliability.Reasons);
    }
}
