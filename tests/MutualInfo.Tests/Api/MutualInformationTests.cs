using MutualInfo.Randomness;

namespace MutualInfo.Tests.Api;

public class MutualInformationTests
{
    // Fewer splits than the default keep each estimate quick; the pipeline is the same.
    private static readonly MutualInformationOptions Quick = new() { Splits = 4, Threads = 2 };

    /// <summary>n pairs with correlation ρ: I = −½ ln(1 − ρ²).</summary>
    private static (double[] X, double[] Y) Gaussian(int n, double rho, ulong seed = 3)
    {
        var rng = new Rng(seed);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextGaussian();
            y[i] = rho * x[i] + Math.Sqrt(1 - rho * rho) * rng.NextGaussian();
        }
        return (x, y);
    }

    [Fact]
    public async Task A_constant_column_is_rejected_at_once_naming_its_parameter()
    {
        var (x, _) = Gaussian(400, 0.5);
        var y = Enumerable.Repeat(2.5, 400).ToArray();
        var call = Task.Run(() => Assert.Throws<ArgumentException>(() => MutualInformation.Estimate(x, y, Quick)));
        Assert.Same(call, await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10))));
        var e = await call;
        Assert.Equal("y", e.ParamName);
        Assert.Contains("constant", e.Message);
    }

    [Fact]
    public void A_constant_column_among_others_is_named_by_its_index()
    {
        var (a, b) = Gaussian(200, 0.5);
        var x = new double[200, 2];
        for (int i = 0; i < 200; i++) (x[i, 0], x[i, 1]) = (a[i], 7.0);
        var e = Assert.Throws<ArgumentException>(() => MutualInformation.Estimate(x, To2D(b), Quick));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("column 1", e.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_non_finite_value_is_rejected_naming_parameter_row_and_column(double bad)
    {
        var (x, y) = Gaussian(300, 0.5);
        x[17] = bad;
        var e = Assert.Throws<ArgumentException>(() => MutualInformation.Estimate(x, y, Quick));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x[17, 0]", e.Message);
    }

    [Fact]
    public void Different_row_counts_name_y()
    {
        var (x, y) = Gaussian(300, 0.5);
        var e = Assert.Throws<ArgumentException>(() => MutualInformation.Estimate(x, y[..299], Quick));
        Assert.Equal("y", e.ParamName);
    }

    [Fact]
    public void Too_few_rows_for_k_are_rejected()
    {
        var (x, y) = Gaussian(7, 0.5);
        var e = Assert.Throws<ArgumentException>(() => MutualInformation.Estimate(x, y, Quick));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("at least 8", e.Message);
    }

    [Fact]
    public void Unstandardised_columns_too_wide_for_double_are_rejected_naming_the_column()
    {
        var (x, y) = Gaussian(100, 0.5);
        var wide = y.Select(v => v * 1e200).ToArray();
        var e = Assert.Throws<ArgumentException>(() => MutualInformation.Estimate(x, wide, Quick with { Standardize = false }));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("'y[:, 0]'", e.Message);
        // Standardised (the default), the same column is fine: MI does not depend on units.
        Assert.Equal(MutualInformation.Estimate(x, y, Quick).Mi, MutualInformation.Estimate(x, wide, Quick).Mi, 1e-9);
    }

    [Fact]
    public void Ragged_jagged_rows_are_rejected()
    {
        double[][] x = [[1, 2], [3], [5, 6]];
        double[][] y = [[1], [2], [3]];
        var e = Assert.Throws<ArgumentException>(() => MutualInformation.Estimate(x, y, Quick));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x[1]", e.Message);
    }

    [Theory]
    [InlineData(0, 30, "K")]
    [InlineData(3, 1, "Splits")]
    public void Options_out_of_range_name_the_property(int k, int splits, string property)
    {
        var (x, y) = Gaussian(100, 0.5);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MutualInformation.Estimate(x, y, new MutualInformationOptions { K = k, Splits = splits }));
        Assert.Equal($"options.{property}", e.ParamName);
        Assert.Contains("must be", e.Message);
    }

    [Theory]
    [InlineData(1000.0, 0.0)]
    [InlineData(1e-6, 5.0)]
    [InlineData(3.0, 1e6)]
    public void Rescaling_or_shifting_a_column_leaves_the_answer_unchanged(double scale, double shift)
    {
        var (x, y) = Gaussian(1000, 0.8);
        var reference = MutualInformation.Estimate(x, y, Quick, seed: 5);
        var scaled = MutualInformation.Estimate(x, y.Select(v => v * scale + shift).ToArray(), Quick, seed: 5);
        // Standardisation and normal scores undo any positive affine map, up to rounding in the last bits.
        Assert.Equal(reference.Mi, scaled.Mi, 1e-9);
        Assert.Equal(reference.StdError, scaled.StdError, 1e-9);
    }

    [Fact]
    public void Estimates_a_known_gaussian_MI_within_its_CI()
    {
        var (x, y) = Gaussian(2000, 0.8, seed: 11);
        double truth = -0.5 * Math.Log(1 - 0.64);
        var result = MutualInformation.Estimate(x, y, new MutualInformationOptions { Splits = 10, Threads = 2 }, seed: 2);
        Assert.Equal("ksg-copula", result.Estimator);
        Assert.InRange(truth, result.Ci95Low, result.Ci95High);
        Assert.Equal(2000, result.NSamples);
        Assert.Equal("ok", result.Reliability.Verdict);
    }

    [Fact]
    public void The_three_array_shapes_give_the_same_result()
    {
        var (x, y) = Gaussian(300, 0.6);
        var fromColumns = MutualInformation.Estimate(x, y, Quick, seed: 9);
        var fromMatrix = MutualInformation.Estimate(To2D(x), To2D(y), Quick, seed: 9);
        var fromRows = MutualInformation.Estimate(x.Select(v => new[] { v }).ToArray(), y.Select(v => new[] { v }).ToArray(), Quick, seed: 9);
        Assert.Equal(fromColumns.Mi, fromMatrix.Mi);
        Assert.Equal(fromColumns.Mi, fromRows.Mi);
        Assert.Equal(fromColumns.Ci95High, fromRows.Ci95High);
    }

    [Fact]
    public void Inputs_are_not_modified()
    {
        var (x, y) = Gaussian(200, 0.6);
        var (x0, y0) = ((double[])x.Clone(), (double[])y.Clone());
        MutualInformation.Estimate(x, y, Quick);
        Assert.Equal(x0, x);
        Assert.Equal(y0, y);
    }

    private static double[,] To2D(double[] column)
    {
        var m = new double[column.Length, 1];
        for (int i = 0; i < column.Length; i++) m[i, 0] = column[i];
        return m;
    }
}
