using System.Text.Json;

namespace MutualInfo;

/// <summary>JSON has no NaN or ±∞: such values, and missing ones, are written as null rather than failing or lying.</summary>
internal static class JsonNumbers
{
    /// <summary>Writes the property as a number when it is finite, otherwise as null.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        writer.WritePropertyName(name);
        writer.WriteNumberOrNullValue(value);
    }

    /// <summary>Writes the property as a two-element array [low, high], each end a number or null (e.g. "ci95").</summary>
    public static void WriteInterval(this Utf8JsonWriter writer, string name, double low, double high)
    {
        writer.WriteStartArray(name);
        writer.WriteNumberOrNullValue(low);
        writer.WriteNumberOrNullValue(high);
        writer.WriteEndArray();
    }

    /// <summary>Writes the value (an array element) as a number when it is finite, otherwise as null.</summary>
    public static void WriteNumberOrNullValue(this Utf8JsonWriter writer, double? value)
    {
        if (value is double v && double.IsFinite(v)) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}
