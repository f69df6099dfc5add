using MutualInfo.Data;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Data;

public class StandardizationTests
{
    [Fact]
    public void ColumnsGetZeroMeanAndUnitPopulationSd()
    {
        var rng = new Rng(3);
        var x = new double[300 * 2];
        var y = new double[300];
        for (int i = 0; i < x.Length; i++) x[i] = 100 + 7 * rng.NextGaussian();
        for (int i = 0; i < y.Length; i++) y[i] = rng.NextGamma(2);
        var s = Standardization.Apply(new PairedSamples(x, y, 2, 1));
        foreach (var (values, dim) in new[] { (s.X, 2), (s.Y, 1) })
            for (int c = 0; c < dim; c++)
            {
                var column = Enumerable.Range(0, 300).Select(i => values[i * dim + c]).ToArray();
                Assert.Equal(0, column.Average(), 12);
                Assert.Equal(1, Math.Sqrt(column.Average(v => v * v)), 12);
            }
    }

    [Fact]
    public void ConstantColumnIsRejectedByName()
    {
        var s = new PairedSamples([1, 2, 3], [5, 5, 5], 1, 1, ["a"], ["b"]);
        var e = Assert.Throws<UsageException>(() => Standardization.Apply(s));
        Assert.Contains("column 'b' is constant", e.Message);
    }

    [Fact]
    public void TooFewRowsNamesTheEstimator()
    {
        var s = new PairedSamples([1, 2, 3], [5, 6, 7], 1, 1);
        var e = Assert.Throws<UsageException>(() => SampleValidation.RequireRows(s, 8, "estimator ksg"));
        Assert.Equal("3 data row(s), but estimator ksg needs at least 8", e.Message);
    }
}
