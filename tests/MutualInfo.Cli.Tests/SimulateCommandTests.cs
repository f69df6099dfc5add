using System.Text.Json;

namespace MutualInfo.Cli.Tests;

public class SimulateCommandTests
{
    [Fact]
    public void Writes_table_json_csv_and_plot_with_the_contract_fields()
    {
        using var dir = new TempDirectory();
        var result = CliProcess.RunIn(dir.Path, "simulate", "--family", "gaussian:dim=1,rho=0.8", "--family", "uniform-additive:eps=0.1",
            "--bounds", "infonce,mean-field,loo-upper,nwj", "--n", "2^1..2^6", "--trials", "50",
            "--json", "out.json", "--csv", "out.csv", "--plot", "out.svg", "--threads", "2");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("infonce", result.Stdout);
        Assert.Contains("0.5108", result.Stdout);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(dir.File("out.json")));
        JsonElement runs = json.RootElement.GetProperty("runs");
        Assert.Equal(2, runs.GetArrayLength());
        JsonElement run = runs[0];
        Assert.Equal(-0.5 * Math.Log(1 - 0.64), run.GetProperty("true_mi").GetDouble(), 12);
        Assert.Equal("independent", run.GetProperty("negatives").GetString());
        Assert.Equal(1UL, run.GetProperty("seed").GetUInt64());
        JsonElement rows = run.GetProperty("rows");
        Assert.Equal(6 * 4, rows.GetArrayLength());
        JsonElement row = rows[0];
        Assert.Equal("infonce", row.GetProperty("bound").GetString());
        Assert.Equal(2, row.GetProperty("n").GetInt32());
        Assert.Equal(Math.Log(2), row.GetProperty("log_n").GetDouble(), 12);
        double mean = row.GetProperty("mean").GetDouble(), se = row.GetProperty("std_error").GetDouble();
        JsonElement ci = row.GetProperty("ci95");
        Assert.Equal(mean - 1.959963984540054 * se, ci[0].GetDouble(), 9);
        Assert.Equal(mean + 1.959963984540054 * se, ci[1].GetDouble(), 9);
        Assert.InRange(row.GetProperty("frac_above_true").GetDouble(), 0, 1);
        Assert.Equal(50, row.GetProperty("trials").GetInt32());

        string[] csv = File.ReadAllLines(dir.File("out.csv"));
        Assert.Equal(1 + 2 * 24, csv.Length);
        Assert.StartsWith("family,true_mi,negatives,seed,bound,n,", csv[0]);
        string svg = File.ReadAllText(dir.File("out.svg"));
        Assert.Contains("<svg", svg);
        // One panel per family, no empty extra panel: each panel has its own title.
        Assert.Contains("gaussian:dim=1,rho=0.8", svg);
        Assert.Contains("uniform-additive:eps=0.1", svg);
    }

    [Fact]
    public void Parametrised_bounds_keep_their_specs_in_table_json_and_plot()
    {
        using var dir = new TempDirectory();
        var result = CliProcess.RunIn(dir.Path, "simulate", "--family", "gaussian:dim=2,mi=1", "--bounds", "smile:tau=1,smile:tau=10,infonce",
            "--n", "4,16", "--trials", "30", "--json", "out.json", "--plot", "out.svg", "--csv", "out.csv");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("smile(τ=1) ± SE", result.Stdout);
        Assert.Contains("smile(τ=10) ± SE", result.Stdout);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(dir.File("out.json")));
        JsonElement rows = json.RootElement.GetProperty("runs")[0].GetProperty("rows");
        Assert.Equal(6, rows.GetArrayLength());
        Assert.Equal(["smile:tau=1", "smile:tau=10", "infonce"], rows.EnumerateArray().Take(3).Select(r => r.GetProperty("spec").GetString()));
        Assert.All(rows.EnumerateArray().Take(2), r => Assert.Equal("smile", r.GetProperty("bound").GetString()));
        Assert.NotEqual(rows[0].GetProperty("mean").GetDouble(), rows[1].GetProperty("mean").GetDouble());
        string svg = File.ReadAllText(dir.File("out.svg"));
        Assert.Contains("smile(τ=1)", svg);
        Assert.Contains("smile(τ=10)", svg);
        Assert.Contains(",smile:tau=10,", File.ReadAllText(dir.File("out.csv")));
    }

    [Theory]
    [InlineData("smile,smile:tau=5")]
    [InlineData("infonce,nwj,infonce")]
    public void Duplicate_bound_specs_are_rejected(string bounds)
    {
        var result = CliProcess.Run("simulate", "--family", "gaussian:dim=1,rho=0.5", "--n", "4", "--trials", "5", "--bounds", bounds);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mi: error: --bounds: ", result.Stderr.Trim());
        Assert.Contains("twice", result.Stderr);
    }

    [Fact]
    public void Control_variate_fields_critic_and_lautum_are_in_the_json()
    {
        using var dir = new TempDirectory();
        var result = CliProcess.RunIn(dir.Path, "simulate", "--family", "gaussian:dim=4,mi=1", "--bounds", "infonce,club",
            "--n", "1024", "--trials", "200", "--critic", "scale=0.9,shift=|y|^2", "--json", "cv.json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("critic scale=0.9,shift=|y|^2", result.Stdout);
        Assert.Equal(0, CliProcess.RunIn(dir.Path, "simulate", "--family", "gaussian:dim=4,mi=1", "--bounds", "infonce,club",
            "--n", "1024", "--trials", "200", "--critic", "scale=0.9,shift=|y|^2", "--no-control-variate", "--json", "plain.json").ExitCode);
        using JsonDocument cv = JsonDocument.Parse(File.ReadAllText(dir.File("cv.json")));
        using JsonDocument plain = JsonDocument.Parse(File.ReadAllText(dir.File("plain.json")));
        JsonElement run = cv.RootElement.GetProperty("runs")[0];
        Assert.Equal("scale=0.9,shift=|y|^2", run.GetProperty("critic").GetString());
        Assert.True(run.GetProperty("control_variate").GetBoolean());
        Assert.False(plain.RootElement.GetProperty("runs")[0].GetProperty("control_variate").GetBoolean());
        double rho2 = 1 - Math.Exp(-0.5);
        Assert.Equal(4 * rho2 / (1 - rho2), run.GetProperty("club_exact").GetDouble(), 10);
        JsonElement row = run.GetProperty("rows")[0], plainRow = plain.RootElement.GetProperty("runs")[0].GetProperty("rows")[0];
        // The plain fields of a CV run are the plain run's numbers; the CV SE is far smaller at n = 1024.
        Assert.Equal(plainRow.GetProperty("mean").GetDouble(), row.GetProperty("mean_plain").GetDouble());
        Assert.Equal(plainRow.GetProperty("std_error").GetDouble(), row.GetProperty("std_error_plain").GetDouble());
        Assert.True(row.GetProperty("std_error").GetDouble() * 5 < row.GetProperty("std_error_plain").GetDouble());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("cv_coefficient").ValueKind);
        Assert.Equal(JsonValueKind.Null, plainRow.GetProperty("cv_coefficient").ValueKind);
    }

    [Fact]
    public void Target_gap_and_sweep_write_n_needed_with_a_CI()
    {
        using var dir = new TempDirectory();
        var gap = CliProcess.RunIn(dir.Path, "simulate", "--family", "gaussian:dim=2,mi=1", "--bounds", "infonce,mean-field",
            "--target-gap", "0.1", "--trials", "100", "--max-n", "2^12", "--json", "gap.json");
        Assert.True(gap.ExitCode == 0, gap.Stderr);
        Assert.Contains("n needed for |E[bound] − I| ≤ 0.1 nats", gap.Stdout);
        using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(dir.File("gap.json"))))
        {
            Assert.Equal(0.1, json.RootElement.GetProperty("target_gap").GetDouble());
            JsonElement result = json.RootElement.GetProperty("searches")[0].GetProperty("results")[0];
            Assert.Equal("infonce", result.GetProperty("spec").GetString());
            int n = result.GetProperty("n_needed").GetInt32();
            JsonElement ci = result.GetProperty("n_ci95");
            Assert.InRange(n, ci[0].GetInt32(), ci[1].GetInt32());
        }
        var sweep = CliProcess.RunIn(dir.Path, "simulate", "--sweep-mi", "0.5..1.5:0.5", "--bounds", "infonce", "--trials", "60",
            "--max-n", "2^10", "--json", "sweep.json", "--plot", "sweep.svg");
        Assert.True(sweep.ExitCode == 0, sweep.Stderr);
        using JsonDocument swept = JsonDocument.Parse(File.ReadAllText(dir.File("sweep.json")));
        Assert.Equal(["gaussian:dim=20,mi=0.5", "gaussian:dim=20,mi=1", "gaussian:dim=20,mi=1.5"],
            swept.RootElement.GetProperty("searches").EnumerateArray().Select(r => r.GetProperty("family").GetString()));
        Assert.Contains("n needed", File.ReadAllText(dir.File("sweep.svg")));
    }

    [Theory]
    [InlineData("independent")]
    [InlineData("in-batch")]
    public void Shards_merge_into_the_unsharded_result_byte_for_byte(string negatives)
    {
        using var dir = new TempDirectory();
        string[] run = ["simulate", "--family", "gaussian:dim=3,mi=2", "--family", "uniform-additive:eps=0.2", "--bounds", "infonce,smile:tau=2,club,nwj",
            "--n", negatives == "independent" ? "2^1..2^9" : "4,32", "--trials", "40", "--negatives", negatives, "--critic", "noise=0.3"];
        string[] other = [.. run, "--seed", "6"];
        run = [.. run, "--seed", "5"];
        Assert.Equal(0, CliProcess.RunIn(dir.Path, [.. run, "--json", "one.json", "--csv", "one.csv"]).ExitCode);
        for (int i = 0; i < 3; i++)
        {
            var shard = CliProcess.RunIn(dir.Path, [.. run, "--shard", $"{i}/3"]);
            Assert.True(shard.ExitCode == 0, shard.Stderr);
        }
        var merged = CliProcess.RunIn(dir.Path, "simulate", "merge", "simulate.shard-2-of-3.json", "simulate.shard-0-of-3.json",
            "simulate.shard-1-of-3.json", "--json", "merged.json", "--csv", "merged.csv");
        Assert.True(merged.ExitCode == 0, merged.Stderr);
        Assert.Equal(File.ReadAllBytes(dir.File("one.json")), File.ReadAllBytes(dir.File("merged.json")));
        Assert.Equal(File.ReadAllBytes(dir.File("one.csv")), File.ReadAllBytes(dir.File("merged.csv")));

        var missing = CliProcess.RunIn(dir.Path, "simulate", "merge", "simulate.shard-0-of-3.json", "simulate.shard-1-of-3.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("mi: error: merge: ", missing.Stderr.Trim());
        Assert.Equal(0, CliProcess.RunIn(dir.Path, [.. other, "--shard", "2/3", "--json", "other.json"]).ExitCode);
        var mixed = CliProcess.RunIn(dir.Path, "simulate", "merge", "simulate.shard-0-of-3.json", "simulate.shard-1-of-3.json", "other.json");
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("different runs", mixed.Stderr);
    }

    [Fact]
    public void A_damaged_shard_file_is_named_in_the_one_line_error()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("garbage.json"), "{\"format\": \"mi-simulate-shard/3\", \"shard\": ");
        var result = CliProcess.RunIn(dir.Path, "simulate", "merge", "garbage.json");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mi: error: merge: cannot read 'garbage.json': ", result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Png_plot_is_a_png()
    {
        using var dir = new TempDirectory();
        var result = CliProcess.RunIn(dir.Path, "simulate", "--family", "gaussian:dim=2,mi=1", "--n", "4,16", "--trials", "20", "--plot", "p.png");
        Assert.True(result.ExitCode == 0, result.Stderr);
        byte[] bytes = File.ReadAllBytes(dir.File("p.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.True(bytes.Length > 10_000, "a plot with text and lines is not tiny");
    }

    [Fact]
    public void Json_is_identical_for_one_and_two_threads()
    {
        using var dir = new TempDirectory();
        string[] common = ["simulate", "--family", "student-t:dx=1,dy=2,dof=3", "--bounds", "infonce,smile,dv", "--n", "2,64", "--trials", "40", "--seed", "9"];
        Assert.Equal(0, CliProcess.RunIn(dir.Path, [.. common, "--threads", "1", "--json", "a.json"]).ExitCode);
        Assert.Equal(0, CliProcess.RunIn(dir.Path, [.. common, "--threads", "2", "--json", "b.json"]).ExitCode);
        Assert.Equal(File.ReadAllText(dir.File("a.json")), File.ReadAllText(dir.File("b.json")));
    }

    [Fact]
    public void Progress_goes_to_stderr_as_plain_lines_when_redirected()
    {
        var result = CliProcess.Run("simulate", "--family", "gaussian:dim=1,rho=0.5", "--n", "8", "--trials", "10");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("simulate: 100.0%", result.Stderr);
        Assert.DoesNotContain("\r", result.Stderr);
        Assert.DoesNotContain("simulate:", result.Stdout);
    }

    [Fact]
    public void A_cap_on_n_beyond_what_the_negatives_allow_names_max_n()
    {
        var result = CliProcess.Run("simulate", "--family", "gaussian:dim=1,rho=0.5", "--bounds", "smile", "--negatives", "in-batch",
            "--target-gap", "0.1", "--max-n", "20000", "--trials", "5");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mi: error: --max-n: in-batch negatives with these bounds need an n×n matrix per trial", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("--family", "nosuch:dim=2", "--family")]
    [InlineData("--family", "gaussian:dim=2,rho=1", "--family")]
    [InlineData("--family", "gaussian:dim=0,rho=0.5", "--family")]
    [InlineData("--family", "gaussian:dim=2,rho=abc", "--family")]
    [InlineData("--family", "uniform-additive:eps=0", "--family")]
    [InlineData("--family", "uniform-additive:eps=-1", "--family")]
    [InlineData("--family", "discrete:table=0.5/0.6;0.1/0.1", "--family")]
    [InlineData("--family", "gaussian:dim=1,rho=0.75+normal-cdf+swiss-roll:x", "no exact log ratio")]
    [InlineData("--bounds", "infonce,nosuch", "--bounds")]
    [InlineData("--n", "1", "--n")]
    [InlineData("--n", "2^x", "--n")]
    [InlineData("--trials", "1", "--trials")]
    [InlineData("--trials", "many", "--trials")]
    [InlineData("--negatives", "some", "--negatives")]
    [InlineData("--threads", "0", "--threads")]
    [InlineData("--plot", "out.gif", "--plot")]
    [InlineData("--critic", "scale=-1", "--critic")]
    [InlineData("--critic", "warp=1", "--critic")]
    [InlineData("--target-gap", "-1", "--target-gap")]
    [InlineData("--sweep-mi", "5..2", "--sweep-mi")]
    [InlineData("--sweep-mi", "2..x", "--sweep-mi")]
    [InlineData("--max-n", "2^x", "--max-n")]
    [InlineData("--shard", "3/3", "--shard")]
    [InlineData("--shard", "6/9", "--shard")]
    public void Bad_input_exits_2_with_one_line_naming_the_flag(string flag, string value, string named)
    {
        string[] args = flag == "--family"
            ? ["simulate", flag, value, "--n", "4", "--trials", "5"]
            : ["simulate", "--family", "gaussian:dim=1,rho=0.5", "--n", "4", "--trials", "5", flag, value];
        if (flag is "--n" or "--trials") args = ["simulate", "--family", "gaussian:dim=1,rho=0.5", flag, value];
        if (flag is "--sweep-mi") args = ["simulate", flag, value, "--trials", "5"];
        if (flag is "--max-n") args = [.. args, "--target-gap", "0.1"];
        var result = CliProcess.Run(args);
        Assert.Equal(2, result.ExitCode);
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("mi: error: ", lines[0]);
        Assert.Contains(named, lines[0]);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
