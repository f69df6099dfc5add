using System.Text.Json;

namespace MutualInfo.Cli.Tests;

/// <summary>`--preset bmi-v1` in `mi bench` and `mi tasks`, including the shard-and-merge recipe.</summary>
public class BenchPresetCommandTests
{
    [Fact]
    public void Tasks_preset_lists_bmis_39_tasks_with_their_aliases()
    {
        var result = CliProcess.Run("tasks", "--preset", "bmi-v1", "--json", "-");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var tasks = doc.RootElement.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.Equal(39, tasks.Length);
        Assert.Equal("spiral-multinormal-sparse-25-25", tasks[32].GetProperty("name").GetString());
        Assert.Equal("spiral-multinormal-sparse-25-25-2-2.0", tasks[32].GetProperty("bmi_alias").GetString());
        Assert.All(tasks, t => Assert.Equal(JsonValueKind.String, t.GetProperty("bmi_alias").ValueKind));
    }

    [Fact]
    public void Preset_runs_at_n_5000_by_default_and_its_shards_merge_into_the_unsharded_run()
    {
        using var dir = new TempDirectory();
        string[] grid = ["bench", "--preset", "bmi-v1", "--tasks", "student-identity-2-2-*,1v1-normal-0.75", "--estimators", "gaussian:resamples=4", "--seeds", "2"];
        var whole = CliProcess.RunIn(dir.Path, [.. grid, "--json", "whole.json"]);
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        using (var doc = JsonDocument.Parse(File.ReadAllText(dir.File("whole.json"))))
        {
            JsonElement g = doc.RootElement.GetProperty("grid");
            Assert.Equal([5000], g.GetProperty("samples").EnumerateArray().Select(e => e.GetInt32()));
            // BMI's order, narrowed by name and alias.
            Assert.Equal(["1v1-normal-0.75", "student-t-2-2-dof1", "student-t-2-2-dof2"], g.GetProperty("tasks").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(3, doc.RootElement.GetProperty("summary").GetProperty("rows").GetArrayLength());
        }
        Assert.Contains("95% CI covers the truth in", whole.Stdout);
        for (int i = 0; i < 2; i++)
        {
            var shard = CliProcess.RunIn(dir.Path, [.. grid, "--shard", $"{i}/2"]);
            Assert.True(shard.ExitCode == 0, shard.Stderr);
        }
        var merged = CliProcess.RunIn(dir.Path, "bench", "merge", "bench.shard-0-of-2.json", "bench.shard-1-of-2.json", "--json", "merged.json");
        Assert.True(merged.ExitCode == 0, merged.Stderr);
        Assert.Equal(SmallBenchRun.WithoutTiming(File.ReadAllText(dir.File("whole.json"))), SmallBenchRun.WithoutTiming(File.ReadAllText(dir.File("merged.json"))));
    }

    [Theory]
    [InlineData("--preset: unknown preset 'bmi-v9'", "bench", "--preset", "bmi-v9")]
    [InlineData("--tasks: no task of the preset bmi-v1 matches 'discrete-2x2'", "bench", "--preset", "bmi-v1", "--tasks", "discrete-2x2")]
    [InlineData("--preset: unknown preset 'x'", "tasks", "--preset", "x")]
    public void Bad_preset_exits_2_with_one_line(string expected, params string[] args)
    {
        var result = CliProcess.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mi: error: " + expected, result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
