using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;

namespace MutualInfo.Tests.Simulation;

public class ClubTests
{
    [Theory]
    [InlineData(1, 0.8)]
    [InlineData(5, 0.3)]
    public void Gaussian_lautum_information_is_d_rho2_over_1_minus_rho2_minus_I(int dim, double rho)
    {
        var family = new GaussianFamily(dim, rho);
        Assert.Equal(dim * rho * rho / (1 - rho * rho) - family.MutualInformation, family.LautumInformation!.Value, 12);
    }

    [Fact]
    public void Lautum_of_rho_0_8_in_one_dimension_is_1_267()
    {
        // 0.64 / 0.36 − 0.5108 = 1.2670; CLUB's value I + L = 16/9.
        var family = new GaussianFamily(1, 0.8);
        Assert.Equal(1.2670, family.LautumInformation!.Value, 4);
        Assert.Equal(16.0 / 9, family.MutualInformation + family.LautumInformation.Value, 12);
    }

    [Fact]
    public void Multinormal_lautum_equals_the_gaussian_one_for_the_same_covariance()
    {
        // Two independent pairs with correlation 0.6, as a 4×4 covariance: the same as gaussian:dim=2,rho=0.6.
        var covariance = new double[4, 4];
        for (int i = 0; i < 4; i++) covariance[i, i] = 1;
        covariance[0, 2] = covariance[2, 0] = covariance[1, 3] = covariance[3, 1] = 0.6;
        var multinormal = new MultinormalFamily(covariance, 2);
        Assert.Equal(new GaussianFamily(2, 0.6).LautumInformation!.Value, multinormal.LautumInformation!.Value, 10);
    }

    [Fact]
    public void Transforms_keep_the_lautum_information()
    {
        IKnownMiFamily plain = FamilySpec.Parse("gaussian:dim=2,rho=0.5"), cubic = FamilySpec.Parse("gaussian:dim=2,rho=0.5+cubic");
        Assert.Equal(plain.LautumInformation, cubic.LautumInformation);
        Assert.Null(FamilySpec.Parse("uniform-additive:eps=0.3").LautumInformation);
    }

    [Theory]
    [InlineData("gaussian:dim=1,rho=0.8", NegativeSampling.Independent, 64, 20000)]
    [InlineData("gaussian:dim=4,mi=1", NegativeSampling.Independent, 16, 20000)]
    [InlineData("multinormal:dense=0.5,dx=2,dy=2", NegativeSampling.InBatch, 32, 600)]
    [InlineData("gaussian:dim=2,rho=0.6+asinh", NegativeSampling.InBatch, 16, 1000)]
    public void Simulated_CLUB_averages_I_plus_lautum_and_sits_above_the_leave_one_out_bound(string spec, NegativeSampling negatives, int n, int trials)
    {
        IKnownMiFamily family = FamilySpec.Parse(spec);
        var settings = new SimulationSettings(family, BoundSpec.ParseList("club,loo-upper"), [n], trials, negatives, 4, 2);
        SimulationRun run = Simulator.Run(settings);
        SimulationRow club = run.Rows.Single(r => r.Bound == "club");
        double expected = family.MutualInformation + family.LautumInformation!.Value;
        Assert.InRange(expected, club.Estimate.Mean - 4 * club.Estimate.StdError, club.Estimate.Mean + 4 * club.Estimate.StdError);
        Assert.Equal(run.LautumInformation, family.LautumInformation);
        Assert.True(club.Estimate.Mean > run.TrueMi);
    }

    [Fact]
    public void Bound_values_follow_the_formula()
    {
        var club = new ClubBound();
        Assert.Equal(3 - (1 + 2 + 0) / 3.0, club.EvaluateSingle([3, 1, 2, 0]), 12);
        // diag (1, 4), off-diagonal (2, −1): 2.5 − 0.5.
        Assert.Equal(2.0, club.EvaluateBatch([1, 2, -1, 4], 2), 12);
        Assert.Equal(double.PositiveInfinity, club.EvaluateSingle([3, double.NegativeInfinity]));
        Assert.Equal(double.NegativeInfinity, club.EvaluateSingle([double.NegativeInfinity, 1]));
    }
}
