using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;

namespace MutualInfo.Tests.Simulation;

public class GapSearchTests
{
    private static SimulationSettings Settings(string family, string bounds, int trials, ulong seed = 2) =>
        new(FamilySpec.Parse(family), BoundSpec.ParseList(bounds), [2], trials, NegativeSampling.Independent, seed, 2);

    [Fact]
    public void The_n_found_is_the_first_that_meets_the_target_and_lies_inside_its_CI()
    {
        const double delta = 0.05;
        var settings = Settings("gaussian:dim=3,mi=2", "infonce,mean-field", 1500);
        GapSearchRun run = GapSearch.Run(settings, delta, 1 << 20);
        Assert.Equal(2, run.Results.Count);
        foreach (GapSearchResult result in run.Results)
        {
            int n = Assert.NotNull(result.NNeeded);
            Assert.InRange(n, Assert.NotNull(result.NLow), Assert.NotNull(result.NHigh));
            Assert.True(run.TrueMi - result.EstimateAtN!.Value.Mean <= delta);
            // Re-simulated on the same trials, 20% below the n found the gap is still above δ (within 3 SE): the
            // search did not stop early; at the n found it is within δ.
            int below = (int)(n * 0.8);
            SimulationRun check = Simulator.Run(settings with { Bounds = [BoundSpec.Parse(result.Spec)], BatchSizes = [below, n] });
            SimulationRow atBelow = check.Rows[0], atN = check.Rows[1];
            Assert.True(run.TrueMi - atBelow.Estimate.Mean > delta - 3 * atBelow.Estimate.StdError, $"{result.Spec}: gap at {below} = {run.TrueMi - atBelow.Estimate.Mean}");
            Assert.True(run.TrueMi - atN.Estimate.Mean < delta + 3 * atN.Estimate.StdError, $"{result.Spec}: gap at {n} = {run.TrueMi - atN.Estimate.Mean}");
        }
        // The mean-field expression lies below InfoNCE, so it needs at least as large a batch.
        Assert.True(run.Results[1].NNeeded >= run.Results[0].NNeeded);
    }

    [Fact]
    public void An_unreachable_target_reports_no_n()
    {
        GapSearchRun run = GapSearch.Run(Settings("gaussian:dim=20,mi=10", "infonce", 50), 0.01, 1 << 10);
        Assert.Null(run.Results[0].NNeeded);
        Assert.Null(run.Results[0].NHigh);
    }

    [Fact]
    public void Higher_MI_needs_larger_batches()
    {
        int Needed(double mi) => GapSearch.Run(Settings($"gaussian:dim=5,mi={mi}", "infonce", 400), 0.1, 1 << 20).Results[0].NNeeded!.Value;
        int low = Needed(1), high = Needed(3);
        Assert.True(high > 4 * low, $"n needed at I = 1: {low}, at I = 3: {high}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Delta_must_be_positive(double delta)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => GapSearch.Run(Settings("gaussian:dim=1,rho=0.5", "infonce", 10), delta));
        Assert.Equal("delta", error.ParamName);
    }
}
