using MutualInfo.Data;
using MutualInfo.Estimators;

namespace MutualInfo.Tests.Api;

/// <summary>The &lt;example&gt; blocks of the entry points, run as written (data files made here), so they stay true.</summary>
public sealed class DocExamplesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mi-examples-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Estimate_example()
    {
        var rng = new Random(3);
        double[] x = new double[2000], y = new double[2000];
        for (int i = 0; i < x.Length; i++) { x[i] = rng.NextDouble(); y[i] = x[i] + 0.2 * rng.NextDouble(); }
        MiEstimate r = MutualInformation.Estimate(x, y, new MutualInformationOptions { K = 5, Permutations = 100 }, seed: 7);
        // Y = X + U(0, 0.2): I = ε − ln 2ε with ε = 0.1, 1.709 nats.
        Assert.InRange(1.709, r.Ci95Low - 0.1, r.Ci95High + 0.1);
        Assert.NotNull(r.PValue);
        Assert.True(r.PValue <= 0.02);
    }

    [Fact]
    public void InfoNce_example_is_at_most_log_n()
    {
        double[,] scores = { { 2.0, -1.0, -0.5 }, { -0.8, 1.5, -1.2 }, { -0.3, -0.9, 2.2 } };
        double lowerBound = Bound.InfoNce(scores);
        Assert.InRange(lowerBound, 0, Math.Log(3));
    }

    [Fact]
    public void Simulations_example_rows()
    {
        var result = Simulations.Run("gaussian:dim=1,mi=2", "infonce,loo-upper", [4, 16, 64], trials: 500, seed: 3);
        Assert.Equal(6, result.Rows.Count);
        foreach (var row in result.Rows.Where(r => r.Bound == "infonce")) Assert.True(row.Estimate.Mean <= Math.Log(row.N) + 1e-12);
    }

    [Fact]
    public void Target_gap_example_finds_an_n_inside_its_CI()
    {
        var result = Simulations.TargetGap(["gaussian:dim=1,mi=3"], "infonce", delta: 0.1, maxN: 1 << 14, trials: 200);
        var infoNce = result.ResultOf("infonce");
        Assert.InRange(Assert.NotNull(infoNce.NNeeded), Assert.NotNull(infoNce.NLow), Assert.NotNull(infoNce.NHigh));
    }

    [Fact]
    public void Sweep_example_needs_larger_n_for_larger_I()
    {
        var sweep = Simulations.SweepMi([1, 2, 3], "infonce", maxN: 1 << 12, trials: 100);
        int[] needed = sweep.Searches.Select(s => s.Results[0].NNeeded ?? int.MaxValue).ToArray();
        Assert.True(needed[0] < needed[1] && needed[1] < needed[2], string.Join(", ", needed));
    }

    [Fact]
    public void Run_shard_example_saves_four_shards_that_merge_into_the_unsharded_rows()
    {
        for (int i = 0; i < 4; i++)
        {
            var shard = Simulations.RunShard(["gaussian:dim=20,mi=10"], "infonce,loo-upper", [1024, 65536], shardIndex: i, shardCount: 4, trials: 400);
            using var file = File.Create(Path.Combine(_dir, $"shard-{i}.json"));
            shard.WriteTo(file);
        }
        var shards = Enumerable.Range(0, 4).Select(j => { using var file = File.OpenRead(Path.Combine(_dir, $"shard-{j}.json")); return SimulationShard.Read(file); }).ToArray();
        var rows = Simulations.Merge(shards)[0].Rows;
        Assert.Equal(Simulations.Run("gaussian:dim=20,mi=10", "infonce,loo-upper", [1024, 65536], trials: 400).Rows, rows);
    }

    [Fact]
    public void Merge_example_is_the_unsharded_run()
    {
        string[] family = ["gaussian:dim=2,mi=1"];
        var shards = Enumerable.Range(0, 3).Select(i => Simulations.RunShard(family, "infonce", [16, 256], shardIndex: i, shardCount: 3, trials: 300)).ToArray();
        var merged = Simulations.Merge(shards)[0];
        Assert.True(merged.Rows.SequenceEqual(Simulations.Run(family[0], "infonce", [16, 256], trials: 300).Rows));
    }

    [Fact]
    public void Cmi_and_rank_examples_read_the_file_they_name()
    {
        var rng = new Random(5);
        var lines = new List<string> { "x,y,z,a,b,c,label" };
        for (int i = 0; i < 300; i++)
        {
            double z = Gauss(rng), x = z + Gauss(rng), y = z + Gauss(rng), a = Gauss(rng);
            lines.Add(FormattableString.Invariant($"{x},{y},{z},{a},{Gauss(rng)},{Gauss(rng)},{a + 0.5 * Gauss(rng)}"));
        }
        string path = Path.Combine(_dir, "data.csv");
        File.WriteAllLines(path, lines);

        ConditionalSamples data = ConditionalCsv.Read(path, new ConditionalColumns(X: "x", Y: "y", Z: "z", Discrete: null));
        MiEstimate cmi = ConditionalMi.Estimate(data, permutations: 50, seed: 1);
        Assert.InRange(0.0, cmi.Ci95Low - 0.05, cmi.Ci95High + 0.05);   // X ⫫ Y | Z

        ConditionalSamples features = ConditionalCsv.Read(path, new ConditionalColumns(X: "a,b,c", Y: "label", Z: null, Discrete: null));
        RankResult ranking = FeatureRanking.Rank(features.X, features.Y, new RankOptions { Permutations = 50, Splits = 4 }, seed: 1);
        Assert.Equal("a", ranking.Features[0].Name);
    }

    private static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
