using System.Text.Json;

namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>Issue 10, items 1–3 and "outputs checked first": an input is never overwritten, outputs never collide or replace a node.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OutputSafetyTests : IDisposable
{
    private readonly AdversarialFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static (int, string, string) Estimate(string csv, params string[] more) =>
        CliRunner.Run(["estimate", csv, "--estimator", "gaussian", "--resamples", "0", .. more]);

    [Fact]
    public void Json_onto_the_input_is_refused_and_the_input_kept()
    {
        string csv = _files.Csv("d.csv");
        string before = File.ReadAllText(csv);
        CliAssert.UsageError(Estimate(csv, "--json", csv), "--json", "input");
        Assert.Equal(before, File.ReadAllText(csv));
    }

    [Fact]
    public void Json_onto_the_input_through_a_hard_link_a_symlink_or_dotdot_is_refused()
    {
        string csv = _files.Csv("d.csv");
        string before = File.ReadAllText(csv);
        AdversarialFiles.Shell("ln", csv, _files.File("hard.csv"));
        File.CreateSymbolicLink(_files.File("link.csv"), csv);
        Directory.CreateDirectory(_files.File("sub"));
        foreach (string output in new[] { _files.File("hard.csv"), _files.File("link.csv"), Path.Combine(_files.Path, "sub", "..", "d.csv") })
            CliAssert.UsageError(Estimate(csv, "--json", output), "--json", "input");
        CliAssert.UsageError(Estimate(_files.File("link.csv"), "--json", csv), "--json", "input");
        CliAssert.UsageError(CliRunner.Run("bmi", csv, "1", "1", "--estimator", "gaussian", "--json", _files.File("hard.csv")), "--json", "input");
        Assert.Equal(before, File.ReadAllText(csv));
    }

    [Fact]
    public void Merge_onto_one_of_its_inputs_is_refused_before_reading()
    {
        string a = _files.Text("a.json", "{}"), b = _files.Text("b.json", "{}");
        CliAssert.UsageError(CliRunner.Run("bench", "merge", a, b, "--json", a), "--json", "input");
        Assert.Equal("{}", File.ReadAllText(a));
    }

    [Fact]
    public void Colliding_outputs_are_refused_before_any_work()
    {
        string p = _files.File("p.out");
        CliAssert.UsageError(CliRunner.Run("simulate", "--family", "gaussian:dim=1,mi=1", "--n", "8", "--trials", "4", "--json", p, "--csv", p), "--csv", "same file");
        string png = _files.File("p.png");
        CliAssert.UsageError(CliRunner.Run("simulate", "--family", "gaussian:dim=1,mi=1", "--n", "8", "--trials", "4", "--json", png, "--plot", png), "--plot", "same file");
        string json = _files.File("b.json");
        CliAssert.UsageError(CliRunner.Run("bench", "--tasks", "1v1-normal-0.75", "--estimators", "gaussian", "--samples", "64", "--seeds", "1",
            "--json", json, "--csv", json + ".partial.jsonl"), "--csv", "same file");
        // The bias plot beside the heatmap is an output too.
        CliAssert.UsageError(CliRunner.Run("bench", "--tasks", "1v1-normal-0.75", "--estimators", "gaussian", "--samples", "64", "--seeds", "1",
            "--json", json, "--plot", _files.File("h.png"), "--csv", _files.File("h-bias.png")), "same file");
        Assert.Empty(Directory.GetFiles(_files.Path));
    }

    [Fact]
    public void Estimate_and_simulate_check_outputs_before_the_run()
    {
        string csv = _files.Csv("d.csv");
        var estimate = CliRunner.Run("estimate", csv, "--json", _files.File("missing/out.json"));
        CliAssert.UsageError(estimate, "--json", "directory does not exist");
        Assert.Empty(estimate.Item2);
        var simulate = CliRunner.Run("simulate", "--family", "gaussian:dim=1,mi=1", "--n", "8", "--trials", "4", "--csv", _files.File("missing/x.csv"));
        CliAssert.UsageError(simulate, "--csv", "directory does not exist");
        Assert.DoesNotContain("simulate:", simulate.Item3);
        CliAssert.UsageError(Estimate(csv, "--json", ""), "--json", "empty path");
        CliAssert.UsageError(Estimate(csv, "--json", _files.Path), "--json", "is a directory");
    }

    [Fact]
    public void A_symlink_output_stays_a_link_and_its_target_gets_the_json()
    {
        string csv = _files.Csv("d.csv");
        string target = _files.File("target.json"), link = _files.File("link.json");
        File.CreateSymbolicLink(link, target);
        var result = Estimate(csv, "--json", link);
        Assert.True(result.Item1 == 0, result.Item3);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        using var doc = JsonDocument.Parse(File.ReadAllText(target));
        Assert.Equal("gaussian", doc.RootElement.GetProperty("estimator").GetString());
    }

    [Fact]
    public async Task A_fifo_output_is_written_in_place_not_replaced()
    {
        string csv = _files.Csv("d.csv");
        string fifo = _files.File("out.fifo");
        AdversarialFiles.Shell("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var result = Estimate(csv, "--json", fifo);
        Assert.True(result.Item1 == 0, result.Item3);
        using var doc = JsonDocument.Parse(await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("gaussian", doc.RootElement.GetProperty("estimator").GetString());
        Assert.Equal(Output.FileKind.Special, Output.FileIdentity.Of(fifo)!.Value.Kind);
    }

    [Fact]
    public void A_device_output_is_written_in_place_and_stays_a_device()
    {
        // Private device nodes (null and full), so that a regression replaces these and never the system's /dev/null.
        string nullDevice = _files.File("null"), fullDevice = _files.File("full");
        if (!TryMakeCharacterDevice(nullDevice, "3") || !TryMakeCharacterDevice(fullDevice, "7")) return; // needs root (CAP_MKNOD)
        string csv = _files.Csv("d.csv");
        Assert.Equal(0, Estimate(csv, "--json", nullDevice).Item1);
        Assert.Equal(Output.FileKind.Special, Output.FileIdentity.Of(nullDevice)!.Value.Kind);
        // "full" reports no space left: a clear refusal, and the node is still a device afterwards.
        CliAssert.UsageError(Estimate(csv, "--json", fullDevice), $"cannot write '{fullDevice}'");
        Assert.Equal(Output.FileKind.Special, Output.FileIdentity.Of(fullDevice)!.Value.Kind);
    }

    private static bool TryMakeCharacterDevice(string path, string minor)
    {
        var start = new System.Diagnostics.ProcessStartInfo("mknod", ["-m", "666", path, "c", "1", minor]) { UseShellExecute = false, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    [Fact]
    public void Json_dash_is_stdout_in_every_command()
    {
        var simulate = CliRunner.Run("simulate", "--family", "gaussian:dim=1,mi=1", "--n", "8", "--trials", "4", "--json", "-");
        Assert.True(simulate.Exit == 0, simulate.Err);
        using (var doc = JsonDocument.Parse(simulate.Out)) Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("runs").ValueKind);
        Assert.False(File.Exists("-"));
        string csv = _files.Csv("d.csv");
        var estimate = Estimate(csv, "--json", "-");
        using (var doc = JsonDocument.Parse(estimate.Item2)) Assert.Equal("gaussian", doc.RootElement.GetProperty("estimator").GetString());
    }
}
