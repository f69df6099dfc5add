using System.Globalization;

namespace MutualInfo.Simulation;

/// <summary>
/// Parses batch-size lists: comma-separated items, each a number (<c>1000</c>), a power (<c>2^10</c>) or a range of
/// powers of one base (<c>2^1..2^16</c>, every exponent in between). Duplicates are removed; order is ascending.
/// </summary>
internal static class BatchSizeList
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="ArgumentException"/> naming <paramref name="parameter"/> on bad input.</summary>
    public static IReadOnlyList<int> Parse(string text, string parameter = "batchSizes")
    {
        var sizes = new SortedSet<int>();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0) throw new ArgumentException($"empty item in '{text}'", parameter);
            int range = raw.IndexOf("..", StringComparison.Ordinal);
            if (range < 0)
            {
                sizes.Add(ParseSize(raw, parameter));
                continue;
            }
            (int baseLo, int expLo) = ParsePower(raw[..range], parameter);
            (int baseHi, int expHi) = ParsePower(raw[(range + 2)..], parameter);
            if (baseLo != baseHi || expLo > expHi)
                throw new ArgumentException($"a range must go up in powers of one base, like 2^1..2^16; got '{raw}'", parameter);
            for (int e = expLo; e <= expHi; e++) sizes.Add(Power(baseLo, e, raw, parameter));
        }
        return sizes.ToArray();
    }

    private static int ParseSize(string item, string parameter)
    {
        if (item.Contains('^'))
        {
            (int b, int e) = ParsePower(item, parameter);
            return Power(b, e, item, parameter);
        }
        return ParseInt(item, item, parameter);
    }

    private static (int Base, int Exponent) ParsePower(string item, string parameter)
    {
        string[] parts = item.Trim().Split('^');
        if (parts.Length != 2) throw new ArgumentException($"expected a power like 2^10, got '{item}'", parameter);
        int b = ParseInt(parts[0], item, parameter), e = ParseInt(parts[1], item, parameter);
        if (b < 2 || e < 0) throw new ArgumentException($"expected base ≥ 2 and exponent ≥ 0 in '{item}'", parameter);
        return (b, e);
    }

    private static int Power(int b, int e, string item, string parameter)
    {
        double value = Math.Pow(b, e);
        if (value > int.MaxValue) throw new ArgumentException($"'{item}' is too large", parameter);
        return (int)value;
    }

    private static int ParseInt(string text, string item, string parameter) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"'{item}' is not a whole number", parameter);
}
