using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Security.Cryptography;
using TorchSharp;

namespace MutualInfo.Neural.Native;

/// <summary>
/// Loads libtorch through TorchSharp once per process, with one repair for a known packaging fault.
/// </summary>
/// <remarks>
/// <para>libLibTorchSharp.so of TorchSharp 0.107 requires GLIBCXX_3.4.32 (GCC 13's libstdc++) only through an
/// unused marker symbol, so the dynamic loader of Debian 12 (libstdc++ up to GLIBCXX_3.4.30) refuses it and TorchSharp
/// reports a misleading "doesn't contain a reference to libtorch-cpu-linux-x64".</para>
/// <para>The repair hooks <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/>, which the runtime raises only
/// after its normal load of "LibTorchSharp" has failed, so it does nothing where the normal load works. The hook
/// copies the library to a cache directory with every version requirement that no relocation uses marked weak
/// (<see cref="ElfVersionNeeds"/>; a two-byte change), preloads the copy's dependencies from the original directory
/// and returns the copy's handle. If nothing can be weakened, the hook declines and the real loader error is reported.</para>
/// <para>A Native AOT mi has no such event: there the repair is a DllImport resolver for TorchSharp, which tries the
/// normal load by full path first, and <see cref="EnsureLoaded"/> resolves the library before TorchSharp's own load,
/// which then finds it already mapped.</para>
/// </remarks>
internal static class TorchRuntime
{
    private const string LibraryName = "LibTorchSharp";
    private const string LibraryFile = "libLibTorchSharp.so";
    private static readonly Lock Gate = new();

    // The loader calls the repair hook from whichever thread first touches a TorchSharp type, possibly while that
    // thread runs TorchSharp's static constructor. Had the hook taken Gate, a thread in EnsureLoaded (holding Gate,
    // waiting for that constructor inside InitializeDeviceType) and the constructor's thread (waiting for Gate)
    // would deadlock; the hook therefore has a lock of its own and never calls into TorchSharp.
    private static readonly Lock RepairGate = new();
    private static bool _loaded;
    private static bool _hookInstalled;
    private static IntPtr _repairedHandle;
    private static IntPtr _nativeAotHandle;
    private static IOException? _repairFailure;

    /// <summary>Where the repaired copy came from, or null when the normal load worked (the usual case).</summary>
    public static string? RepairedLibraryPath { get; private set; }

    /// <summary>The version requirements the repair weakened (empty when no repair was needed).</summary>
    public static IReadOnlyList<string> WeakenedVersions { get; private set; } = [];

    /// <summary>
    /// Loads the CPU backend of libtorch (idempotent, thread-safe). Every entry point of this library calls it; call
    /// it yourself before your first TorchSharp call if you use the objectives on tensors created elsewhere.
    /// </summary>
    /// <exception cref="InvalidOperationException">libtorch cannot be loaded; the message carries the loader's reason.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded) return;
            InstallRepairHook();
            if (!RuntimeFeature.IsDynamicCodeSupported) LoadBeforeTorchSharpUnderNativeAot();
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e) when (e is NotSupportedException or TypeInitializationException)
            {
                // The repair hook cannot throw through the native loader; it leaves a user-fixable reason here.
                if (Volatile.Read(ref _repairFailure) is { } failure) throw failure;
                throw new InvalidOperationException($"libtorch could not be loaded: {DescribeLoadFailure() ?? e.Message.Split('\n')[0]}", e);
            }
            _loaded = true;
        }
    }

    /// <summary>Loads the CUDA backend when <paramref name="cuda"/> is set and returns the device to train on.</summary>
    public static torch.Device Device(bool cuda)
    {
        EnsureLoaded();
        if (!cuda) return torch.CPU;
        if (!torch.cuda.is_available()) throw new ArgumentException("cuda requested but no CUDA libtorch/GPU is available (this build ships libtorch-cpu)", "device");
        return torch.CUDA;
    }

    internal static void InstallRepairHook()
    {
        lock (Gate)
        {
            if (_hookInstalled || !OperatingSystem.IsLinux()) return;
            // Native AOT (no dynamic code) never raises ResolvingUnmanagedDll; it does ask an assembly's DllImport resolver.
            if (RuntimeFeature.IsDynamicCodeSupported) AssemblyLoadContext.Default.ResolvingUnmanagedDll += ResolveRepaired;
            else NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, ResolveUnderNativeAot);
            _hookInstalled = true;
        }
    }

    /// <summary>
    /// The resolver is asked before the runtime's own search, so it does that search's job for LibTorchSharp: the
    /// original by full path, and the repaired copy only when the original does not load.
    /// </summary>
    private static IntPtr ResolveUnderNativeAot(string name, Assembly requester, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName && name != LibraryFile) return IntPtr.Zero;
        IntPtr known = Volatile.Read(ref _nativeAotHandle);
        if (known != IntPtr.Zero) return known;
        IntPtr handle = FindOriginal() is { } original && NativeLibrary.TryLoad(original, out var loaded) ? loaded : ResolveRepaired(requester, name);
        Volatile.Write(ref _nativeAotHandle, handle);
        return handle;
    }

    /// <summary>
    /// TorchSharp's own load looks LibTorchSharp up by name without the resolver and, failing that, falls back on
    /// Assembly.Location, which is empty in a native binary. Loading it here first (the repaired copy has the same
    /// soname) makes that look-up find it; if it cannot be loaded at all, the loader's reason is thrown here.
    /// </summary>
    private static void LoadBeforeTorchSharpUnderNativeAot()
    {
        if (!OperatingSystem.IsLinux() || ResolveUnderNativeAot(LibraryName, typeof(torch).Assembly, null) != IntPtr.Zero) return;
        if (Volatile.Read(ref _repairFailure) is { } failure) throw failure;
        throw new InvalidOperationException($"libtorch could not be loaded: {DescribeLoadFailure() ?? "unknown reason"}");
    }

    private static IntPtr ResolveRepaired(Assembly requester, string name)
    {
        if (name != LibraryName && name != LibraryFile) return IntPtr.Zero;
        lock (RepairGate)
        {
            if (_repairedHandle != IntPtr.Zero) return _repairedHandle;
            string? original = FindOriginal();
            if (original is null) return IntPtr.Zero;
            string? repaired;
            try
            {
                repaired = WriteRepairedCopy(original);
            }
            catch (IOException e)
            {
                Volatile.Write(ref _repairFailure, e);
                return IntPtr.Zero;
            }
            if (repaired is null) return IntPtr.Zero;
            PreloadDependencies(original);
            if (!NativeLibrary.TryLoad(repaired, out var handle)) return IntPtr.Zero;
            RepairedLibraryPath = repaired;
            _repairedHandle = handle;
            return handle;
        }
    }

    /// <summary>The original library, looked up where the host probes native assets (deps.json), then beside TorchSharp.</summary>
    private static string? FindOriginal()
    {
        var directories = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string probe)
            directories.AddRange(probe.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        directories.Add(AppContext.BaseDirectory);
        // Empty in a native (AOT) binary, whose natives sit in AppContext.BaseDirectory above; so skipped there.
#pragma warning disable IL3000
        string? torchSharpDir = Path.GetDirectoryName(typeof(torch).Assembly.Location);
#pragma warning restore IL3000
        if (!string.IsNullOrEmpty(torchSharpDir))
        {
            directories.Add(torchSharpDir);
            directories.Add(Path.Combine(torchSharpDir, "runtimes", "linux-x64", "native"));
            directories.Add(Path.GetFullPath(Path.Combine(torchSharpDir, "..", "..", "runtimes", "linux-x64", "native")));
        }
        return directories.Select(d => Path.Combine(d, LibraryFile)).FirstOrDefault(File.Exists);
    }

    private static string? WriteRepairedCopy(string original)
    {
        byte[] image = File.ReadAllBytes(original);
        var weakened = ElfVersionNeeds.WeakenUnusedRequirements(image);
        if (weakened.Count == 0) return null;
        string hash = Convert.ToHexString(SHA256.HashData(image))[..16].ToLowerInvariant();
        IOException? firstFailure = null;
        foreach (var (root, source) in CacheRoots())
        {
            string directory = Path.Combine(root, $"libtorchsharp-{hash}");
            string target = Path.Combine(directory, LibraryFile);
            // A cached copy is used only if it is byte-for-byte the repaired image: a truncated one would be mapped
            // and fault (SIGBUS) on first use, an empty one fails to load; either is rewritten.
            try
            {
                RequireUserOnly(root);
                RequireUserOnly(directory);
                if (!IsIntactCopy(target, image))
                {
                    string temp = $"{target}.{Environment.ProcessId}.tmp";
                    File.WriteAllBytes(temp, image);
                    File.Move(temp, target, overwrite: true);
                }
                WeakenedVersions = weakened;
                return target;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                // Unwritable (e.g. XDG_CACHE_HOME=/proc/x): the next candidate, ending with the temporary directory.
                firstFailure ??= new IOException($"{source}: cannot write the native-library cache in '{directory}' ({e.Message}); point {source} at a writable directory");
            }
        }
        throw firstFailure!;
    }

    /// <summary>
    /// Creates the folder user-only (0700), or makes an existing one so: nobody else may swap the library between
    /// its check and its load. A folder the user cannot chmod (someone else's, in a shared /tmp) throws, and the next
    /// cache location is tried.
    /// </summary>
    private static void RequireUserOnly(string directory)
    {
        const UnixFileMode userOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(directory); return; }
        if (!Directory.Exists(directory)) Directory.CreateDirectory(directory, userOnly);
        if (File.GetUnixFileMode(directory) != userOnly) File.SetUnixFileMode(directory, userOnly);
    }

    private static bool IsIntactCopy(string path, byte[] image)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length == image.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(image);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Cache directories in order of preference, each with the environment variable that chose it (named in errors).</summary>
    private static IEnumerable<(string Root, string Source)> CacheRoots()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(xdg)) yield return (Path.Combine(xdg, "mutualinfo", "native"), "XDG_CACHE_HOME");
        else if (!string.IsNullOrEmpty(home)) yield return (Path.Combine(home, ".cache", "mutualinfo", "native"), "HOME");
        yield return (Path.Combine(Path.GetTempPath(), $"mutualinfo-{Environment.UserName}", "native"), "TMPDIR");
    }

    /// <summary>The copy lives elsewhere, so its $ORIGIN run path no longer finds libtorch: load those first by full path.</summary>
    private static void PreloadDependencies(string original)
    {
        string directory = Path.GetDirectoryName(original)!;
        var searchDirectories = new List<string> { directory };
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string probe)
            searchDirectories.AddRange(probe.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (string needed in ElfVersionNeeds.ReadNeededLibraries(File.ReadAllBytes(original)))
        {
            string? path = searchDirectories.Select(d => Path.Combine(d, needed)).FirstOrDefault(File.Exists);
            if (path is not null) NativeLibrary.TryLoad(path, out _);
        }
    }

    private static string? DescribeLoadFailure()
    {
        string? original = FindOriginal();
        if (original is null) return $"{LibraryFile} was not found beside the application (is the TorchSharp package referenced?)";
        try
        {
            NativeLibrary.Load(original);
            return null;
        }
        catch (DllNotFoundException e)
        {
            return e.Message;
        }
    }
}
