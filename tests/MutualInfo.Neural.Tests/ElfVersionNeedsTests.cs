using MutualInfo.Neural.Native;

namespace MutualInfo.Neural.Tests;

public sealed class ElfVersionNeedsTests
{
    private static string ShippedLibrary()
    {
        string? path = Directory.EnumerateFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).FirstOrDefault();
        Assert.NotNull(path);
        return path;
    }

    [Fact]
    public void The_only_unused_strong_requirement_of_LibTorchSharp_is_the_GCC13_marker()
    {
        var requirements = ElfVersionNeeds.ReadRequirements(File.ReadAllBytes(ShippedLibrary()));
        var unused = requirements.Where(r => !r.IsWeak && !r.IsUsedByRelocation).Select(r => r.Version).ToList();
        Assert.Contains(requirements, r => r.Version == "GLIBCXX_3.4.30" && r.IsUsedByRelocation);
        Assert.Equal(["GLIBCXX_3.4.32"], unused);
    }

    [Fact]
    public void Weakening_changes_only_the_flag_bytes_and_is_idempotent()
    {
        byte[] original = File.ReadAllBytes(ShippedLibrary());
        byte[] patched = (byte[])original.Clone();
        var weakened = ElfVersionNeeds.WeakenUnusedRequirements(patched);
        Assert.Equal(["GLIBCXX_3.4.32"], weakened);
        int differing = original.Zip(patched).Count(p => p.First != p.Second);
        Assert.Equal(1, differing);
        Assert.Empty(ElfVersionNeeds.WeakenUnusedRequirements(patched));
        Assert.All(ElfVersionNeeds.ReadRequirements(patched), r => Assert.True(r.IsWeak || r.IsUsedByRelocation));
    }

    [Fact]
    public void Needed_libraries_include_libtorch()
    {
        var needed = ElfVersionNeeds.ReadNeededLibraries(File.ReadAllBytes(ShippedLibrary()));
        Assert.Contains("libtorch.so", needed);
        Assert.Contains("libstdc++.so.6", needed);
    }

    [Fact]
    public void Non_elf_input_is_left_alone()
    {
        byte[] text = "not an ELF file at all, just text that is long enough to have a header"u8.ToArray();
        Assert.Empty(ElfVersionNeeds.ReadRequirements(text));
        Assert.Empty(ElfVersionNeeds.WeakenUnusedRequirements(text));
    }
}
