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
}
