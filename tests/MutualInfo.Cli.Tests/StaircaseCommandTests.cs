using System.Diagnostics;
using System.Text.Json;

namespace MutualInfo.Cli.Tests;

/// <summary>`mi staircase` end to end in a child process (tiny sizes), and the promise that nothing else loads libtorch.</summary>
public sealed class StaircaseCommandTests
{
    private static readonly string[] Tiny =
        ["staircase", "--dim", "3", "--levels", "1,2", "--steps-per-level", "40", "--batch", "16", "--hidden", "16", "--embedding", "4"];

    private static (int ExitCode, string Stdout, string Stderr) Mi(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mi.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mi {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Writes_the_json_contract_and_the_plot()
    {
        string directory = Directory.CreateTempSubdirectory("mi-staircase-").FullName;
        try
        {
            string json = Path.Combine(directory, "staircase.json"), plot = Path.Combine(directory, "staircase.png");
            var (exit, stdout, stderr) = Mi([.. Tiny, "--estimators", "infonce,smile:tau=5", "--json", json, "--plot", plot]);
            Assert.True(exit == 0, stderr);
            Assert.Contains("smile:tau=5", stdout);

            using var document = JsonDocument.Parse(File.ReadAllText(json));
            var estimators = document.RootElement.GetProperty("estimators").EnumerateArray().ToList();
            Assert.Equal(["infonce", "smile"], estimators.Select(e => e.GetProperty("name").GetString()));
            foreach (var estimator in estimators)
            {
                Assert.Equal("separable", estimator.GetProperty("critic").GetString());
                double[] trace = estimator.GetProperty("trace").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                Assert.Equal(80, trace.Length);
                var levels = estimator.GetProperty("levels").EnumerateArray().ToList();
                Assert.Equal([1.0, 2.0], levels.Select(l => l.GetProperty("true_mi").GetDouble()));
                for (int k = 0; k < 2; k++)
                {
                    double[] lastQuarter = trace.Skip(k * 40 + 30).Take(10).ToArray();
                    Assert.Equal(lastQuarter.Average(), levels[k].GetProperty("mean").GetDouble(), 3);
                    Assert.True(levels[k].GetProperty("std").GetDouble() > 0);
                }
            }
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(plot).Take(4));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("--estimators", "bogus", "--estimators:")]
    [InlineData("--estimators", "smile:tau=-1", "--estimators:")]
    [InlineData("--levels", "2,zero", "--levels:")]
    [InlineData("--critic", "deep", "--critic:")]
    [InlineData("--batch", "1", "--batch:")]
    [InlineData("--plot", "out.txt", "--plot:")]
    [InlineData("--device", "tpu", "--device:")]
    [InlineData("--device", "cuda", "--device:")]
    public void Bad_input_is_exit_2_with_one_line_naming_the_flag(string flag, string value, string expected)
    {
        var (exit, stdout, stderr) = Mi([.. Without(flag), flag, value]);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"mi: error: {expected}", line);
    }

    private static string[] Without(string flag)
    {
        int at = Array.IndexOf(Tiny, flag);
        return at < 0 ? Tiny : [.. Tiny[..at], .. Tiny[(at + 2)..]];
    }

    [Fact]
    public void Building_the_commands_and_running_other_commands_does_not_load_libtorch()
    {
        Assert.Equal(0, CliApp.Run(["staircase", "--help"]));
        string maps = File.ReadAllText("/proc/self/maps");
        Assert.DoesNotContain("libtorch", maps);
        Assert.DoesNotContain("LibTorchSharp", maps);
    }
}
