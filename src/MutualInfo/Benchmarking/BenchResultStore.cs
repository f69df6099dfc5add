using System.Text;
using System.Text.Json;

namespace MutualInfo.Benchmarking;

/// <summary>
/// The resumable store of a benchmark run: one JSON line per finished cell, appended and flushed to disk as soon
/// as the cell is done, so an interrupted run loses at most the cell in progress. Opening an existing store keeps
/// its complete lines and cuts off a torn last line (a write interrupted mid-line). The file is locked exclusively
/// while open, so a second run on the same path is refused instead of interleaving its cells; two lines for the same
/// cell must agree (as `mi bench merge` requires of its inputs).
/// </summary>
internal sealed class BenchResultStore : IDisposable
{
    private readonly FileStream _stream;
    private readonly Dictionary<BenchCellKey, BenchResult> _results;

    private BenchResultStore(FileStream stream, Dictionary<BenchCellKey, BenchResult> results)
    {
        _stream = stream;
        _results = results;
    }

    /// <summary>Path of the JSON-lines file.</summary>
    public required string Path { get; init; }

    /// <summary>Every result in the store, by cell.</summary>
    public IReadOnlyDictionary<BenchCellKey, BenchResult> Results => _results;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>; throws <see cref="ArgumentException"/> if it is unusable.</summary>
    public static BenchResultStore Open(string path)
    {
        FileStream stream;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix: a concurrent run on the same file fails here.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new IOException($"the results file '{path}' is in use (is another run writing the same results file?): {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot open the results file '{path}': {e.Message}", e);
        }
        try
        {
            var results = ReadComplete(stream, path);
            stream.Seek(0, SeekOrigin.End);
            return new BenchResultStore(stream, results) { Path = path };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Appends one result and flushes it to disk before returning.</summary>
    public void Append(BenchResult result)
    {
        byte[] line = Encoding.UTF8.GetBytes(BenchJson.CellLine(result) + "\n");
        _stream.Write(line);
        _stream.Flush(flushToDisk: true);
        _results[result.Key] = result;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    // Keeps every newline-terminated line; a final line without its newline is the torn tail of an interrupted
    // write and is truncated away, so the next append starts on a fresh line.
    private static Dictionary<BenchCellKey, BenchResult> ReadComplete(FileStream stream, string path)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        int end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (end < bytes.Length) stream.SetLength(end);
        var results = new Dictionary<BenchCellKey, BenchResult>();
        string[] lines = Encoding.UTF8.GetString(bytes, 0, end).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < lines.Length; i++)
        {
            BenchResult result;
            try
            {
                result = BenchJson.ParseCellLine(lines[i]);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new InvalidDataException($"results file '{path}' line {i + 1} is not a benchmark cell ({e.Message.ReplaceLineEndings(" ")}); move the file away to start afresh");
            }
            if (results.TryGetValue(result.Key, out var earlier) && !earlier.SameOutcome(result))
                throw new InvalidDataException($"results file '{path}' line {i + 1} disagrees with an earlier line on the cell {result.Key} (mi {earlier.Mi:R} vs {result.Mi:R}); move the file away to start afresh");
            results[result.Key] = result;
        }
        return results;
    }
}
