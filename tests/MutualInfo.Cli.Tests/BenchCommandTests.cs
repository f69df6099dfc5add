using System.Text.Json;
using System.Text.Json.Nodes;

namespace MutualInfo.Cli.Tests;

/// <summary>One small unsharded `mi bench` run shared by the tests that compare other runs with it.</summary>
public sealed class SmallBenchRun : IDisposable
{
    public static readonly string[] Grid =
    [
        "bench", "--tasks", "1v1-normal-0.75,student-t-1-1-dof1", "--tasks", "discrete-2x2",
        "--estimators", "ksg:splits=2,gaussian:resamples=4", "--samples", "150", "--seeds", "2", "--seed", "5", "--threads", "2",
    ];

    public const int Cells = 3 * 2 * 2;

    public SmallBenchRun()
    {
        var result = CliProcess.RunIn(Dir.Path, [.. Grid, "--json", "whole.json", "--csv", "whole.csv"]);
        if (result.ExitCode != 0) throw new InvalidOperationException(result.Stderr);
        Stdout = result.Stdout;
        Json = File.ReadAllText(Dir.File("whole.json"));
    }

    internal TempDirectory Dir { get; } = new();
    public string Stdout { get; }
    public string Json { get; }

    public void Dispose() => Dir.Dispose();

    /// <summary>The report without the timing fields, which are the only non-deterministic part.</summary>
    public static string WithoutTiming(string json)
    {
        JsonNode root = JsonNode.Parse(json)!;
        foreach (JsonNode? cell in root["cells"]!.AsArray()) cell!.AsObject().Remove("seconds");
        return root.ToJsonString();
    }
}

public sealed class BenchCommandTests(SmallBenchRun run) : IClassFixture<SmallBenchRun>
{
    [Fact]
    public void Whole_run_writes_the_contract_fields_table_and_csv()
    {
        using var doc = JsonDocument.Parse(run.Json);
        JsonElement root = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("shard").ValueKind);
        Assert.Equal(["ksg:splits=2", "gaussian:resamples=4"], root.GetProperty("grid").GetProperty("estimators").EnumerateArray().Select(e => e.GetString()));
        JsonElement cells = root.GetProperty("cells");
        Assert.Equal(SmallBenchRun.Cells, cells.GetArrayLength());
        JsonElement first = cells[0];
        Assert.Equal("1v1-normal-0.75", first.GetProperty("task").GetString());
        Assert.Equal("ksg:splits=2", first.GetProperty("estimator").GetString());
        Assert.Equal(150, first.GetProperty("samples").GetInt32());
        Assert.Equal(5UL, first.GetProperty("seed").GetUInt64());
        Assert.Equal(-0.5 * Math.Log(1 - 0.5625), first.GetProperty("truth").GetDouble(), 12);
        double mi = first.GetProperty("mi").GetDouble();
        JsonElement ci = first.GetProperty("ci95");
        Assert.True(ci[0].GetDouble() < mi && mi < ci[1].GetDouble());
        Assert.True(first.GetProperty("seconds").GetDouble() >= 0);
        Assert.Contains("discrete-2x2", run.Stdout);
        Assert.Contains("ksg:splits=2", run.Stdout);
        string[] csv = File.ReadAllLines(run.Dir.File("whole.csv"));
        Assert.Equal(1 + SmallBenchRun.Cells, csv.Length);
        Assert.StartsWith("1v1-normal-0.75,ksg:splits=2,150,5,", csv[1]);
        Assert.False(File.Exists(run.Dir.File("whole.json.partial.jsonl")), "the partial store is removed after a complete run");
    }

    [Fact]
    public void Three_shards_merged_equal_the_unsharded_run()
    {
        using var dir = new TempDirectory();
        for (int i = 0; i < 3; i++)
        {
            var shard = CliProcess.RunIn(dir.Path, [.. SmallBenchRun.Grid, "--shard", $"{i}/3"]);
            Assert.True(shard.ExitCode == 0, shard.Stderr);
            Assert.True(File.Exists(dir.File($"bench.shard-{i}-of-3.json")));
        }
        var merged = CliProcess.RunIn(dir.Path, "bench", "merge", "bench.shard-2-of-3.json", "bench.shard-0-of-3.json", "bench.shard-1-of-3.json",
            "--json", "merged.json", "--plot", "merged.svg");
        Assert.True(merged.ExitCode == 0, merged.Stderr);
        Assert.Equal(SmallBenchRun.WithoutTiming(run.Json), SmallBenchRun.WithoutTiming(File.ReadAllText(dir.File("merged.json"))));
        Assert.Contains("<svg", File.ReadAllText(dir.File("merged.svg")));
        Assert.Contains("<svg", File.ReadAllText(dir.File("merged-bias.svg")));

        var partial = CliProcess.RunIn(dir.Path, "bench", "merge", "bench.shard-0-of-3.json", "--json", "p.json");
        Assert.Equal(2, partial.ExitCode);
        Assert.StartsWith("mi: error: merge: 8 of 12 cells are in no input (e.g. task=1v1-normal-0.75", partial.Stderr);
        Assert.Single(partial.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(dir.File("p.json")));
        var allowed = CliProcess.RunIn(dir.Path, "bench", "merge", "bench.shard-0-of-3.json", "--json", "p.json", "--allow-missing");
        Assert.True(allowed.ExitCode == 0, allowed.Stderr);
        Assert.Equal(4, JsonDocument.Parse(File.ReadAllText(dir.File("p.json"))).RootElement.GetProperty("cells").GetArrayLength());
    }

    [Fact]
    public void Resumed_run_keeps_existing_cells_and_equals_an_uninterrupted_run()
    {
        using var dir = new TempDirectory();
        const double Sentinel = 12345;
        // An interrupted run: five finished cells (marked by an impossible time) and a line torn mid-write.
        var cells = JsonNode.Parse(run.Json)!["cells"]!.AsArray();
        var lines = cells.Take(5).Select(c =>
        {
            var copy = c!.DeepClone().AsObject();
            copy["seconds"] = Sentinel;
            return copy.ToJsonString();
        });
        File.WriteAllText(dir.File("r.json.partial.jsonl"), string.Join("\n", lines) + "\n" + cells[5]!.ToJsonString()[..30]);

        var resumed = CliProcess.RunIn(dir.Path, [.. SmallBenchRun.Grid, "--json", "r.json"]);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("resuming, 5 of 12 cells already in", resumed.Stderr);
        Assert.Equal(SmallBenchRun.Cells - 5, resumed.Stderr.Split('\n').Count(l => l.StartsWith("bench [", StringComparison.Ordinal)));
        string json = File.ReadAllText(dir.File("r.json"));
        Assert.Equal(SmallBenchRun.WithoutTiming(run.Json), SmallBenchRun.WithoutTiming(json));
        var seconds = JsonNode.Parse(json)!["cells"]!.AsArray().Select(c => c!["seconds"]!.GetValue<double>()).ToArray();
        Assert.All(seconds.Take(5), s => Assert.Equal(Sentinel, s));
        Assert.All(seconds.Skip(5), s => Assert.NotEqual(Sentinel, s));
    }

    [Fact]
    public void Tasks_json_lists_at_least_twenty_tasks_with_the_contract_fields()
    {
        using var dir = new TempDirectory();
        var result = CliProcess.RunIn(dir.Path, "tasks", "--json", "tasks.json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("mi-ladder-2d-10", result.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("tasks.json")));
        var tasks = doc.RootElement.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.True(tasks.Length >= 20);
        Assert.Equal(tasks.Length, tasks.Select(t => t.GetProperty("name").GetString()).Distinct().Count());
        JsonElement t0 = tasks.Single(t => t.GetProperty("name").GetString() == "multinormal-sparse-5-5-2-0.8");
        Assert.Equal(5, t0.GetProperty("dim_x").GetInt32());
        Assert.Equal(5, t0.GetProperty("dim_y").GetInt32());
        Assert.Equal(-Math.Log(1 - 0.64), t0.GetProperty("mi").GetDouble(), 12);
        Assert.StartsWith("multinormal:sparse=2", t0.GetProperty("family").GetString());

        var toStdout = CliProcess.RunIn(dir.Path, "tasks", "--tasks", "student-t-*", "--json", "-");
        Assert.True(toStdout.ExitCode == 0, toStdout.Stderr);
        using var filtered = JsonDocument.Parse(toStdout.Stdout);
        Assert.All(filtered.RootElement.GetProperty("tasks").EnumerateArray(), t => Assert.StartsWith("student-t-", t.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("--tasks: 'nope*' matches no task", "bench", "--tasks", "nope*")]
    [InlineData("--tasks: 'zzz' matches no task", "tasks", "--tasks", "zzz")]
    [InlineData("--estimators: unknown estimator 'foo'", "bench", "--tasks", "1v1-normal-0.75", "--estimators", "foo")]
    [InlineData("--estimators: unknown key 'q'", "bench", "--tasks", "1v1-normal-0.75", "--estimators", "ksg:q=1")]
    [InlineData("--estimators: key 'k' does not apply to gaussian", "bench", "--tasks", "1v1-normal-0.75", "--estimators", "gaussian:k=3")]
    [InlineData("--estimators: 'ksg:k=0': --k: must be at least 1", "bench", "--tasks", "1v1-normal-0.75", "--estimators", "ksg:k=0")]
    [InlineData("--shard: need k ≥ 1 and 0 ≤ i < k", "bench", "--tasks", "1v1-normal-0.75", "--shard", "2/2")]
    [InlineData("--shard: expected i/k", "bench", "--tasks", "1v1-normal-0.75", "--shard", "x")]
    [InlineData("--samples: 5 pairs are too few for estimator 'ksg'", "bench", "--tasks", "1v1-normal-0.75", "--samples", "5")]
    [InlineData("--seeds: must be at least 1", "bench", "--tasks", "1v1-normal-0.75", "--seeds", "0")]
    [InlineData("--plot: the file must end in .png or .svg", "bench", "--tasks", "1v1-normal-0.75", "--samples", "20", "--plot", "a.pdf")]
    [InlineData("--csv: cannot write 'no/such/dir/x.csv': directory does not exist", "bench", "--tasks", "1v1-normal-0.75", "--samples", "20", "--csv", "no/such/dir/x.csv")]
    [InlineData("--json: `mi bench` needs a file", "bench", "--tasks", "1v1-normal-0.75", "--samples", "20", "--json", "-")]
    [InlineData("merge: cannot read 'absent.json'", "bench", "merge", "absent.json")]
    [InlineData("merge: cannot read 'garbage.json'", "bench", "merge", "garbage.json")]
    public void Bad_input_exits_2_with_one_line(string expected, params string[] args)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("garbage.json"), "{\"cells\": [");
        var result = CliProcess.RunIn(dir.Path, args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mi: error: " + expected, result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => !f.EndsWith("garbage.json", StringComparison.Ordinal));
    }
}
