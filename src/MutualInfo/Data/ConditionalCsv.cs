using System.Globalization;
using nietras.SeparatedValues;

namespace MutualInfo.Data;

/// <summary>
/// Which columns of a CSV file form X, Y and Z and which of them are discrete, as the user typed them
/// (comma-separated names or 0-based indexes; a name wins over an index; null X/Y fall back to columns named X…/Y…).
/// </summary>
/// <param name="X">--x specification, or null for the X… columns.</param>
/// <param name="Y">--y specification, or null for the Y… columns.</param>
/// <param name="Z">--z specification, or null for none.</param>
/// <param name="Discrete">--discrete specification, or null for none.</param>
public sealed record ConditionalColumns(string? X, string? Y, string? Z, string? Discrete);

/// <summary>
/// Reads <see cref="ConditionalSamples"/> from a CSV file with a header row. Continuous cells must be finite numbers
/// (invariant culture); discrete cells may hold any text, compared for equality and coded 0, 1, … in order of first
/// appearance. Errors are one line naming the flag, or the file, line and column.
/// </summary>
public static class ConditionalCsv
{
    /// <summary>Reads the columns chosen by <paramref name="columns"/> from <paramref name="path"/>.</summary>
    public static ConditionalSamples Read(string path, ConditionalColumns columns, char delimiter = ',')
    {
        // The same guarded read as the plain loader: directories, files larger than memory and binary input refused.
        return Parse(CsvSamples.ReadText(path), columns, delimiter, path);
    }

    /// <summary>Parses CSV text as <see cref="Read"/> does; <paramref name="source"/> names it in messages.</summary>
    public static ConditionalSamples Parse(string text, ConditionalColumns columns, char delimiter = ',', string source = "<text>")
    {
        if (text.Trim().Length == 0) throw new InvalidDataException($"'{source}': empty file (expected a header row, then one row per sample)");
        CsvSamples.RequireNoNul(text, source);
        using var reader = Sep.New(delimiter).Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Trim = SepTrim.All, Unescape = true }).FromText(text);
        var header = reader.Header.ColNames.ToArray();
        var (x, y, z, discrete) = Resolve(columns, header);
        var used = x.Concat(y).Concat(z).ToArray();
        // Continuous cells are parsed in place (no string per cell); discrete cells are kept as text for their codes.
        // A bad cell is remembered, not thrown at once, so the reported error is the one a read-all-then-parse-column-
        // by-column pass gives: a row with the wrong column count anywhere first, then the first bad cell of the first
        // column (in X, Y, Z order) that has one.
        var columnsRead = used.Select(c => new ColumnCells(discrete.Contains(c), source, header[c])).ToArray();
        int line = 1;
        foreach (var row in reader)
        {
            line++;
            if (row.ColCount != header.Length)
                throw new InvalidDataException($"'{source}' line {line}: expected {header.Length} columns as in the header, got {row.ColCount}");
            for (int u = 0; u < used.Length; u++) columnsRead[u].Add(row[used[u]].Span, line);
        }
        if (line == 1) throw new InvalidDataException($"'{source}': no data rows after the header");
        var values = columnsRead.Select(c => c.Values()).ToArray();
        int at = 0;
        ConditionalSamples.Block Block(int[] cols)
        {
            var block = Assemble(values.AsSpan(at, cols.Length), cols, header, discrete);
            at += cols.Length;
            return block;
        }
        var bx = Block(x);
        var by = Block(y);
        var bz = Block(z);
        return new ConditionalSamples(bx, by, bz);
    }

    /// <summary>The header row's column names of <paramref name="path"/>.</summary>
    public static string[] Header(string path, char delimiter = ',')
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"'{path}': no such file", path);
        string? first;
        try
        {
            using var file = File.OpenText(path);
            first = file.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"'{path}': cannot read: {e.Message}", e);
        }
        if (string.IsNullOrWhiteSpace(first)) throw new InvalidDataException($"'{path}': empty file (expected a header row, then one row per sample)");
        using var reader = Sep.New(delimiter).Reader(o => o with { HasHeader = true, Trim = SepTrim.All, Unescape = true }).FromText(first + "\n");
        return reader.Header.ColNames.ToArray();
    }

    /// <summary>Column indexes of X, Y, Z and the set of discrete ones; one-line errors for unknown, repeated or overlapping columns.</summary>
    public static (int[] X, int[] Y, int[] Z, HashSet<int> Discrete) Resolve(ConditionalColumns columns, IReadOnlyList<string> header)
    {
        var (x, y) = ColumnChoice.FromSpecs(columns.X, columns.Y).Resolve(header);
        int[] z = columns.Z is null ? [] : Tokens(columns.Z, header, "columns.Z");
        foreach (int c in z)
        {
            if (Array.IndexOf(x, c) >= 0) throw new ArgumentException($"column '{header[c]}' is also in X; a column cannot be conditioned on and measured", "columns.Z");
            if (Array.IndexOf(y, c) >= 0) throw new ArgumentException($"column '{header[c]}' is also in Y; a column cannot be conditioned on and measured", "columns.Z");
        }
        var discrete = new HashSet<int>();
        if (columns.Discrete is not null)
            foreach (int c in Tokens(columns.Discrete, header, "columns.Discrete"))
            {
                if (Array.IndexOf(x, c) < 0 && Array.IndexOf(y, c) < 0 && Array.IndexOf(z, c) < 0)
                    throw new ArgumentException($"column '{header[c]}' is not in X, Y or Z", "columns.Discrete");
                discrete.Add(c);
            }
        return (x, y, z, discrete);
    }

    /// <summary>Resolves a comma-separated list of names or 0-based indexes; errors name <paramref name="parameter"/>.</summary>
    public static int[] Tokens(string spec, IReadOnlyList<string> header, string parameter)
    {
        var tokens = spec.Split(',', StringSplitOptions.TrimEntries);
        if (tokens.Length == 0 || tokens.Any(t => t.Length == 0))
            throw new ArgumentException($"expected comma-separated column names or 0-based indexes, got '{spec}'", parameter);
        var result = new List<int>();
        foreach (string token in tokens)
        {
            int c = -1;
            for (int h = 0; h < header.Count && c < 0; h++) if (header[h] == token) c = h;
            if (c < 0 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                if (index >= header.Count)
                    throw new ArgumentException($"column index {index} is out of range (the file has {header.Count} columns, indexes 0–{header.Count - 1})", parameter);
                c = index;
            }
            if (c < 0) throw new ArgumentException($"unknown column '{token}' (columns: {string.Join(", ", header)})", parameter);
            if (result.Contains(c)) throw new ArgumentException($"column '{header[c]}' is listed twice", parameter);
            result.Add(c);
        }
        return result.ToArray();
    }

    private static ConditionalSamples.Block Assemble(ReadOnlySpan<double[]> columns, int[] indexes, IReadOnlyList<string> header, HashSet<int> discrete)
    {
        if (indexes.Length == 0) return ConditionalSamples.Block.Empty;
        int n = columns[0].Length, d = indexes.Length;
        var values = new double[n * d];
        for (int c = 0; c < d; c++)
            for (int i = 0; i < n; i++) values[i * d + c] = columns[c][i];
        return new ConditionalSamples.Block(values, d, indexes.Select(c => header[c]).ToArray(), indexes.Select(discrete.Contains).ToArray());
    }
}
