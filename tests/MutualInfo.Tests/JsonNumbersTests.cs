using System.Text;
using System.Text.Json;

namespace MutualInfo.Tests;

/// <summary>Non-finite and missing numbers become JSON null; finite ones round-trip exactly.</summary>
public class JsonNumbersTests
{
    [Theory]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    [InlineData(double.NegativeInfinity, "null")]
    [InlineData(0.1, "0.1")]
    [InlineData(-1e-300, "-1E-300")]
    public void WritesFiniteNumbersAndNullOtherwise(double value, string expected)
    {
        Assert.Equal($"{{\"v\":{expected},\"a\":[{expected}]}}", Write(value));
    }

    [Fact]
    public void MissingValueIsNull() => Assert.Equal("{\"v\":null,\"a\":[null]}", Write(null));

    [Fact]
    public void AnIntervalIsAPairWithOpenEndsAsNull()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteInterval("ci95", 0.25, double.PositiveInfinity);
            w.WriteEndObject();
        }
        Assert.Equal("{\"ci95\":[0.25,null]}", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Write(double? value)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumberOrNull("v", value);
            w.WriteStartArray("a");
            w.WriteNumberOrNullValue(value);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
