using System.Runtime.InteropServices;

namespace MutualInfo.Cli.Output;

/// <summary>
/// What a path names on disk after following symlinks: device, inode and file type (Linux `stat`). Two paths name the
/// same file exactly when device and inode agree — through hard links, symlinks and `..` alike, where comparing
/// path strings would not. Elsewhere (or if `stat` is unavailable) it falls back to the resolved full path.
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, FileKind Kind, string ResolvedPath)
{
    private const uint TypeMask = 0xF000, Regular = 0x8000, Directory = 0x4000;

    /// <summary>The identity of an existing path, or null when nothing exists there.</summary>
    public static FileIdentity? Of(string path)
    {
        if (OperatingSystem.IsLinux() && TryStat(path, out ulong device, out ulong inode, out uint mode))
        {
            var kind = (mode & TypeMask) switch { Regular => FileKind.Regular, Directory => FileKind.Directory, _ => FileKind.Special };
            return new FileIdentity(device, inode, kind, Resolve(path));
        }
        if (System.IO.Directory.Exists(path)) return new FileIdentity(0, 0, FileKind.Directory, Resolve(path));
        if (File.Exists(path)) return new FileIdentity(0, 0, FileKind.Regular, Resolve(path));
        return null;
    }

    /// <summary>True when both name the same file (device and inode on Linux, else the resolved path).</summary>
    public bool SameFileAs(FileIdentity other) =>
        Device == other.Device && Inode == other.Inode && (Inode != 0 || ResolvedPath == other.ResolvedPath);

    /// <summary>The full path with every symlink along it resolved (as far as the target exists).</summary>
    public static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            if (File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target) return Path.GetFullPath(target.FullName);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        string? directory = Path.GetDirectoryName(full);
        if (directory is null) return full;
        try
        {
            var resolvedDirectory = new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory;
            return Path.Combine(Path.GetFullPath(resolvedDirectory), Path.GetFileName(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return full;
        }
    }

    // struct stat differs by architecture: st_dev and st_ino lead on both glibc x86-64 and aarch64 (generic layout);
    // st_mode follows st_nlink (8 bytes) on x86-64 and precedes a 4-byte st_nlink on aarch64.
    private static bool TryStat(string path, out ulong device, out ulong inode, out uint mode)
    {
        (device, inode, mode) = (0, 0, 0);
        int modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (modeOffset < 0) return false;
        var buffer = new byte[256];
        try
        {
            if (Stat(path, buffer) != 0) return false;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        device = BitConverter.ToUInt64(buffer, 0);
        inode = BitConverter.ToUInt64(buffer, 8);
        mode = BitConverter.ToUInt32(buffer, modeOffset);
        return true;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}

/// <summary>The kinds of file that matter to writing outputs.</summary>
internal enum FileKind
{
    /// <summary>A regular file: replaced atomically by rename.</summary>
    Regular,

    /// <summary>A directory: never an output.</summary>
    Directory,

    /// <summary>A device, FIFO, socket…: written in place (renaming over it would replace the node).</summary>
    Special,
}
