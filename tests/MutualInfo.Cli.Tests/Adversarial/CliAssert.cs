namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>What every refusal must look like: exit 2, one line on stderr that names what is wrong, no stack trace.</summary>
internal static class CliAssert
{
    public static string UsageError((int Exit, string Out, string Err) result, params string[] mustContain)
    {
        Assert.True(result.Exit == CliApp.ExitUsage, $"exit {result.Exit}; stderr: {result.Err}");
        string[] errorLines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("mi: ", StringComparison.Ordinal)).ToArray();
        Assert.Single(errorLines);
        string line = errorLines[0];
        Assert.StartsWith("mi: error: ", line);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("internal error", result.Err);
        foreach (string part in mustContain) Assert.Contains(part, line);
        return line;
    }
}
