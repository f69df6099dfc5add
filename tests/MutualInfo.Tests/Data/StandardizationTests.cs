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
        var e = Assert.ThrowsAny<ArgumentException>(() => Standardization.Apply(s));
        Assert.Contains("column 'b' is constant", e.Message);
    }

    [Fact]
    public void TooFewRowsNamesTheEstimator()
    {
        var s = new PairedSamples([1, 2, 3], [5, 6, 7], 1, 1);
        var e = Assert.ThrowsAny<ArgumentException>(() => SampleValidation.RequireRows(s, 8, "estimator ksg"));
        Assert.Equal("samples: 3 data row(s), but estimator ksg needs at least 8", ErrorLine.Of(e));
    }

    [Theory]
    [InlineData(1e154)]
    [InlineData(1e300)]
    [InlineData(1.7e308)]
    public void ColumnsNearTheDoubleRangeStandardiseWithoutOverflow(double scale)
    {
        // Sums of such values (and of their squares) overflow; dividing by the largest magnitude first keeps them in
        // [−1, 1], so the z-scores equal those of the unscaled column up to rounding.
        var rng = new Rng(5);
        var x = Enumerable.Range(0, 200).Select(_ => rng.NextGaussian()).ToArray();
        var y = Enumerable.Range(0, 200).Select(_ => rng.NextGaussian()).ToArray();
        double largest = x.Max(Math.Abs);
        var scaled = x.Select(v => v / largest * scale).ToArray();
        var reference = Standardization.Apply(new PairedSamples(x, y, 1, 1));
        var result = Standardization.Apply(new PairedSamples(scaled, y, 1, 1));
        for (int i = 0; i < x.Length; i++) Assert.Equal(reference.X[i], result.X[i], 10);
    }

    [Fact]
    public void OneCellAt1e308AmongOrdinaryValuesStaysFinite()
    {
        var x = Enumerable.Range(0, 50).Select(i => (double)i).Append(1e308).ToArray();
        var y = Enumerable.Range(0, 51).Select(i => (double)(i % 7)).ToArray();
        var s = Standardization.Apply(new PairedSamples(x, y, 1, 1));
        Assert.All(s.X, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(0, s.X.Average(), 9);
    }
}
