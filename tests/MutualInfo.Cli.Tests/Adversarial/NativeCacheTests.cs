namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>
/// Issue 10, item 7 and the cache-directory cases: the repaired libLibTorchSharp.so is re-checked on every load, and an
/// unusable cache directory is survived or named. Runs `mi` as a subprocess: the native library loads once per process.
/// </summary>
public sealed class NativeCacheTests : IDisposable
{
    private readonly AdversarialFiles _files = new();

    public void Dispose() => _files.Dispose();

    private CliProcess.Result Infonce(IReadOnlyDictionary<string, string?> environment) =>
        CliProcess.RunWith(_files.Path, environment, "estimate", _files.Csv("d.csv"), "--estimator", "infonce", "--steps", "20", "--eval-every", "20");

    private string? CachedCopy(string cache) =>
        Directory.Exists(cache) ? Directory.GetFiles(cache, "libLibTorchSharp.so", SearchOption.AllDirectories).SingleOrDefault() : null;

    [Fact]
    public void A_truncated_or_empty_cached_library_is_detected_and_rewritten()
    {
        string cache = _files.File("cache");
        var env = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = cache };
        var first = Infonce(env);
        Assert.True(first.ExitCode == 0, first.Stderr);
        // Only machines whose libstdc++ lacks GLIBCXX_3.4.32 need the repaired copy (DESIGN §6); elsewhere there is no cache.
        if (CachedCopy(cache) is not { } copy || OperatingSystem.IsWindows()) return;
        // User-only folders: nobody else can swap the library between its check and its load.
        const UnixFileMode userOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(userOnly, File.GetUnixFileMode(Path.GetDirectoryName(copy)!));
        Assert.Equal(userOnly, File.GetUnixFileMode(Path.Combine(cache, "mutualinfo", "native")));
        long length = new FileInfo(copy).Length;
        foreach (long damaged in new[] { length / 2, 0L })
        {
            using (var stream = new FileStream(copy, FileMode.Open)) stream.SetLength(damaged);
            var again = Infonce(env);
            Assert.True(again.ExitCode == 0, again.Stderr);
            Assert.Equal(length, new FileInfo(copy).Length);
        }
    }

    [Fact]
    public void An_unwritable_cache_directory_falls_back_or_is_named()
    {
        var fallback = Infonce(new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = "/proc/x" });
        Assert.True(fallback.ExitCode == 0, fallback.Stderr);
        var home = Infonce(new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = null, ["HOME"] = "/proc" });
        Assert.True(home.ExitCode == 0, home.Stderr);
        var none = Infonce(new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = "/proc/x", ["TMPDIR"] = "/proc/y" });
        if (none.ExitCode == 0) return; // the normal load worked: no cache needed on this machine
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("mi: error: XDG_CACHE_HOME: cannot write the native-library cache", none.Stderr);
    }
}
