using System.Globalization;
using System.Text;
using MutualInfo.Randomness;

namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>A temporary directory with the small inputs the adversarial tests feed to `mi`.</summary>
internal sealed class AdversarialFiles : IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Path => _dir.Path;

    public string File(string name) => _dir.File(name);

    /// <summary>n rows of correlated (X1, Y1), ρ = 0.6, each value multiplied by <paramref name="scale"/>; an optional last row replaces the final one.</summary>
    public string Csv(string name, int n = 200, double scale = 1, string? lastRow = null, ulong seed = 1)
    {
        var rng = new Rng(seed);
        var text = new StringBuilder("X1,Y1\n");
        for (int i = 0; i < n; i++)
        {
            double x = rng.NextGaussian(), y = 0.6 * x + 0.8 * rng.NextGaussian();
            if (i == n - 1 && lastRow is not null) text.Append(lastRow).Append('\n');
            else text.Append(CultureInfo.InvariantCulture, $"{x * scale:R},{y * scale:R}\n");
        }
        return Text(name, text.ToString());
    }

    public string Text(string name, string content)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs a program (ln, mkfifo) and fails the test if it fails.</summary>
    public static void Shell(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { UseShellExecute = false };
        foreach (string a in args) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    public void Dispose() => _dir.Dispose();
}
