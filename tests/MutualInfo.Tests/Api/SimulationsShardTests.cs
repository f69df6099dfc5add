using System.Text;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;

namespace MutualInfo.Tests.Api;

public class SimulationsShardTests
{
    private static readonly string[] Families = ["gaussian:dim=3,mi=2", "uniform-additive:eps=0.2"];

    private static SimulationShard Shard(int index, int count = 3, NegativeSampling negatives = NegativeSampling.Independent, ulong seed = 5) =>
        Simulations.RunShard(Families, "infonce,smile:tau=2,nwj", negatives == NegativeSampling.Independent ? [2, 16, 128] : [4, 32], index, count,
            trials: 40, seed: seed, threads: 2, negatives: negatives, critic: "noise=0.3");

    [Theory]
    [InlineData(NegativeSampling.Independent)]
    [InlineData(NegativeSampling.InBatch)]
    public void Merged_shards_in_any_order_are_the_unsharded_run_to_the_last_bit(NegativeSampling negatives)
    {
        var shards = new[] { Shard(2, negatives: negatives), Shard(0, negatives: negatives), Shard(1, negatives: negatives) };
        IReadOnlyList<SimulationRun> merged = Simulations.Merge(shards);
        Assert.Equal(2, merged.Count);
        for (int f = 0; f < Families.Length; f++)
        {
            var whole = Simulator.Run(new SimulationSettings(FamilySpec.Parse(Families[f]),
                BoundSpec.ParseList("infonce,smile:tau=2,nwj"), negatives == NegativeSampling.Independent ? [2, 16, 128] : [4, 32], 40,
                negatives, 5, 1, Critic: CriticSpec.Parse("noise=0.3")));
            Assert.Equal(whole.Rows, merged[f].Rows);
            Assert.Equal(whole with { Rows = [] }, merged[f] with { Rows = [] });
        }
    }

    [Fact]
    public void A_shard_knows_its_place_and_its_trials()
    {
        SimulationShard shard = Shard(1);
        Assert.Equal(1, shard.Index);
        Assert.Equal(3, shard.Count);
        Assert.Equal(40, shard.Trials);
        Assert.Equal(13, shard.TrialsInShard);   // t = 1, 4, …, 37
        Assert.Equal(14, Shard(0).TrialsInShard);
        Assert.Equal(Families, shard.Families);
    }

    [Fact]
    public void A_shard_written_and_read_back_merges_to_the_same_rows_and_writes_the_same_bytes()
    {
        SimulationShard[] shards = [Shard(0), Shard(1), Shard(2)];
        var reread = shards.Select(s =>
        {
            using var buffer = new MemoryStream();
            s.WriteTo(buffer);
            buffer.Position = 0;
            SimulationShard back = SimulationShard.Read(buffer);
            using var again = new MemoryStream();
            back.WriteTo(again);
            Assert.Equal(buffer.ToArray(), again.ToArray());
            return back;
        }).ToArray();
        Assert.Equal(Simulations.Merge(shards).SelectMany(r => r.Rows), Simulations.Merge(reread).SelectMany(r => r.Rows));
    }

    [Theory]
    [InlineData("not json", "")]
    [InlineData("{\"format\":\"mi-bench/1\"}", "not a `mi simulate --shard` file")]
    [InlineData("{\"format\":\"mi-simulate-shard/3\",\"shard\":\"0/2\"}", "")]
    [InlineData("{\"format\":\"mi-simulate-shard/3\",\"shard\":\"5/2\"}", "shard: ")]
    public void A_damaged_file_is_invalid_data_saying_what(string text, string says)
    {
        var error = Assert.Throws<InvalidDataException>(() => SimulationShard.Read(new MemoryStream(Encoding.UTF8.GetBytes(text))));
        Assert.Contains(says, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Theory]
    [InlineData("families", "empty")]
    [InlineData("families", "gaussian:dim=0,mi=1")]
    [InlineData("families", "gaussian:dim=1,rho=0.75+normal-cdf+swiss-roll:x")]
    [InlineData("bounds", "infonse")]
    [InlineData("batchSizes", "1")]
    [InlineData("shardIndex", "-1")]
    [InlineData("shardIndex", "3")]
    [InlineData("shardCount", "0")]
    [InlineData("shardCount", "11")]
    [InlineData("trials", "1")]
    [InlineData("threads", "0")]
    [InlineData("negatives", "7")]
    [InlineData("critic", "warp=1")]
    [InlineData("conditionalPositives", "-1")]
    public void Run_shard_errors_name_their_parameter(string parameter, string value)
    {
        int Number(int otherwise) => parameter is "batchSizes" or "shardIndex" or "shardCount" or "trials" or "threads" or "conditionalPositives"
            ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : otherwise;
        string[] families = parameter == "families" ? value == "empty" ? [] : [value] : ["gaussian:dim=1,mi=1"];
        var error = Assert.ThrowsAny<ArgumentException>(() => Simulations.RunShard(families,
            parameter == "bounds" ? value : "infonce",
            [parameter == "batchSizes" ? Number(4) : 4],
            shardIndex: parameter == "shardIndex" ? Number(0) : 0,
            shardCount: parameter == "shardCount" ? Number(3) : 3,
            trials: parameter == "trials" ? Number(10) : 10,
            threads: parameter == "threads" ? Number(1) : 1,
            negatives: parameter == "negatives" ? (NegativeSampling)7 : NegativeSampling.Independent,
            critic: parameter == "critic" ? value : "exact",
            conditionalPositives: parameter == "conditionalPositives" ? Number(0) : 0));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Merge_needs_every_shard_of_one_run_once()
    {
        Assert.Equal("shards", Assert.Throws<ArgumentException>(() => Simulations.Merge([])).ParamName);
        Assert.Equal("shards", Assert.Throws<ArgumentException>(() => Simulations.Merge([Shard(0), Shard(1)])).ParamName);
        Assert.Equal("shards", Assert.Throws<ArgumentException>(() => Simulations.Merge([Shard(0), Shard(1), Shard(1)])).ParamName);
        var mixed = Assert.Throws<ArgumentException>(() => Simulations.Merge([Shard(0), Shard(1), Shard(2, seed: 6)]));
        Assert.Equal("shards", mixed.ParamName);
        Assert.Contains("different runs", mixed.Message);
    }

    [Fact]
    public void A_shard_missing_a_bound_says_so_in_the_merge_error()
    {
        // Three bounds, but one block of shard 1 holds the values of two: the error must say which count is wrong.
        using var buffer = new MemoryStream();
        Shard(1).WriteTo(buffer);
        var root = System.Text.Json.Nodes.JsonNode.Parse(buffer.ToArray())!;
        root["families"]![0]!["blocks"]![0]!["values"]!.AsArray().RemoveAt(2);
        SimulationShard damaged = SimulationShard.Read(new MemoryStream(Encoding.UTF8.GetBytes(root.ToJsonString())));
        var error = Assert.Throws<ArgumentException>(() => Simulations.Merge([Shard(0), damaged, Shard(2)]));
        Assert.Equal("shards", error.ParamName);
        Assert.Contains("shard 1/3 holds values of 2 bounds at n = 2, expected 3", error.Message);
    }
}
