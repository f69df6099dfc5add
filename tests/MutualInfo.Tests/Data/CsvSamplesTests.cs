using MutualInfo.Data;

namespace MutualInfo.Tests.Data;

public class CsvSamplesTests
{
    private static PairedSamples Parse(string text, ColumnChoice? choice = null, char delimiter = ',') =>
        CsvSamples.Parse(text, choice ?? ColumnChoice.Default(), delimiter, "t.csv");

    private static string Error(string text, ColumnChoice? choice = null, char delimiter = ',')
    {
        // Malformed text is InvalidDataException; a column choice or delimiter that does not fit is an
        // ArgumentException naming its parameter, rendered here as "parameter: rule".
        var e = Assert.ThrowsAny<Exception>(() => Parse(text, choice, delimiter));
        Assert.DoesNotContain('\n', e.Message);
        return e switch
        {
            InvalidDataException => e.Message,
            ArgumentException a => $"{a.ParamName}: {ArgumentMessages.RuleOf(a)}",
            _ => throw new Xunit.Sdk.XunitException($"unexpected {e.GetType().Name}: {e.Message}"),
        };
    }

    [Fact]
    public void DefaultPicksColumnsNamedXAndYInRowMajorOrder()
    {
        var s = Parse("id,X1,X2,Y1,note\n7,1,2,3,a\n8,4.5,-6e-1,7,b\n");
        Assert.Equal((2, 1, 2), (s.DimX, s.DimY, s.Count));
        Assert.Equal(new[] { 1, 2, 4.5, -0.6 }, s.X);
        Assert.Equal(new[] { 3.0, 7 }, s.Y);
        Assert.Equal(new[] { "X1", "X2" }, s.XNames);
    }

    [Fact]
    public void ExplicitColumnsByNameOrIndex()
    {
        var s = Parse("a,b,c\n1,2,3\n4,5,6\n", ColumnChoice.FromSpecs("c,0", "b"));
        Assert.Equal(new[] { 3.0, 1, 6, 4 }, s.X);
        Assert.Equal(new[] { 2.0, 5 }, s.Y);
    }

    [Fact]
    public void OtherDelimiter() =>
        Assert.Equal(new[] { 1.5, 3 }, Parse("X;Y\n1.5;2\n3;4\n", delimiter: ';').X);

    [Fact]
    public void LeadingChoiceFollowsBmiLayoutAndSkipsSeedColumn()
    {
        var s = Parse("seed,a,b,c\n1,1,2,3\n1,4,5,6\n", ColumnChoice.Leading(1, 2));
        Assert.Equal(new[] { 1.0, 4 }, s.X);
        Assert.Equal(new[] { 2.0, 3, 5, 6 }, s.Y);
        Assert.Contains("dimX + dimY = 2, but the file has 3", Error("a,b,c\n1,2,3\n", ColumnChoice.Leading(1, 1)));
    }

    [Theory]
    [InlineData("X,Y\n1,2\n3\n", "line 3: expected 2 columns as in the header, got 1")]
    [InlineData("X,Y\n1,2\n3,4,5\n", "line 3: expected 2 columns")]
    [InlineData("X,Y\n1,2\n3,abc\n", "line 3, column 'Y': not a number: 'abc'")]
    [InlineData("X,Y\n1,2\n,4\n", "line 3, column 'X': missing value")]
    [InlineData("X,Y\n1,NaN\n", "line 2, column 'Y': NaN is not a finite number")]
    [InlineData("X,Y\n1,-Infinity\n", "line 2, column 'Y': -Infinity is not a finite number")]
    [InlineData("X,Y\n1,1e999\n", "line 2, column 'Y': 1e999 is not a finite number")]
    [InlineData("", "empty file")]
    [InlineData("X,Y\n", "no data rows")]
    [InlineData("X;Y\n1;2\n", "is the delimiter right?")]
    public void InvalidFilesGiveOneLineErrorsNamingLineAndColumn(string text, string expected) =>
        Assert.Contains(expected, Error(text));

    [Fact]
    public void ColumnSelectionErrors()
    {
        const string text = "a,b,c\n1,2,3\n";
        Assert.Contains("x: unknown column 'zz' (columns: a, b, c)", Error(text, ColumnChoice.FromSpecs("zz", "b")));
        Assert.Contains("y: column 'b' is in both X and Y", Error(text, ColumnChoice.FromSpecs("a,b", "1")));
        Assert.Contains("y: column index 9 is out of range", Error(text, ColumnChoice.FromSpecs("a", "9")));
        Assert.Contains("x: no column named X", Error(text));
        Assert.Contains("y: column 'c' is listed twice", Error(text, ColumnChoice.FromSpecs("a", "c,2")));
    }

    [Fact]
    public void MissingFileIsAUsageError() =>
        Assert.Contains("no such file", Assert.Throws<FileNotFoundException>(() => CsvSamples.Read("/nonexistent/x.csv", ColumnChoice.Default())).Message);
}
