using System.Diagnostics;

namespace MutualInfo.Cli.Tests;

/// <summary>Runs the real `mi` executable in a child process: exit codes, stdout and stderr exactly as a user sees them.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    private static readonly string MiDll = Path.Combine(AppContext.BaseDirectory, "mi.dll");

    public static Result RunIn(string workingDirectory, params string[] args) => RunWith(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>As <see cref="RunIn"/>, with environment variables set (a null value removes the variable).</summary>
    public static Result RunWith(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        start.ArgumentList.Add(MiDll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mi {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(params string[] args) => RunIn(Directory.GetCurrentDirectory(), args);
}
