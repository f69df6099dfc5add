using System.Globalization;
using System.Text.Json;

namespace MutualInfo.Cli.Tests.Adversarial;

/// <summary>Issue 10, item 5: values near the double range neither hang nor give a silent wrong number.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExtremeValueTests : IDisposable
{
    private readonly AdversarialFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static double Mi(string json) => JsonDocument.Parse(json).RootElement.GetProperty("mi").GetDouble();

    private static double EstimateMi(string csv, string estimator)
    {
        var result = CliRunner.Run("estimate", csv, "--estimator", estimator, "--splits", "4", "--json", "-");
        Assert.True(result.Exit == 0, result.Err);
        return Mi(result.Out);
    }

    [Theory]
    [InlineData("ksg-copula")]
    [InlineData("ksg")]
    [InlineData("gaussian")]
    public void Columns_scaled_by_1e154_or_1e300_give_the_unscaled_estimate(string estimator)
    {
        // MI is scale-invariant and standardising divides by the largest value first, so the scaled data are the
        // same numbers up to rounding: the estimates agree to far better than their SE (≈ 0.05 at n = 200).
        double reference = EstimateMi(_files.Csv("ref.csv"), estimator);
        foreach (double scale in new[] { 1e154, 1e300 })
            Assert.Equal(reference, EstimateMi(_files.Csv($"s{scale}.csv", scale: scale), estimator), 6);
    }

    [Fact]
    public async Task A_single_1e308_cell_finishes_with_a_finite_estimate_in_estimate_and_bmi()
    {
        string csv = _files.Csv("one.csv", lastRow: "1e308,0.5");
        var task = Task.Run(() =>
        {
            double copula = EstimateMi(csv, "ksg-copula");
            var bmi = CliRunner.Run("bmi", csv, "1", "1");
            return (copula, bmi);
        });
        // Before the fix both spun at 100 % CPU forever; a timeout fails the test instead of hanging the suite.
        var (copula, bmi) = await task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(double.IsFinite(copula));
        Assert.Equal(0, bmi.Exit);
        Assert.True(double.IsFinite(double.Parse(bmi.Out, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Unstandardised_columns_too_wide_for_double_distances_are_refused()
    {
        string csv = _files.Text("wide.csv", "X1,Y1\n-1.6e308,1\n1.6e308,2\n0,3\n1,5\n2,4\n3,7\n4,6\n5,9\n6,8\n7,11\n");
        CliAssert.UsageError(CliRunner.Run("estimate", csv, "--estimator", "ksg", "--no-standardize"), "column 'X1'", "drop --no-standardize");
    }
}
