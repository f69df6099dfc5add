using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;

namespace MutualInfo.Tests.Api;

public class SimulationsGapSearchTests
{
    [Fact]
    public void Target_gap_is_the_gap_search_of_each_family_with_the_same_settings()
    {
        var seen = new List<string>();
        var result = Simulations.TargetGap(["gaussian:dim=2,mi=1", "uniform-additive:eps=0.2"], "infonce,mean-field", delta: 0.1, maxN: 1 << 10,
            trials: 80, seed: 4, threads: 2, onEvaluation: (family, sizes) => seen.Add($"{family}: {string.Join(",", sizes)}"));
        Assert.Equal(0.1, result.Delta);
        Assert.Equal(1 << 10, result.MaxN);
        Assert.Equal(2, result.Searches.Count);
        string[] specs = ["gaussian:dim=2,mi=1", "uniform-additive:eps=0.2"];
        for (int f = 0; f < specs.Length; f++)
        {
            var settings = new SimulationSettings(FamilySpec.Parse(specs[f]), BoundSpec.ParseList("infonce,mean-field"), [2], 80,
                NegativeSampling.Independent, 4, 1);
            GapSearchRun direct = GapSearch.Run(settings, 0.1, 1 << 10);
            Assert.Equal(direct with { Results = [] }, result.Searches[f] with { Results = [] });
            Assert.Equal(direct.Results, result.Searches[f].Results);
        }
        // Progress names each family's evaluations, powers of 2 first.
        Assert.StartsWith("gaussian:dim=2,mi=1: 2,4,8,16,32,64,128,256", seen[0]);
        Assert.Contains(seen, s => s.StartsWith("uniform-additive:eps=0.2: ", StringComparison.Ordinal));
        Assert.Same(result.Searches[0].Results[1], result.ResultOf("mean-field"));
        Assert.Same(result.Searches[1].Results[0], result.ResultOf("infonce", family: 1));
    }

    [Fact]
    public void Sweep_is_the_target_gap_of_the_20_d_Gaussian_at_each_level()
    {
        var sweep = Simulations.SweepMi([0.5, 1], "infonce", maxN: 1 << 9, trials: 60, seed: 3, threads: 2);
        var direct = Simulations.TargetGap(["gaussian:dim=20,mi=0.5", "gaussian:dim=20,mi=1"], "infonce", maxN: 1 << 9, trials: 60, seed: 3, threads: 1);
        Assert.Equal(["gaussian:dim=20,mi=0.5", "gaussian:dim=20,mi=1"], sweep.Searches.Select(s => s.Family));
        Assert.Equal(direct.Searches.SelectMany(s => s.Results), sweep.Searches.SelectMany(s => s.Results));
        // More information needs a larger batch (InfoNCE's gap at the exact critic grows with I).
        Assert.True(sweep.Searches[1].Results[0].NNeeded > sweep.Searches[0].Results[0].NNeeded);
    }

    [Fact]
    public void Defaults_are_a_tenth_of_a_nat_two_to_the_26_a_thousand_trials_and_seed_one()
    {
        var result = Simulations.TargetGap(["gaussian:dim=1,mi=0.2"], "loo-upper");
        Assert.Equal(Simulations.DefaultDelta, result.Delta);
        Assert.Equal(0.1, Simulations.DefaultDelta);
        Assert.Equal(1 << 26, result.MaxN);
        Assert.Equal(1000, result.Searches[0].Trials);
        Assert.Equal(1UL, result.Searches[0].Seed);
        Assert.Equal("exact", result.Searches[0].Critic);
        Assert.Equal(NegativeSampling.Independent, result.Searches[0].Negatives);
    }

    [Theory]
    [InlineData("families", "empty")]
    [InlineData("families", "gaussian:dim=0,mi=1")]
    [InlineData("families", "gaussian:dim=1,rho=0.75+normal-cdf+swiss-roll:x")]
    [InlineData("bounds", "infonse")]
    [InlineData("bounds", "infonce,infonce")]
    [InlineData("delta", "0")]
    [InlineData("delta", "NaN")]
    [InlineData("maxN", "1")]
    [InlineData("maxN", "20000")]
    [InlineData("trials", "1")]
    [InlineData("threads", "0")]
    [InlineData("negatives", "7")]
    [InlineData("critic", "scale=-1")]
    [InlineData("conditionalPositives", "-1")]
    public void Target_gap_errors_name_their_parameter(string parameter, string value)
    {
        string[] families = parameter == "families" ? value == "empty" ? [] : [value] : ["gaussian:dim=1,mi=1"];
        string bounds = parameter == "bounds" ? value : parameter == "maxN" && value == "20000" ? "smile" : "infonce";
        double delta = parameter == "delta" ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0.1;
        int maxN = parameter == "maxN" ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 16;
        var negatives = parameter == "negatives" ? (NegativeSampling)7 : parameter == "maxN" && value == "20000" ? NegativeSampling.InBatch : NegativeSampling.Independent;
        var error = Assert.ThrowsAny<ArgumentException>(() => Simulations.TargetGap(families, bounds, delta, maxN,
            trials: parameter == "trials" ? 1 : 10,
            threads: parameter == "threads" ? 0 : 1,
            negatives: negatives,
            critic: parameter == "critic" ? value : "exact",
            conditionalPositives: parameter == "conditionalPositives" ? -1 : 0));
        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 1.0, -0.5 })]
    [InlineData(new[] { double.NaN })]
    [InlineData(new[] { double.PositiveInfinity })]
    public void Sweep_levels_must_be_1_to_100_finite_levels_of_at_least_zero(double[] levels)
    {
        Assert.Equal("levels", Assert.Throws<ArgumentOutOfRangeException>(() => Simulations.SweepMi(levels, "infonce", maxN: 16, trials: 10)).ParamName);
        Assert.Equal("levels", Assert.Throws<ArgumentOutOfRangeException>(() => Simulations.SweepMi(new double[101], "infonce", maxN: 16, trials: 10)).ParamName);
    }

    [Fact]
    public void Sweep_errors_of_the_shared_settings_name_their_parameter()
    {
        Assert.Equal("bounds", Assert.ThrowsAny<ArgumentException>(() => Simulations.SweepMi([1], "nosuch")).ParamName);
        Assert.Equal("delta", Assert.ThrowsAny<ArgumentException>(() => Simulations.SweepMi([1], "infonce", delta: -1)).ParamName);
        Assert.Equal("maxN", Assert.ThrowsAny<ArgumentException>(() => Simulations.SweepMi([1], "infonce", maxN: 0)).ParamName);
    }

    [Fact]
    public void Result_of_an_unknown_bound_or_family_index_says_so()
    {
        var result = new TargetGapResult(0.1, 16, [new GapSearchRun("f", 1, 0.1, 16, NegativeSampling.Independent, 1, "exact", 10,
            [new GapSearchResult("infonce", "infonce", "InfoNCE", 8, 4, 16, null)])]);
        Assert.Equal("bound", Assert.Throws<ArgumentException>(() => result.ResultOf("nwj")).ParamName);
        Assert.Equal("family", Assert.Throws<ArgumentOutOfRangeException>(() => result.ResultOf("infonce", family: 1)).ParamName);
    }
}
