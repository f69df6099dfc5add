using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Neural.Estimation;

namespace MutualInfo.Cli.Tests;

/// <summary>The libraries throw ArgumentException naming a parameter; the CLI shows the flag the user typed.</summary>
public class LibraryErrorsTests
{
    [Fact]
    public void Library_assemblies_have_no_usage_exception()
    {
        Assert.Null(typeof(MutualInformation).Assembly.GetType("MutualInfo.UsageException"));
        Assert.Null(typeof(NeuralEstimator).Assembly.GetTypes().FirstOrDefault(t => t.Name == "UsageException"));
        Assert.NotNull(typeof(CliApp).Assembly.GetType("MutualInfo.Cli.UsageException"));
    }

    [Fact]
    public void An_option_property_becomes_its_flag()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new KsgOptions { K = 0 }.Validate());
        Assert.Equal("options.K", e.ParamName);
        Assert.Equal("--k: must be at least 1, got 0", LibraryErrors.Describe(e));
        var neural = Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralEstimatorOptions { MaxSteps = 0 }.Validate());
        Assert.Equal("--steps: must be at least 1, got 0", LibraryErrors.Describe(neural));
    }

    [Fact]
    public void Data_errors_keep_their_row_and_column_without_a_prefix()
    {
        var e = new ArgumentException("row 3, column 'Y1': value NaN is not finite", "samples");
        Assert.Equal("row 3, column 'Y1': value NaN is not finite", LibraryErrors.Describe(e));
    }

    [Fact]
    public void An_actual_value_does_not_add_a_second_line()
    {
        var e = new ArgumentOutOfRangeException("batchSizes", 1, "every batch size must be at least 2");
        Assert.Equal("--n: every batch size must be at least 2", LibraryErrors.Describe(e));
    }

    [Theory]
    [InlineData("--samples", "--samples")]
    [InlineData("options.Unknown", "options.Unknown")]
    [InlineData("options.Objective", "--estimator")]
    [InlineData("family", "--family")]
    [InlineData("families", "--family")]
    [InlineData("levels", "--sweep-mi")]
    [InlineData("delta", "--target-gap")]
    [InlineData("maxN", "--max-n")]
    [InlineData("negatives", "--negatives")]
    [InlineData("shardIndex", "--shard")]
    [InlineData("shardCount", "--shard")]
    [InlineData("shards", "merge")]
    public void Names_without_a_flag_are_shown_as_they_are(string parameter, string shown) =>
        Assert.Equal($"{shown}: bad", LibraryErrors.Describe(new ArgumentException("bad", parameter)));

    [Fact]
    public void Files_and_unknown_exceptions_show_their_first_line()
    {
        Assert.Equal("'a.csv' line 2: missing value", LibraryErrors.Describe(new InvalidDataException("'a.csv' line 2: missing value\nmore")));
        Assert.True(LibraryErrors.IsInputError(new FileNotFoundException("x")));
        Assert.False(LibraryErrors.IsInputError(new InvalidOperationException("x")));
    }

    [Fact]
    public void Library_advice_is_reworded_with_the_flag()
    {
        var e = Assert.Throws<InvalidDataException>(() => CsvSamples.Parse("X;Y\n1;2\n", ColumnChoice.Default()));
        Assert.EndsWith("is the delimiter right?", e.Message);
        Assert.EndsWith("is --delimiter right?", LibraryErrors.Describe(e));
    }
}
