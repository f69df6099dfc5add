namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>
/// Issue 10, "exit 1 where the input is at fault": each of these was an internal error (or worse); each must be exit 2
/// with one line naming the flag, row or column.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class InputErrorTests : IDisposable
{
    private readonly AdversarialFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("X,X\n1,2\n3,4\n", "column name 'X' appears twice")]
    [InlineData(",\n1,2\n3,4\n", "column 1: empty column name")]
    [InlineData("X1,,Y1\n1,2,3\n3,4,5\n", "column 2: empty column name")]
    [InlineData("X1,Y1\n1,2\n9\0,3\n", "line 3: NUL character")]
    public void Bad_headers_and_cells_name_the_line_or_column(string content, string expected)
    {
        string csv = _files.Text("bad.csv", content);
        CliAssert.UsageError(CliRunner.Run("estimate", csv), expected);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\n")]
    [InlineData("é")]
    [InlineData("1")]
    public void Unusable_delimiters_name_the_flag(string delimiter)
    {
        string csv = _files.Csv("d.csv");
        CliAssert.UsageError(CliRunner.Run("estimate", csv, "--delimiter", delimiter), "--delimiter");
    }

    [Fact]
    public void A_line_longer_than_the_reader_allows_names_its_line()
    {
        string csv = _files.Text("long.csv", "X1,Y1\n1,2\n3,4\n5," + new string('6', 17_000_000) + "\n");
        CliAssert.UsageError(CliRunner.Run("estimate", csv), "line 4", "longer than");
    }

    [Fact]
    public void Devices_and_directories_as_input_are_refused_at_once()
    {
        CliAssert.UsageError(CliRunner.Run("estimate", "/dev/zero"), "'/dev/zero' line 1: NUL character");
        CliAssert.UsageError(CliRunner.Run("estimate", _files.Path), "is a directory");
        CliAssert.UsageError(CliRunner.Run("bench", "merge", "/dev/zero", "--json", _files.File("m.json")), "/dev/zero", "NUL");
        CliAssert.UsageError(CliRunner.Run("bench", "merge", _files.Path), "is a directory");
    }

    [Theory]
    [InlineData("--permutations", "2147483647", "--permutations")]
    [InlineData("--resamples", "2147483647", "--resamples")]
    [InlineData("--k", "2147483647", "--k: must be at most")]
    [InlineData("--splits", "2147483647", "--splits")]
    public void Huge_counts_in_estimate_name_their_flag(string flag, string value, string expected)
    {
        string csv = _files.Csv("d.csv");
        string estimator = flag == "--resamples" ? "gaussian" : "ksg";
        CliAssert.UsageError(CliRunner.Run("estimate", csv, "--estimator", estimator, flag, value), expected);
    }

    [Theory]
    [InlineData("--seeds", "2147483647", "--seeds")]
    [InlineData("--estimators", "gaussian:resamples=2147483647", "--resamples")]
    public void Huge_counts_in_bench_name_their_flag(string flag, string value, string expected)
    {
        CliAssert.UsageError(CliRunner.Run("bench", "--tasks", "1v1-normal-0.75", "--samples", "64", flag, value, "--json", _files.File("b.json")), expected);
        Assert.False(File.Exists(_files.File("b.json.partial.jsonl")));
    }

    [Theory]
    [InlineData("gaussian:dim=2147483647,mi=1", "would need about")]
    [InlineData("student-t:dx=1,dy=1,dof=0.01", "cannot be represented")]
    [InlineData("student-t:dx=1,dy=1,dof=1e-300", "cannot be represented")]
    [InlineData("gaussian:dim=1,mi=1+cubic+cubic+cubic+cubic+cubic+cubic", "cannot be represented")]
    [InlineData("uniform-additive:eps=1e-300", "cannot be represented")]
    public void Families_beyond_double_or_memory_are_refused(string family, string expected)
    {
        CliAssert.UsageError(CliRunner.Run("simulate", "--family", family, "--n", "16", "--trials", "10", "--json", _files.File("s.json")), expected);
        Assert.False(File.Exists(_files.File("s.json")));
    }

    [Theory]
    [InlineData("--lr", "1e9", "--estimator", "infonce", "--lr: training diverged")]
    [InlineData("--tau", "1e308", "--estimator", "smile", "tau must be at most")]
    [InlineData("--hidden", "1000000", "--estimator", "infonce", "--hidden")]
    public void Neural_flags_out_of_reach_name_their_flag(string flag, string value, string estimatorFlag, string estimator, string expected)
    {
        string csv = _files.Csv("d.csv");
        CliAssert.UsageError(CliRunner.Run("estimate", csv, estimatorFlag, estimator, flag, value, "--steps", "50", "--eval-every", "50"), expected);
    }

    [Fact]
    public void Bad_values_name_the_flag_and_the_expected_value_not_a_clr_type()
    {
        string csv = _files.Csv("d.csv");
        string seed = CliAssert.UsageError(CliRunner.Run("estimate", csv, "--seed", "-1"), "--seed", "'-1'");
        Assert.DoesNotContain("System.", seed);
        CliAssert.UsageError(CliRunner.Run("estimate", csv, "--search", "Foo"), "--search", "Auto, Tree, BruteForce");
        string unknown = CliAssert.UsageError(CliRunner.Run("bogus"), "'bogus'", "estimate");
        Assert.DoesNotContain("Required command", unknown);
    }

    [Fact]
    public void Empty_list_items_are_refused_everywhere()
    {
        CliAssert.UsageError(CliRunner.Run("bench", "--tasks", "", "--json", _files.File("b.json")), "--tasks", "empty item");
        CliAssert.UsageError(CliRunner.Run("bench", "--estimators", "ksg,,gaussian", "--json", _files.File("b.json")), "--estimators", "empty item");
        CliAssert.UsageError(CliRunner.Run("tasks", "--tasks", "1v1*,"), "--tasks", "empty item");
        CliAssert.UsageError(CliRunner.Run("simulate", "--family", "gaussian:dim=1,mi=1", "--n", "16,,32", "--trials", "4"), "--n");
        CliAssert.UsageError(CliRunner.Run("simulate", "--family", "gaussian:dim=1,mi=1", "--bounds", "infonce,", "--n", "16", "--trials", "4"), "--bounds");
        CliAssert.UsageError(CliRunner.Run("staircase", "--levels", "2,,4"), "--levels", "empty item");
    }

    [Fact]
    public void A_bad_merge_input_is_quoted_in_at_most_a_short_line()
    {
        string big = _files.Text("big.json", "{\"grid\": {\"tasks\": [\"" + new string('A', 5_000_000) + "\"]}, \"shard\": null, \"cells\": []}");
        string line = CliAssert.UsageError(CliRunner.Run("bench", "merge", big), "big.json");
        Assert.True(line.Length < 600, $"{line.Length} characters");
    }
}
