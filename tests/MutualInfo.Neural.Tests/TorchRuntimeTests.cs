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
}
