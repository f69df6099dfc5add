namespace MutualInfo.Data;

/// <summary>
/// One CSV column's cells as they are read, row by row: a continuous column parses each cell at once (invariant
/// culture, finite numbers only), a discrete one keeps the text and codes it 0, 1, … in order of first appearance.
/// The first bad cell is remembered with its one-line message and thrown by <see cref="Values"/>.
/// </summary>
internal sealed class ColumnCells(bool discrete, string source, string column)
{
    private readonly List<double> _numbers = [];
    private readonly List<string> _text = [];
    private string? _error;

    /// <summary>Adds the cell of file line <paramref name="line"/>.</summary>
    public void Add(ReadOnlySpan<char> cell, int line)
    {
        if (discrete)
        {
            _text.Add(cell.ToString());
            return;
        }
        if (_error is not null) return;
        _error = Problem(cell, line, out double value);
        if (_error is null) _numbers.Add(value);
    }

    /// <summary>The column's values (codes for a discrete column); throws the first bad cell's message.</summary>
    public double[] Values()
    {
        if (discrete) return Codes();
        if (_error is not null) throw new InvalidDataException(_error);
        return _numbers.ToArray();
    }

    private string? Problem(ReadOnlySpan<char> cell, int line, out double value)
    {
        value = 0;
        if (cell.Length == 0) return $"'{source}' line {line}, column '{column}': missing value";
        if (!DecimalText.TryParse(cell, out value))
            return $"'{source}' line {line}, column '{column}': not a number: '{(cell.Length <= 40 ? cell.ToString() : cell[..40].ToString() + "…")}' (mark categorical columns as discrete)";
        if (!double.IsFinite(value)) return $"'{source}' line {line}, column '{column}': {cell} is not a finite number";
        return null;
    }

    private double[] Codes()
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new double[_text.Count];
        for (int i = 0; i < _text.Count; i++)
        {
            if (_text[i].Length == 0) throw new InvalidDataException($"'{source}' line {i + 2}, column '{column}': missing value");
            if (!codes.TryGetValue(_text[i], out int code)) codes[_text[i]] = code = codes.Count;
            result[i] = code;
        }
        return result;
    }
}
