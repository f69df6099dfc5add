namespace MutualInfo.Cli.Output;

/// <summary>
/// Writes output files. A regular file (or a new one) is written atomically: to a temporary file beside it, then
/// renamed over it. A symlink is followed and its target written the same way, so the link stays a link. An existing
/// device, FIFO or socket (e.g. /dev/full, /proc/self/fd/1) is written in place: renaming over it would replace the node.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        if (path.Trim().Length == 0) throw new UsageException("cannot write '': empty path");
        FileIdentity? existing = FileIdentity.Of(path);
        if (existing is { Kind: FileKind.Directory }) throw new UsageException($"cannot write '{path}': it is a directory");
        if (existing is { Kind: FileKind.Special })
        {
            WriteInPlace(path, write);
            return;
        }
        string full = FileIdentity.Resolve(path);
        string? dir = Path.GetDirectoryName(full);
        if (dir is null || !Directory.Exists(dir)) throw new UsageException($"cannot write '{path}': directory does not exist");
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
                write(stream);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new UsageException($"cannot write '{path}': {e.Message}");
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, s => { using var w = new StreamWriter(s); w.Write(text); });

    private static void WriteInPlace(string path, Action<Stream> write)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1, FileOptions.None);
            write(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path}': {e.Message}");
        }
    }
}
