using System.Text;
using System.Text.Json;

namespace MutualInfo.Benchmarking;

/// <summary>
/// The `mi bench` file formats. A report: {"grid":{"tasks":[…],"estimators":[…],"samples":[…],"seeds":[…]},
/// "shard":"i/k"|null,"cells":[cell…],"summary":{…}}. A cell (also one line of the resumable JSON-lines store):
/// {"task","estimator","samples","seed","mi","truth","std_error","ci95":[lo,hi],"seconds","log_ratio","ci_covers",
/// "reliability"}. JSON has no NaN: a missing number is null. Doubles are written in shortest round-trip form, so
/// reading restores them exactly.
/// </summary>
/// <remarks>
/// Compatibility: fields are only ever added. <c>log_ratio</c> (BMI's clipped score), <c>ci_covers</c> and the whole
/// <c>summary</c> are derived from the other fields and recomputed on reading; <c>reliability</c> (the estimator's
/// verdict, string or null) is optional on reading, so files written before these fields existed still merge.
/// </remarks>
internal static class BenchJson
{
    /// <summary>Writes a report, indented.</summary>
    public static void WriteReport(BenchReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartObject("grid");
        WriteStrings(w, "tasks", report.Grid.Tasks);
        WriteStrings(w, "estimators", report.Grid.Estimators);
        w.WriteStartArray("samples");
        foreach (int n in report.Grid.Samples) w.WriteNumberValue(n);
        w.WriteEndArray();
        w.WriteStartArray("seeds");
        foreach (ulong s in report.Grid.Seeds) w.WriteNumberValue(s);
        w.WriteEndArray();
        w.WriteEndObject();
        if (report.Shard is { } shard) w.WriteString("shard", shard.ToString()); else w.WriteNull("shard");
        w.WriteStartArray("cells");
        foreach (BenchResult cell in report.Cells) WriteCell(w, cell);
        w.WriteEndArray();
        WriteSummary(w, report.Cells);
        w.WriteEndObject();
    }

    // "summary": per (task, estimator, samples) rows with BMI's score and CI coverage, samples needed per
    // (task, estimator), and coverage per (estimator, samples).
    private static void WriteSummary(Utf8JsonWriter w, IReadOnlyList<BenchResult> cells)
    {
        var rows = BenchSummary.Rows(cells);
        w.WriteStartObject("summary");
        w.WriteStartArray("rows");
        foreach (BenchSummaryRow r in rows)
        {
            w.WriteStartObject();
            w.WriteString("task", r.Task);
            w.WriteString("estimator", r.Estimator);
            w.WriteNumber("samples", r.Samples);
            w.WriteNumberOrNull("truth", r.Truth);
            w.WriteNumberOrNull("mean", r.Mean);
            w.WriteNumberOrNull("sd", r.Sd);
            w.WriteNumber("seeds", r.Seeds);
            w.WriteNumberOrNull("log_ratio", r.Score);
            w.WriteNumber("ci_covered", r.CiCovered);
            w.WriteNumber("ci_cells", r.CiCells);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("samples_needed");
        foreach (BenchSamplesNeeded n in BenchSummary.SamplesNeeded(rows))
        {
            w.WriteStartObject();
            w.WriteString("task", n.Task);
            w.WriteString("estimator", n.Estimator);
            if (n.Samples is { } samples) w.WriteNumber("samples", samples); else w.WriteNull("samples");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("coverage");
        foreach (BenchCoverage c in BenchSummary.Coverage(cells))
        {
            w.WriteStartObject();
            w.WriteString("estimator", c.Estimator);
            w.WriteNumber("samples", c.Samples);
            w.WriteNumber("covered", c.Covered);
            w.WriteNumber("with_ci", c.WithCi);
            w.WriteNumber("cells", c.Cells);
            w.WriteNumberOrNull("fraction", c.Fraction);
            w.WriteNumber("unreliable", c.Unreliable);
            w.WriteNumber("missed_unflagged", c.MissedUnflagged);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One cell as a single line of JSON (no trailing newline).</summary>
    public static string CellLine(BenchResult cell)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) WriteCell(w, cell);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses one cell line; throws <see cref="JsonException"/> or <see cref="FormatException"/> when malformed.</summary>
    public static BenchResult ParseCellLine(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return ReadCell(doc.RootElement);
    }

    /// <summary>Reads a report file; any problem becomes a one-line <see cref="InvalidDataException"/> starting with <paramref name="context"/>.</summary>
    public static BenchReport ReadReport(string path, string context)
    {
        try
        {
            if (Directory.Exists(path)) throw new InvalidDataException("it is a directory");
            using var doc = JsonDocument.Parse(ReadBounded(path));
            JsonElement root = doc.RootElement;
            BenchGridSpec grid = ReadGrid(Property(root, "grid"));
            JsonElement shardElement = Property(root, "shard");
            ShardSpec? shard = shardElement.ValueKind == JsonValueKind.Null ? null : ShardSpec.Parse(shardElement.GetString()!, "shard");
            var cells = Property(root, "cells").EnumerateArray().Select(ReadCell).ToArray();
            return new BenchReport(grid, shard, cells);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException
                                      or InvalidOperationException or KeyNotFoundException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"{context}: cannot read '{path}' as a `mi bench` result: {OneLine(e.Message)}");
        }
    }

    /// <summary>Longest error detail echoed: a bad file's content must not flood the terminal.</summary>
    private const int MaxDetail = 200;

    private static string OneLine(string message)
    {
        string line = message.ReplaceLineEndings(" ");
        return line.Length <= MaxDetail ? line : line[..MaxDetail] + "…";
    }

    // The whole file, refusing a NUL byte (a device such as /dev/zero, a binary file) at once and anything larger
    // than a quarter of the available memory (the parsed document takes a few times its size) before reading it all.
    private static byte[] ReadBounded(string path)
    {
        long limit = MemoryBudget.AvailableBytes / 4;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (stream.CanSeek && stream.Length > limit) throw new InvalidDataException($"it is {MemoryBudget.Format(stream.Length)}, more than a result file can be ({MemoryBudget.Format(limit)})");
        using var content = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (Array.IndexOf(buffer, (byte)0, 0, read) >= 0) throw new InvalidDataException("it holds a NUL byte (binary data, not JSON)");
            content.Write(buffer, 0, read);
            if (content.Length > limit) throw new InvalidDataException($"it is larger than a result file can be ({MemoryBudget.Format(limit)})");
        }
        return content.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteCell(Utf8JsonWriter w, BenchResult cell)
    {
        w.WriteStartObject();
        w.WriteString("task", cell.Key.Task);
        w.WriteString("estimator", cell.Key.Estimator);
        w.WriteNumber("samples", cell.Key.Samples);
        w.WriteNumber("seed", cell.Key.Seed);
        w.WriteNumberOrNull("mi", cell.Mi);
        w.WriteNumberOrNull("truth", cell.Truth);
        w.WriteNumberOrNull("std_error", cell.StdError);
        w.WriteInterval("ci95", cell.Ci95Low, cell.Ci95High);
        w.WriteNumberOrNull("seconds", cell.Seconds);
        w.WriteNumberOrNull("log_ratio", cell.Score);
        if (cell.CiCovers is { } covers) w.WriteBoolean("ci_covers", covers); else w.WriteNull("ci_covers");
        if (cell.Reliability is null) w.WriteNull("reliability"); else w.WriteString("reliability", cell.Reliability);
        w.WriteEndObject();
    }

    private static BenchGridSpec ReadGrid(JsonElement e) => new(
        Property(e, "tasks").EnumerateArray().Select(v => v.GetString()!).ToArray(),
        Property(e, "estimators").EnumerateArray().Select(v => v.GetString()!).ToArray(),
        Property(e, "samples").EnumerateArray().Select(v => v.GetInt32()).ToArray(),
        Property(e, "seeds").EnumerateArray().Select(v => v.GetUInt64()).ToArray());

    private static BenchResult ReadCell(JsonElement e)
    {
        var key = new BenchCellKey(
            Property(e, "task").GetString()!, Property(e, "estimator").GetString()!,
            Property(e, "samples").GetInt32(), Property(e, "seed").GetUInt64());
        JsonElement ci = Property(e, "ci95");
        if (ci.GetArrayLength() != 2) throw new FormatException("ci95 must hold two numbers");
        double seconds = e.TryGetProperty("seconds", out JsonElement s) ? Number(s) : double.NaN;
        string? reliability = e.TryGetProperty("reliability", out JsonElement r) && r.ValueKind != JsonValueKind.Null ? r.GetString() : null;
        return new BenchResult(key, Number(Property(e, "mi")), Number(Property(e, "truth")), Number(Property(e, "std_error")),
            Number(ci[0]), Number(ci[1]), seconds, reliability);
    }

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    private static JsonElement Property(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement value) ? value : throw new FormatException($"missing \"{name}\"");
}
