using MutualInfo.Neural.Native;
using TorchSharp;

namespace MutualInfo.Neural.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Torch_loads_and_computes()
    {
        TorchRuntime.EnsureLoaded();
        using var a = torch.ones(3, 3);
        Assert.Equal(9f, a.sum().ToSingle());
    }

    [Fact]
    public void Repair_happens_only_when_the_normal_load_fails()
    {
        TorchRuntime.EnsureLoaded();
        bool repaired = TorchRuntime.RepairedLibraryPath is not null;
        Assert.Equal(repaired, TorchRuntime.WeakenedVersions.Count > 0);
    }

    [Fact]
    public void Malloc_trim_is_found_on_glibc_linux()
    {
        TorchRuntime.EnsureLoaded();
        bool glibc = OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6");
        Assert.Equal(glibc, GlibcMalloc.IsAvailable);
        using (var big = torch.ones(1024, 1024, 8)) Assert.Equal(8L * 1024 * 1024, big.numel());
        GlibcMalloc.Trim();
    }

    [Fact]
    public void OpenMp_threads_wait_passively_unless_the_user_chose()
    {
        TorchRuntime.EnsureLoaded();
        if (!OperatingSystem.IsLinux()) return;
        // The managed snapshot of the environment is taken at startup: if the user set the variable, it is kept.
        string expected = Environment.GetEnvironmentVariable(OpenMpWaitPolicy.Variable) ?? "PASSIVE";
        Assert.Equal(expected, NativeGetEnv(OpenMpWaitPolicy.Variable));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getenv")]
    private static extern nint GetEnv(string name);

    private static string? NativeGetEnv(string name) => System.Runtime.InteropServices.Marshal.PtrToStringUTF8(GetEnv(name));

    [Fact]
    public void Free_bytes_grow_by_the_chunks_a_tensor_release_returns_to_malloc()
    {
        TorchRuntime.EnsureLoaded();
        bool glibc = OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6");
        Assert.Equal(glibc, GlibcMalloc.FreeBytes() is not null);
        if (!glibc) return;
        // 4000 tensors of 16 KB (below malloc's mmap threshold, so heap chunks); freeing every other one leaves
        // 32 MB of holes that cannot merge into the top chunk, so malloc must report them as free.
        var tensors = Enumerable.Range(0, 4000).Select(_ => torch.ones(4096)).ToList();
        long before = GlibcMalloc.FreeBytes()!.Value;
        for (int i = 1; i < tensors.Count; i += 2) tensors[i].Dispose();
        long after = GlibcMalloc.FreeBytes()!.Value;
        Assert.True(after - before >= 16L << 20, $"free bytes grew by {after - before}, expected about 32 MB");
        Assert.False(GlibcMalloc.TrimIfFreeExceeds(long.MaxValue));
        for (int i = 0; i < tensors.Count; i += 2) tensors[i].Dispose();
    }
}
