using System.Text.Json;

namespace MutualInfo.Cli.Output;

/// <summary>JSON has no NaN or ±∞: such values are written as null rather than failing or lying.</summary>
internal static class JsonNumbers
{
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }

    public static void WriteNumberOrNullValue(this Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
