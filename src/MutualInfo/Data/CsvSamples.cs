using System.Globalization;
using nietras.SeparatedValues;

namespace MutualInfo.Data;

/// <summary>
/// Reads paired samples from a CSV file with a header row. Every selected cell must be a finite number
/// (invariant culture, '.' decimal point); other columns are ignored. Errors name the file, line and column.
/// The whole text is held in memory, so a file larger than the memory it would need is refused before reading it,
/// and a NUL character (a binary file, a device such as /dev/zero, a cell like "9\0") is refused at its line.
/// </summary>
public static class CsvSamples
{
    /// <summary>Sep's longest row (characters); a longer one is refused with its line number.</summary>
    private const int MaxRowChars = 16 * 1024 * 1024;

    /// <summary>Bytes of memory per byte of file while parsing: the UTF-16 text (2) plus the parsed cells and slack (1).</summary>
    private const long MemoryPerFileByte = 3;

    /// <summary>Reads the columns chosen by <paramref name="choice"/> from <paramref name="path"/>.</summary>
    public static PairedSamples Read(string path, ColumnChoice choice, char delimiter = ',')
    {
        if (Directory.Exists(path)) throw new InvalidDataException($"'{path}' is a directory, not a CSV file");
        if (!File.Exists(path)) throw new FileNotFoundException($"'{path}': no such file", path);
        return Parse(ReadText(path), choice, delimiter, path);
    }

    /// <summary>Parses CSV text (as <see cref="Read"/>); <paramref name="source"/> names it in messages.</summary>
    public static PairedSamples Parse(string text, ColumnChoice choice, char delimiter = ',', string source = "<text>")
    {
        RequireUsableDelimiter(delimiter);
        if (text.Trim().Length == 0) throw new InvalidDataException($"'{source}': empty file (expected a header row, then one row per sample)");
        RequireNoNul(text, source);
        string[] header = HeaderNames(text, delimiter, source);
        if (header.Length < 2) throw new InvalidDataException($"'{source}' line 1: found {header.Length} column (delimiter '{delimiter}'); at least two are needed — is the delimiter right?");
        using var reader = Sep.New(delimiter).Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Trim = SepTrim.All, Unescape = true }).FromText(text);
        var (xCols, yCols) = choice.Resolve(header);
        var x = new List<double>();
        var y = new List<double>();
        int line = 1;
        while (NextRow(reader, source, line))
        {
            var row = reader.Current;
            line++;
            if (row.ColCount != header.Length)
                throw new InvalidDataException($"'{source}' line {line}: expected {header.Length} columns as in the header, got {row.ColCount}");
            foreach (int c in xCols) x.Add(Cell(row[c].Span, source, line, header[c]));
            foreach (int c in yCols) y.Add(Cell(row[c].Span, source, line, header[c]));
        }
        if (x.Count == 0) throw new InvalidDataException($"'{source}': no data rows after the header");
        return new PairedSamples(x.ToArray(), y.ToArray(), xCols.Length, yCols.Length,
            xCols.Select(c => header[c]).ToArray(), yCols.Select(c => header[c]).ToArray());
    }

    /// <summary>
    /// Throws unless <paramref name="delimiter"/> can separate numeric fields: tab or printable ASCII other than the
    /// quote, letters, digits and the characters of a number ('.', '+', '-').
    /// </summary>
    public static void RequireUsableDelimiter(char delimiter, string parameter = "delimiter")
    {
        bool usable = delimiter == '\t' || (delimiter is >= ' ' and <= '~' && delimiter != '"' && !char.IsAsciiLetterOrDigit(delimiter) && delimiter is not ('.' or '+' or '-'));
        if (!usable)
            throw new ArgumentException($"'{Printable(delimiter)}' cannot separate numbers; use tab or a printable ASCII character other than the quote, letters, digits, '.', '+' and '-'", parameter);
    }

    // The whole file as text, refusing what would not fit in memory: by its size when it has one (a regular file),
    // else (a pipe, a device) as soon as what has been read exceeds the limit.
    internal static string ReadText(string path)
    {
        long limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / MemoryPerFileByte;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            if (stream.CanSeek && stream.Length > limit) throw TooLarge(path, stream.Length, limit);
            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            var text = new System.Text.StringBuilder();
            var buffer = new char[1 << 16];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                // A NUL in the first block is a binary file or a device: refuse before reading gigabytes of it.
                if (text.Length == 0) RequireNoNul(new string(buffer, 0, read), path);
                text.Append(buffer, 0, read);
                if (text.Length > limit) throw TooLarge(path, text.Length, limit);
            }
            return text.ToString();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"'{path}': cannot read: {e.Message}", e);
        }
    }

    private static InvalidDataException TooLarge(string path, long size, long limit) =>
        new($"'{path}': {Megabytes(size)} MB or more; reading it needs about {Megabytes(size * MemoryPerFileByte)} MB of memory, more than the {Megabytes(limit * MemoryPerFileByte)} MB available");

    private static long Megabytes(long bytes) => (bytes + (1 << 20) - 1) >> 20;

    internal static void RequireNoNul(string text, string source)
    {
        int at = text.IndexOf('\0');
        if (at < 0) return;
        int line = 1 + text.AsSpan(0, at).Count('\n');
        throw new InvalidDataException($"'{source}' line {line}: NUL character (a binary file, not CSV text)");
    }

    // The header row's names, checked: none empty, no two equal (a column must be nameable by --x/--y).
    private static string[] HeaderNames(string text, char delimiter, string source)
    {
        int end = text.IndexOf('\n');
        string first = (end < 0 ? text : text[..end]).TrimEnd('\r');
        if (first.Length > MaxRowChars) throw new InvalidDataException($"'{source}' line 1: longer than {MaxRowChars} characters (is it a CSV file?)");
        using var reader = Sep.New(delimiter).Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Trim = SepTrim.All, Unescape = true }).FromText(first + "\n");
        if (!reader.MoveNext()) return [];
        var row = reader.Current;
        var names = new string[row.ColCount];
        for (int c = 0; c < names.Length; c++) names[c] = row[c].ToString();
        var seen = new Dictionary<string, int>();
        for (int c = 0; c < names.Length; c++)
        {
            if (names[c].Length == 0 && names.Length > 1)
                throw new InvalidDataException($"'{source}' line 1, column {c + 1}: empty column name; every column needs a name");
            if (seen.TryGetValue(names[c], out int earlier))
                throw new InvalidDataException($"'{source}' line 1: column name '{names[c]}' appears twice (columns {earlier + 1} and {c + 1}); names must be unique");
            seen[names[c]] = c;
        }
        return names;
    }

    private static bool NextRow(SepReader reader, string source, int line)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (NotSupportedException)
        {
            throw new InvalidDataException($"'{source}' line {line + 1}: longer than {MaxRowChars} characters (or an unterminated quote)");
        }
    }

    private static string Printable(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        _ when char.IsControl(c) => $"U+{(int)c:X4}",
        _ => c.ToString(),
    };

    private static double Cell(ReadOnlySpan<char> cell, string source, int line, string column)
    {
        if (cell.Length == 0) throw new InvalidDataException($"'{source}' line {line}, column '{column}': missing value");
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new InvalidDataException($"'{source}' line {line}, column '{column}': not a number: '{Truncate(cell)}'");
        if (!double.IsFinite(value))
            throw new InvalidDataException($"'{source}' line {line}, column '{column}': {cell.ToString()} is not a finite number");
        return value;
    }

    private static string Truncate(ReadOnlySpan<char> cell) => cell.Length <= 40 ? cell.ToString() : cell[..40].ToString() + "…";
}
