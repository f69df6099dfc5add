using System.Globalization;

namespace MutualInfo.Cli.Output;

/// <summary>CSV cells shared by every `--csv` writer: RFC 4180 quoting, round-trip numbers, empty for non-finite values.</summary>
internal static class CsvFields
{
    /// <summary>The field as is, or quoted (with doubled quotes) when it holds a comma, quote or newline.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>Round-trip invariant-culture text; empty for NaN and ±∞ (CSV has no such numbers).</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";
}
