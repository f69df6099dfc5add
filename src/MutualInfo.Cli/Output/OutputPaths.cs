namespace MutualInfo.Cli.Output;

/// <summary>
/// Checks a command's output paths before any work: each names a writable place, none is an input (same device and
/// inode, through links and `..`), and no two outputs are the same file. Each failure is one line naming the flag.
/// </summary>
internal static class OutputPaths
{
    /// <summary>One output: the flag that named it and the path (null = not requested; "-" = stdout, never checked).</summary>
    public readonly record struct Output(string Flag, string? Path);

    /// <summary>Throws <see cref="UsageException"/> when an output is unusable, is an input, or collides with another output.</summary>
    public static void Require(IEnumerable<string> inputs, params Output[] outputs)
    {
        var inputIds = inputs.Select(i => (Path: i, Id: FileIdentity.Of(i))).Where(i => i.Id is not null).ToArray();
        var seen = new List<(string Flag, string Path, string Resolved, FileIdentity? Id)>();
        foreach (var (flag, path) in outputs)
        {
            if (path is null || path == "-") continue;
            RequireUsable(flag, path);
            FileIdentity? id = FileIdentity.Of(path);
            string resolved = id?.ResolvedPath ?? FileIdentity.Resolve(path);
            foreach (var input in inputIds)
                if (id is { } o && (o.SameFileAs(input.Id!.Value) && o.Kind == FileKind.Regular))
                    throw new UsageException($"{flag}: '{path}' is the input file '{input.Path}'; refusing to overwrite an input");
            foreach (var earlier in seen)
            {
                bool same = id is { } a && earlier.Id is { } b ? a.SameFileAs(b) : resolved == earlier.Resolved;
                if (same && id is not { Kind: FileKind.Special })
                    throw new UsageException($"{flag}: '{path}' is the same file as {earlier.Flag} '{earlier.Path}'; give each output its own path");
            }
            seen.Add((flag, path, resolved, id));
        }
    }

    private static void RequireUsable(string flag, string path)
    {
        if (path.Trim().Length == 0) throw new UsageException($"{flag}: empty path");
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{flag}: invalid path '{path}': {e.Message}");
        }
        if (Directory.Exists(full)) throw new UsageException($"{flag}: '{path}' is a directory; give a file name");
        string? directory = Path.GetDirectoryName(FileIdentity.Resolve(full));
        if (directory is null || !Directory.Exists(directory))
            throw new UsageException($"{flag}: cannot write '{path}': directory does not exist");
    }
}
