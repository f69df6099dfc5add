using MutualInfo.Estimators;
using MutualInfo.Families;

namespace MutualInfo.Tests.Families;

public class CholeskyTests
{
    // Correlation 1 − 2⁻⁵¹: singular in all but the last bits; its exact pivot 1 − ρ² ≈ 8.9e-16 is rounding noise.
    private static readonly double NearOne = 1 - Math.Pow(2, -51);

    [Fact]
    public void A_pivot_at_rounding_level_is_singular()
    {
        Assert.Null(Cholesky.TryFactor([1, NearOne, NearOne, 1], 2));
        Assert.Null(Cholesky.TryFactor([4e10, 2e10 * NearOne * 2, 2e10 * NearOne * 2, 4e10], 2));
    }

    [Fact]
    public void An_ill_conditioned_but_regular_matrix_factors_with_the_exact_log_determinant()
    {
        double rho = 1 - 1e-10;
        var factor = Cholesky.TryFactor([1, rho, rho, 1], 2);
        Assert.NotNull(factor);
        Assert.Equal(Math.Log(1 - rho * rho), factor.LogDeterminant(), 1e-5);
    }

    [Fact]
    public void The_multinormal_family_and_the_gaussian_estimator_agree_on_singularity()
    {
        // One factorisation: the family refuses the covariance the estimator cannot use either.
        Assert.ThrowsAny<ArgumentException>(() => new MultinormalFamily(new double[,] { { 1, NearOne }, { NearOne, 1 } }, 1));
        var x = new double[] { 0.1, 0.7, -1.2, 2.0, 0.4, -0.3, 1.1, -0.8 };
        var samples = new MutualInfo.Data.PairedSamples(x, x.Select(v => v * NearOne).ToArray(), 1, 1);
        Assert.ThrowsAny<ArgumentException>(() => new GaussianEstimator(new GaussianOptions { Resamples = 0 }).Estimate(samples, 1));
    }
}
