using System.Globalization;
using MutualInfo.Data;

namespace MutualInfo.Tests.Data;

public class ConditionalCsvTests
{
    private static readonly ConditionalColumns Xyz = new("X", "Y", "Z", null);

    [Theory]
    // A wrong column count anywhere wins over a bad cell earlier in the file.
    [InlineData("X,Y,Z\n1,2,3\n1,abc,3\n1,2,3\n1,2\n", "'<text>' line 5: expected 3 columns as in the header, got 2")]
    // Otherwise the first bad cell of the first column (X, then Y, then Z) that has one, even if another column's comes earlier.
    [InlineData("X,Y,Z\n1,oops,3\n1,2,3\n,2,3\n", "'<text>' line 4, column 'X': missing value")]
    [InlineData("X,Y,Z\n1,2,inf\n1,2,3\n1,2e999,3\n", "'<text>' line 4, column 'Y': 2e999 is not a finite number")]
    [InlineData("X,Y,Z\n1,2,3\n1,2,3\n1,2,x\n", "'<text>' line 4, column 'Z': not a number: 'x' (mark categorical columns as discrete)")]
    public void ErrorsNameTheSameCellAsReadingEverythingFirst(string text, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => ConditionalCsv.Parse(text, Xyz));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void ContinuousCellsParseExactlyAndDiscreteCellsAreCodedInOrderOfAppearance()
    {
        var rng = new Random(5);
        var rows = Enumerable.Range(0, 200).Select(_ => (X: rng.NextDouble() * 1e3 - 500, Y: Math.Exp(rng.NextDouble() * 40 - 20), Z: "abc"[rng.Next(3)].ToString())).ToArray();
        string text = "X,Y,Z\n" + string.Concat(rows.Select(r => $"{r.X.ToString("R", CultureInfo.InvariantCulture)}, {r.Y.ToString("E10", CultureInfo.InvariantCulture)} ,{r.Z}\n"));
        var s = ConditionalCsv.Parse(text, Xyz with { Discrete = "Z" });
        Assert.Equal(rows.Select(r => r.X), s.X.Values);
        Assert.Equal(rows.Select(r => double.Parse(r.Y.ToString("E10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)), s.Y.Values);
        var order = rows.Select(r => r.Z).Distinct().ToList();
        Assert.Equal(rows.Select(r => (double)order.IndexOf(r.Z)), s.Z.Values);
    }
}
