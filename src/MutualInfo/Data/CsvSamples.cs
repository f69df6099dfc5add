using System.Globalization;
using nietras.SeparatedValues;

namespace MutualInfo.Data;

/// <summary>
/// Reads paired samples from a CSV file with a header row. Every selected cell must be a finite number
/// (invariant culture, '.' decimal point); other columns are ignored. Errors name the file, line and column.
/// </summary>
public static class CsvSamples
{
    /// <summary>Reads the columns chosen by <paramref name="choice"/> from <paramref name="path"/>.</summary>
    public static PairedSamples Read(string path, ColumnChoice choice, char delimiter = ',')
    {
        if (!File.Exists(path)) throw new UsageException($"'{path}': no such file");
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"'{path}': cannot read: {e.Message}");
        }
        return Parse(text, choice, delimiter, path);
    }

    /// <summary>Parses CSV text (as <see cref="Read"/>); <paramref name="source"/> names it in messages.</summary>
    public static PairedSamples Parse(string text, ColumnChoice choice, char delimiter = ',', string source = "<text>")
    {
        if (text.Trim().Length == 0) throw new UsageException($"'{source}': empty file (expected a header row, then one row per sample)");
        using var reader = Sep.New(delimiter).Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Trim = SepTrim.All, Unescape = true }).FromText(text);
        var header = reader.Header.ColNames.ToArray();
        if (header.Length < 2) throw new UsageException($"'{source}' line 1: found {header.Length} column (delimiter '{delimiter}'); at least two are needed — is --delimiter right?");
        var (xCols, yCols) = choice.Resolve(header);
        var x = new List<double>();
        var y = new List<double>();
        int line = 1;
        foreach (var row in reader)
        {
            line++;
            if (row.ColCount != header.Length)
                throw new UsageException($"'{source}' line {line}: expected {header.Length} columns as in the header, got {row.ColCount}");
            foreach (int c in xCols) x.Add(Cell(row[c].Span, source, line, header[c]));
            foreach (int c in yCols) y.Add(Cell(row[c].Span, source, line, header[c]));
        }
        if (x.Count == 0) throw new UsageException($"'{source}': no data rows after the header");
        return new PairedSamples(x.ToArray(), y.ToArray(), xCols.Length, yCols.Length,
            xCols.Select(c => header[c]).ToArray(), yCols.Select(c => header[c]).ToArray());
    }

    private static double Cell(ReadOnlySpan<char> cell, string source, int line, string column)
    {
        if (cell.Length == 0) throw new UsageException($"'{source}' line {line}, column '{column}': missing value");
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new UsageException($"'{source}' line {line}, column '{column}': not a number: '{Truncate(cell)}'");
        if (!double.IsFinite(value))
            throw new UsageException($"'{source}' line {line}, column '{column}': {cell.ToString()} is not a finite number");
        return value;
    }

    private static string Truncate(ReadOnlySpan<char> cell) => cell.Length <= 40 ? cell.ToString() : cell[..40].ToString() + "…";
}
