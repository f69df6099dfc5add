using MutualInfo.Simulation;

namespace MutualInfo.Tests.Simulation;

public class BatchSizeListTests
{
    [Theory]
    [InlineData("16", new[] { 16 })]
    [InlineData("2^1..2^4", new[] { 2, 4, 8, 16 })]
    [InlineData("3^2, 10, 2^3", new[] { 8, 9, 10 })]
    [InlineData("2^4..2^4,16", new[] { 16 })]
    public void Parses_numbers_powers_and_ranges(string text, int[] expected) =>
        Assert.Equal(expected, BatchSizeList.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("2^")]
    [InlineData("2^4..3^5")]
    [InlineData("2^5..2^4")]
    [InlineData("-4")]
    [InlineData("1.5")]
    [InlineData("2^40")]
    [InlineData("4,,8")]
    public void Rejects_malformed_lists_naming_the_flag(string text)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => BatchSizeList.Parse(text));
        Assert.Equal("batchSizes", error.ParamName);
        Assert.DoesNotContain('\n', error.Message);
    }
}
