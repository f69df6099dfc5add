namespace MutualInfo.Tests.Api;

/// <summary>The README's library quick-start is samples/QuickStart/Program.cs, which the pack smoke test builds and runs.</summary>
public class ReadmeQuickStartTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MutualInfo.slnx"))) return dir.FullName;
        throw new InvalidOperationException("MutualInfo.slnx not found above the test binaries");
    }

    [Fact]
    public void The_readme_snippet_is_the_sample_program()
    {
        string root = RepositoryRoot();
        string[] readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        int start = Array.IndexOf(readme, "```csharp");
        Assert.True(start >= 0, "README.md has no ```csharp block");
        int end = Array.IndexOf(readme, "```", start + 1);
        string[] snippet = readme[(start + 1)..end];
        Assert.Equal(File.ReadAllLines(Path.Combine(root, "samples", "QuickStart", "Program.cs")), snippet);
        Assert.InRange(snippet.Length, 8, 12);
    }
}
