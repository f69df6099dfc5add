using System.Globalization;

namespace MutualInfo.Families;

/// <summary>Formats numbers in family specifications: invariant culture, shortest text that parses back exactly.</summary>
internal static class SpecNumber
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
