using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;

namespace MutualInfo.Tests.Api;

public class SimulationsTests
{
    [Fact]
    public void Rows_are_those_of_the_simulator_with_the_same_settings()
    {
        var result = Simulations.Run("gaussian:dim=2,mi=1", "infonce,nwj,loo-upper", [4, 64], trials: 50, seed: 3, threads: 2);
        var direct = Simulator.Run(new SimulationSettings(FamilySpec.Parse("gaussian:dim=2,mi=1"), BoundSpec.ParseList("infonce,nwj,loo-upper"), [4, 64], 50, NegativeSampling.Independent, 3, 1));
        Assert.Equal(direct.Rows, result.Rows);
        Assert.Null(result.TrialValues);
    }

    [Fact]
    public void Critic_control_variate_and_conditional_positives_reach_the_simulator()
    {
        var settings = new SimulationSettings(FamilySpec.Parse("gaussian:dim=2,mi=2"), BoundSpec.ParseList("infonce"), [16, 128], 60,
            NegativeSampling.Independent, 4, 1, ControlVariate: false, Critic: CriticSpec.Parse("scale=0.5,noise=0.3"), ConditionalPositives: 0);
        var direct = Simulator.Run(settings);
        var result = Simulations.Run("gaussian:dim=2,mi=2", "infonce", [16, 128], trials: 60, seed: 4, threads: 2,
            critic: "scale=0.5,noise=0.3", controlVariate: false, conditionalPositives: 0);
        Assert.Equal(direct.Rows, result.Rows);
        Assert.All(result.Rows, r => Assert.Equal(r.PlainEstimate, r.Estimate));
        var exact = Simulations.Run("gaussian:dim=2,mi=2", "infonce", [16, 128], trials: 60, seed: 4, threads: 2, controlVariate: false, conditionalPositives: 0);
        Assert.NotEqual(exact.Rows, result.Rows);
        Assert.Throws<ArgumentException>("critic", () => Simulations.Run("gaussian:dim=2,mi=2", "infonce", [16], critic: "bogus"));
    }

    [Theory]
    [InlineData(NegativeSampling.Independent)]
    [InlineData(NegativeSampling.InBatch)]
    public void Trial_values_are_what_the_rows_summarise_and_InfoNCE_never_exceeds_log_n(NegativeSampling negatives)
    {
        var result = Simulations.Run("gaussian:dim=5,mi=6", "infonce,dv", [8, 32], trials: 40, seed: 2, threads: 2, negatives: negatives, keepTrialValues: true);
        var without = Simulations.Run("gaussian:dim=5,mi=6", "infonce,dv", [8, 32], trials: 40, seed: 2, threads: 1, negatives: negatives);
        Assert.Equal(without.Rows, result.Rows);
        Assert.Equal(result.Rows.Count, result.TrialValues!.Count);
        for (int i = 0; i < result.Rows.Count; i++)
        {
            Assert.Equal(40, result.TrialValues[i].Length);
            // The plain mean: the reported one carries the control variate.
            Assert.Equal(result.Rows[i].PlainEstimate.Mean, result.TrialValues[i].Average(), 1e-12);
        }
        foreach (int n in new[] { 8, 32 })
            Assert.All(result.TrialValuesOf("infonce", n), v => Assert.True(v <= Math.Log(n) + 1e-12, $"{v} > log {n}"));
    }

    [Fact]
    public void Defaults_are_a_thousand_trials_independent_negatives_and_seed_one()
    {
        var result = Simulations.Run("uniform-additive:eps=0.1", "infonce", [2]);
        Assert.Equal(1000, result.Rows[0].Trials);
        Assert.Equal(NegativeSampling.Independent, result.Run.Negatives);
        Assert.Equal(1UL, result.Run.Seed);
    }

    [Fact]
    public void Bad_arguments_name_their_parameter()
    {
        Assert.Equal("family", Assert.Throws<ArgumentException>(() => Simulations.Run("gaussian:dim=0,mi=1", "infonce", [4])).ParamName);
        Assert.Equal("bounds", Assert.Throws<ArgumentException>(() => Simulations.Run("gaussian:dim=1,mi=1", "infonse", [4])).ParamName);
        Assert.Equal("batchSizes", Assert.Throws<ArgumentOutOfRangeException>(() => Simulations.Run("gaussian:dim=1,mi=1", "infonce", [1])).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => Simulations.Run("gaussian:dim=1,mi=1", "infonce", [4], trials: 1)).ParamName);
        Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => Simulations.Run("gaussian:dim=1,mi=1", "infonce", [4], threads: 0)).ParamName);
        Assert.Equal("batchSizes", Assert.Throws<ArgumentOutOfRangeException>(() => Simulations.Run("gaussian:dim=1,mi=1", "smile", [20000], negatives: NegativeSampling.InBatch)).ParamName);
    }
}
