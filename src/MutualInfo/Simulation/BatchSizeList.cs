using System.Globalization;

namespace MutualInfo.Simulation;

/// <summary>
/// Parses batch-size lists: comma-separated items, each a number (<c>1000</c>), a power (<c>2^10</c>) or a range of
/// powers of one base (<c>2^1..2^16</c>, every exponent in between). Duplicates are removed; order is ascending.
/// </summary>
public static class BatchSizeList
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="UsageException"/> naming <paramref name="flag"/> on bad input.</summary>
    public static IReadOnlyList<int> Parse(string text, string flag = "--n")
    {
        var sizes = new SortedSet<int>();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0) throw new UsageException($"{flag}: empty item in '{text}'");
            int range = raw.IndexOf("..", StringComparison.Ordinal);
            if (range < 0)
            {
                sizes.Add(ParseSize(raw, flag));
                continue;
            }
            (int baseLo, int expLo) = ParsePower(raw[..range], flag);
            (int baseHi, int expHi) = ParsePower(raw[(range + 2)..], flag);
            if (baseLo != baseHi || expLo > expHi)
                throw new UsageException($"{flag}: a range must go up in powers of one base, like 2^1..2^16; got '{raw}'");
            for (int e = expLo; e <= expHi; e++) sizes.Add(Power(baseLo, e, raw, flag));
        }
        return sizes.ToArray();
    }

    private static int ParseSize(string item, string flag)
    {
        if (item.Contains('^'))
        {
            (int b, int e) = ParsePower(item, flag);
            return Power(b, e, item, flag);
        }
        return ParseInt(item, item, flag);
    }

    private static (int Base, int Exponent) ParsePower(string item, string flag)
    {
        string[] parts = item.Trim().Split('^');
        if (parts.Length != 2) throw new UsageException($"{flag}: expected a power like 2^10, got '{item}'");
        int b = ParseInt(parts[0], item, flag), e = ParseInt(parts[1], item, flag);
        if (b < 2 || e < 0) throw new UsageException($"{flag}: expected base ≥ 2 and exponent ≥ 0 in '{item}'");
        return (b, e);
    }

    private static int Power(int b, int e, string item, string flag)
    {
        double value = Math.Pow(b, e);
        if (value > int.MaxValue) throw new UsageException($"{flag}: '{item}' is too large");
        return (int)value;
    }

    private static int ParseInt(string text, string item, string flag) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new UsageException($"{flag}: '{item}' is not a whole number");
}
