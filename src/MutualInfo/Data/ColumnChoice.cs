using System.Globalization;

namespace MutualInfo.Data;

/// <summary>
/// Which CSV columns form X and which form Y, resolved against the header row.
/// </summary>
public sealed class ColumnChoice
{
    private readonly Func<IReadOnlyList<string>, (int[] X, int[] Y)> _resolve;

    private ColumnChoice(Func<IReadOnlyList<string>, (int[] X, int[] Y)> resolve) => _resolve = resolve;

    /// <summary>Column indexes of X and of Y for this header; throws an <see cref="ArgumentException"/> naming <c>x</c> or <c>y</c> (or, for <see cref="Leading"/>, an <see cref="InvalidDataException"/>) when impossible.</summary>
    public (int[] X, int[] Y) Resolve(IReadOnlyList<string> header)
    {
        var (x, y) = _resolve(header);
        foreach (int c in x)
            if (Array.IndexOf(y, c) >= 0) throw new ArgumentException($"column '{header[c]}' is in both X and Y", "y");
        RequireDistinct(x, header, "x");
        RequireDistinct(y, header, "y");
        return (x, y);
    }

    /// <summary>
    /// Explicit lists (comma-separated names or 0-based indexes; a token that is a column name wins over an index).
    /// A null list falls back to the default rule for that side (columns named X…, resp. Y…).
    /// </summary>
    public static ColumnChoice FromSpecs(string? x, string? y) => new(header =>
        (x is null ? ByPrefix(header, 'X', nameof(x)) : Parse(x, header, nameof(x)),
         y is null ? ByPrefix(header, 'Y', nameof(y)) : Parse(y, header, nameof(y))));

    /// <summary>The default: X = columns whose name is X or starts with X then a digit, '_' or '.'; likewise Y (the BMI layout X1…, Y1…).</summary>
    public static ColumnChoice Default() => FromSpecs(null, null);

    /// <summary>
    /// The BMI protocol: the first <paramref name="dimX"/> columns are X, the next <paramref name="dimY"/> are Y.
    /// A leading column named "seed" or with an empty name (a pandas index) is skipped; any other extra column is an error.
    /// </summary>
    public static ColumnChoice Leading(int dimX, int dimY)
    {
        if (dimX < 1) throw new ArgumentOutOfRangeException(nameof(dimX), $"must be at least 1, got {dimX}");
        if (dimY < 1) throw new ArgumentOutOfRangeException(nameof(dimY), $"must be at least 1, got {dimY}");
        return new(header =>
        {
            int first = header.Count > 0 && IsIndexColumn(header[0]) ? 1 : 0;
            int available = header.Count - first;
            if (available != dimX + dimY)
                throw new InvalidDataException($"dimX + dimY = {dimX + dimY}, but the file has {available} data column(s)");
            return (Enumerable.Range(first, dimX).ToArray(), Enumerable.Range(first + dimX, dimY).ToArray());
        });
    }

    private static bool IsIndexColumn(string name) =>
        name.Trim().Length == 0 || name.Trim().Equals("seed", StringComparison.OrdinalIgnoreCase);

    private static int[] Parse(string spec, IReadOnlyList<string> header, string parameter)
    {
        var tokens = spec.Split(',', StringSplitOptions.TrimEntries);
        if (tokens.Length == 0 || tokens.Any(t => t.Length == 0))
            throw new ArgumentException($"expected comma-separated column names or 0-based indexes, got '{spec}'", parameter);
        return tokens.Select(t => ResolveToken(t, header, parameter)).ToArray();
    }

    private static int ResolveToken(string token, IReadOnlyList<string> header, string parameter)
    {
        for (int c = 0; c < header.Count; c++)
            if (header[c] == token) return c;
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            if (index < header.Count) return index;
            throw new ArgumentException($"column index {index} is out of range (the file has {header.Count} columns, indexes 0–{header.Count - 1})", parameter);
        }
        throw new ArgumentException($"unknown column '{token}' (columns: {string.Join(", ", header)})", parameter);
    }

    private static int[] ByPrefix(IReadOnlyList<string> header, char prefix, string parameter)
    {
        var matches = Enumerable.Range(0, header.Count).Where(c => HasPrefix(header[c], prefix)).ToArray();
        if (matches.Length == 0)
            throw new ArgumentException($"no column named {prefix}… (columns: {string.Join(", ", header)}); choose the columns of {parameter} explicitly", parameter);
        return matches;
    }

    private static bool HasPrefix(string name, char prefix)
    {
        if (name.Length == 0 || char.ToUpperInvariant(name[0]) != prefix) return false;
        return name.Length == 1 || char.IsAsciiDigit(name[1]) || name[1] is '_' or '.';
    }

    private static void RequireDistinct(int[] columns, IReadOnlyList<string> header, string parameter)
    {
        for (int i = 0; i < columns.Length; i++)
            for (int j = i + 1; j < columns.Length; j++)
                if (columns[i] == columns[j]) throw new ArgumentException($"column '{header[columns[i]]}' is listed twice", parameter);
    }
}
