using System.Globalization;
using CsCheck;
using MutualInfo.Data;

namespace MutualInfo.Tests.Data;

public class DecimalTextTests
{
    private static void SameAsTheFramework(string cell)
    {
        bool expected = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double reference);
        bool parsed = DecimalText.TryParse(cell, out double value);
        Assert.True(expected == parsed, $"'{cell}': framework {expected}, DecimalText {parsed}");
        if (expected) Assert.True(BitConverter.DoubleToInt64Bits(reference) == BitConverter.DoubleToInt64Bits(value), $"'{cell}': {reference:R} vs {value:R}");
    }

    [Fact]
    public void RandomTextOfNumberCharactersParsesAsTheFrameworkDoes() =>
        Gen.Char["0123456789.eE+-  0123456789nNaIifty∞"].Array[0, 30].Select(c => new string(c)).Sample(SameAsTheFramework, iter: 20000);

    [Fact]
    public void FormattedDoublesParseToTheSameBits() =>
        Gen.Select(Gen.Double, Gen.Int[0, 5]).Sample((v, style) =>
            SameAsTheFramework(v.ToString(new[] { "R", "E17", "G17", "F3", "E3", "G5" }[style], CultureInfo.InvariantCulture)), iter: 20000);

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("4.9e-325")]
    [InlineData("2.4703282292062328e-324")]
    [InlineData("1.7976931348623158e308")]
    [InlineData("1.7976931348623159e308")]
    [InlineData("-0")]
    [InlineData("0.1000000000000000055511151231257827021181583404541015625")]
    [InlineData("9007199254740993")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+.5e-3")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData("--1")]
    [InlineData("1e+")]
    public void EdgeCasesParseAsTheFrameworkDoes(string cell) => SameAsTheFramework(cell);
}
