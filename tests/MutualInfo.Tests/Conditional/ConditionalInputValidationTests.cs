using MutualInfo.Data;
using MutualInfo.Estimators.Conditional;

namespace MutualInfo.Tests.Conditional;

/// <summary>ConditionalMi.Estimate refuses values that are not finite, naming the row and column, as MutualInformation.Estimate does.</summary>
public class ConditionalInputValidationTests
{
    [Theory]
    [InlineData("ksg-cmi", 'x', double.NaN)]
    [InlineData("ksg-cmi", 'z', double.PositiveInfinity)]
    [InlineData("gaussian-cmi", 'y', double.NegativeInfinity)]
    [InlineData("auto", 'z', double.NaN)]
    public void A_value_that_is_not_finite_is_an_argument_error_naming_row_and_column(string estimator, char block, double bad)
    {
        var samples = CmiTestData.Draw("cmi-collider", 400, 3);
        double[] values = (block switch { 'x' => samples.X, 'y' => samples.Y, _ => samples.Z }).Values.ToArray();
        values[17] = bad;
        var damaged = block switch
        {
            'x' => new ConditionalSamples(CmiTestData.Column(values, "a"), samples.Y, samples.Z),
            'y' => new ConditionalSamples(samples.X, CmiTestData.Column(values, "b"), samples.Z),
            _ => new ConditionalSamples(samples.X, samples.Y, CmiTestData.Column(values, "c")),
        };
        var error = Assert.ThrowsAny<ArgumentException>(() => ConditionalMi.Estimate(damaged, estimator));
        Assert.Equal("samples", error.ParamName);
        Assert.Contains("row 18", error.Message);
        Assert.Contains($"'{(block switch { 'x' => "a", 'y' => "b", _ => "c" })}'", error.Message);
    }

    [Fact]
    public void Feature_ranking_refuses_a_value_that_is_not_finite()
    {
        var samples = CmiTestData.Draw("cmi-collider", 400, 3);
        double[] features = samples.X.Values.ToArray();
        features[5] = double.NaN;
        var error = Assert.ThrowsAny<ArgumentException>(() => FeatureRanking.Rank(CmiTestData.Column(features, "f"), CmiTestData.Column(samples.Y.Values, "t")));
        Assert.Equal("samples", error.ParamName);
        Assert.Contains("row 6, column 'f'", error.Message);
    }

    [Theory]
    [InlineData("ksg-cmi")]
    [InlineData("mixed-ksg")]
    [InlineData("ksg-cmi-copula")]
    [InlineData("gaussian-cmi")]
    public void An_estimator_used_directly_refuses_a_value_that_is_not_finite(string name)
    {
        var samples = CmiTestData.Draw("cmi-collider", 400, 3);
        double[] z = samples.Z.Values.ToArray();
        z[9] = double.PositiveInfinity;
        var damaged = new ConditionalSamples(samples.X, samples.Y, CmiTestData.Column(z, "c"));
        ICmiEstimator estimator = ConditionalMi.Choose(samples, name, new CmiOptions { Splits = 4 });
        var error = Assert.ThrowsAny<ArgumentException>(() => estimator.Estimate(damaged, 1));
        Assert.Equal("samples", error.ParamName);
        Assert.Contains("row 10, column 'c'", error.Message);
    }
}
