using System.Globalization;
using System.Text;
using System.Text.Json;
using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Randomness;

namespace MutualInfo.Cli.Tests;

/// <summary>The library's one calls and `mi estimate`, `mi simulate`, `mi rank` are the same pipelines: same input, same seed, same numbers.</summary>
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

    [Fact]
    public void Facade_with_any_estimator_returns_what_mi_estimate_prints_for_it()
    {
        string path = WriteGaussianTable(400, 11);
        var (exit, stdout, stderr) = CliRunner.Run("estimate", path, "--estimator", "ksg2", "--k", "4", "--splits", "6", "--permutations", "20",
            "--seed", "4", "--threads", "2", "--json", "-");
        Assert.True(exit == 0, stderr);
        var cli = JsonDocument.Parse(stdout).RootElement;
        var samples = CsvSamples.Read(path, ColumnChoice.FromSpecs("x", "y"));
        var estimator = new KsgEstimator(new KsgOptions { K = 4, Variant = KsgVariant.Second, Splits = 6, Threads = 1 });
        var lib = MutualInformation.Estimate(samples, estimator, standardize: true, permutations: 20, seed: 4);
        Assert.Equal(cli.GetProperty("mi").GetDouble(), lib.Mi);
        Assert.Equal(cli.GetProperty("std_error").GetDouble(), lib.StdError);
        Assert.Equal(cli.GetProperty("p_value").GetDouble(), lib.PValue);
    }

    [Fact]
    public void Simulations_run_returns_what_mi_simulate_json_prints()
    {
        var (exit, stdout, stderr) = CliRunner.Run("simulate", "--family", "gaussian:dim=2,mi=1.5", "--bounds", "infonce,nwj,smile:tau=3",
            "--n", "4,32", "--trials", "300", "--seed", "9", "--threads", "1", "--json", "-");
        Assert.True(exit == 0, stderr);
        var rows = JsonDocument.Parse(stdout).RootElement.GetProperty("runs")[0].GetProperty("rows").EnumerateArray().ToArray();
        var lib = Simulations.Run("gaussian:dim=2,mi=1.5", "infonce,nwj,smile:tau=3", [4, 32], trials: 300, seed: 9, threads: 2);
        Assert.Equal(rows.Length, lib.Rows.Count);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].GetProperty("bound").GetString(), lib.Rows[i].Bound);
            Assert.Equal(rows[i].GetProperty("n").GetInt32(), lib.Rows[i].N);
            Assert.Equal(rows[i].GetProperty("mean").GetDouble(), lib.Rows[i].Estimate.Mean);
            Assert.Equal(rows[i].GetProperty("std_error").GetDouble(), lib.Rows[i].Estimate.StdError);
        }
    }

    [Fact]
    public void Target_gap_returns_what_mi_simulate_target_gap_json_prints()
    {
        var (exit, stdout, stderr) = CliRunner.Run("simulate", "--family", "gaussian:dim=2,mi=1", "--family", "student-t:dx=1,dy=1,dof=3",
            "--bounds", "infonce,nwj", "--target-gap", "0.15", "--max-n", "2^10", "--trials", "80", "--seed", "7", "--critic", "scale=0.9",
            "--threads", "2", "--json", "-");
        Assert.True(exit == 0, stderr);
        var lib = Simulations.TargetGap(["gaussian:dim=2,mi=1", "student-t:dx=1,dy=1,dof=3"], "infonce,nwj", delta: 0.15, maxN: 1 << 10,
            trials: 80, seed: 7, threads: 1, critic: "scale=0.9");
        AssertGapJsonIs(lib, stdout);
    }

    [Fact]
    public void Sweep_mi_returns_what_mi_simulate_sweep_mi_json_prints()
    {
        var (exit, stdout, stderr) = CliRunner.Run("simulate", "--sweep-mi", "0.5..1:0.5", "--bounds", "infonce", "--max-n", "2^9",
            "--trials", "60", "--seed", "3", "--no-control-variate", "--json", "-");
        Assert.True(exit == 0, stderr);
        var lib = Simulations.SweepMi([0.5, 1], "infonce", maxN: 1 << 9, trials: 60, seed: 3, controlVariate: false);
        AssertGapJsonIs(lib, stdout);
    }

    private static void AssertGapJsonIs(TargetGapResult lib, string cliJson)
    {
        var cli = JsonDocument.Parse(cliJson).RootElement;
        Assert.Equal(cli.GetProperty("target_gap").GetDouble(), lib.Delta);
        Assert.Equal(cli.GetProperty("max_n").GetInt32(), lib.MaxN);
        var searches = cli.GetProperty("searches").EnumerateArray().ToArray();
        Assert.Equal(searches.Length, lib.Searches.Count);
        for (int f = 0; f < searches.Length; f++)
        {
            Assert.Equal(searches[f].GetProperty("family").GetString(), lib.Searches[f].Family);
            Assert.Equal(searches[f].GetProperty("critic").GetString(), lib.Searches[f].Critic);
            var results = searches[f].GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(results.Length, lib.Searches[f].Results.Count);
            for (int b = 0; b < results.Length; b++)
            {
                var expected = lib.Searches[f].Results[b];
                Assert.Equal(results[b].GetProperty("spec").GetString(), expected.Spec);
                Assert.Equal(Count(results[b].GetProperty("n_needed")), expected.NNeeded);
                Assert.Equal(Count(results[b].GetProperty("n_ci95")[0]), expected.NLow);
                Assert.Equal(Count(results[b].GetProperty("n_ci95")[1]), expected.NHigh);
                if (expected.EstimateAtN is { } atN) Assert.Equal(results[b].GetProperty("mean_at_n").GetDouble(), atN.Mean);
            }
        }
        // And the whole document is the library result written by the CLI's writer: nothing else goes in.
        using var buffer = new MemoryStream();
        MutualInfo.Cli.Simulate.GapSearchOutput.WriteJson(lib.Searches, buffer);
        Assert.Equal(Encoding.UTF8.GetString(buffer.ToArray()), cliJson);
    }

    private static int? Count(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();

    [Fact]
    public void Run_shard_returns_what_mi_simulate_shard_writes_and_merge_what_mi_simulate_merge_prints()
    {
        string[] families = ["gaussian:dim=2,mi=1.5", "student-t:dx=1,dy=1,dof=3"];
        var files = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string file = Path.Combine(_dir, $"shard-{i}.json");
            var (exit, stdout, stderr) = CliRunner.Run("simulate", "--family", families[0], "--family", families[1], "--bounds", "infonce,dv",
                "--n", "4,64", "--trials", "50", "--seed", "8", "--critic", "clip=4", "--conditional-positives", "16", "--threads", "2",
                "--shard", $"{i}/3", "--json", file);
            Assert.True(exit == 0, stderr);
            SimulationShard lib = Simulations.RunShard(families, "infonce,dv", [4, 64], shardIndex: i, shardCount: 3, trials: 50, seed: 8,
                threads: 1, critic: "clip=4", conditionalPositives: 16);
            using var written = new MemoryStream();
            lib.WriteTo(written);
            Assert.Equal(written.ToArray(), File.ReadAllBytes(file));
            Assert.Contains($"(shard {i}/3: {lib.TrialsInShard} of 50 trials per family)", stdout);
            files.Add(file);
        }
        var merged = CliRunner.Run(["simulate", "merge", .. files, "--json", "-"]);
        Assert.True(merged.Exit == 0, merged.Err);
        var shards = files.Select(f => { using var stream = File.OpenRead(f); return SimulationShard.Read(stream); }).ToArray();
        var runs = Simulations.Merge(shards);
        using var json = new MemoryStream();
        MutualInfo.Cli.Simulate.SimulationJson.Write(runs, json);
        Assert.Equal(Encoding.UTF8.GetString(json.ToArray()), merged.Out);
        var cliRows = JsonDocument.Parse(merged.Out).RootElement.GetProperty("runs")[1].GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(cliRows.Select(r => r.GetProperty("mean").GetDouble()), runs[1].Rows.Select(r => r.Estimate.Mean));
    }

    [Fact]
    public void Conditional_mi_returns_what_mi_estimate_with_z_prints()
    {
        string path = WriteGaussianTable(500, 12);
        var (exit, stdout, stderr) = CliRunner.Run("estimate", path, "--x", "x", "--y", "y", "--z", "z", "--splits", "6", "--permutations", "20",
            "--seed", "5", "--json", "-");
        Assert.True(exit == 0, stderr);
        var cli = JsonDocument.Parse(stdout).RootElement;
        var samples = ConditionalCsv.Read(path, new ConditionalColumns("x", "y", "z", null));
        var lib = ConditionalMi.Estimate(samples, ConditionalMi.Auto, new CmiOptions { Splits = 6, Threads = 2 }, permutations: 20, seed: 5);
        Assert.Equal(cli.GetProperty("estimator").GetString(), lib.Estimator);
        Assert.Equal(cli.GetProperty("mi").GetDouble(), lib.Mi);
        Assert.Equal(cli.GetProperty("std_error").GetDouble(), lib.StdError);
        Assert.Equal(cli.GetProperty("p_value").GetDouble(), lib.PValue);
    }

    [Fact]
    public void Feature_ranking_returns_what_mi_rank_prints()
    {
        string path = WriteGaussianTable(300, 13);
        var (exit, stdout, stderr) = CliRunner.Run("rank", path, "--target", "y", "--permutations", "30", "--splits", "4", "--seed", "6", "--json", "-");
        Assert.True(exit == 0, stderr);
        var cli = JsonDocument.Parse(stdout).RootElement.GetProperty("features").EnumerateArray().ToArray();
        var samples = ConditionalCsv.Read(path, new ConditionalColumns("x,z", "y", null, null));
        var lib = FeatureRanking.Rank(samples.X, samples.Y, new RankOptions { Permutations = 30, Splits = 4, Threads = 1 }, seed: 6);
        Assert.Equal(cli.Select(f => f.GetProperty("name").GetString()), lib.Features.Select(f => f.Name));
        for (int i = 0; i < cli.Length; i++)
        {
            Assert.Equal(cli[i].GetProperty("mi").GetDouble(), lib.Features[i].Mi);
            Assert.Equal(cli[i].GetProperty("p_value").GetDouble(), lib.Features[i].PValue);
            Assert.Equal(cli[i].GetProperty("q_value").GetDouble(), lib.Features[i].QValue);
        }
    }

    // Columns x, y, z: Z a common cause of X and Y (so I(X;Y) > 0 and I(X;Y|Z) = 0).
    private string WriteGaussianTable(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var csv = new StringBuilder("x,y,z\n");
        for (int i = 0; i < n; i++)
        {
            double z = rng.NextGaussian();
            csv.Append(CultureInfo.InvariantCulture, $"{z + rng.NextGaussian():R},{z + rng.NextGaussian():R},{z:R}\n");
        }
        string path = Path.Combine(_dir, $"table{seed}.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
