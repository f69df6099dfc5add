using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Simulation;

public class ControlVariateTests
{
    private static SimulationSettings Settings(string family, string bounds, int[] ns, int trials, ulong seed,
        NegativeSampling negatives = NegativeSampling.Independent, bool controlVariate = true) =>
        new(FamilySpec.Parse(family), BoundSpec.ParseList(bounds), ns, trials, negatives, seed, 2, controlVariate);

    [Fact]
    public void Regression_estimator_matches_the_closed_form_on_a_small_example()
    {
        // v = 2c + e with known controls: the fit is exact up to the residuals, so β and the mean follow by hand.
        double[] c = [1, 2, 3, 4, 5], v = [2.1, 3.9, 6.2, 7.8, 10.0];
        var (estimate, beta) = ControlVariate.Estimate(v, c, knownMean: 2.5)!.Value;
        double meanC = 3, meanV = 6, scc = 10, svc = (-2 * -3.9) + (-1 * -2.1) + 0 + (1 * 1.8) + (2 * 4.0);
        Assert.Equal(svc / scc, beta, 12);
        Assert.Equal(meanV - beta * (meanC - 2.5), estimate.Mean, 12);
        double rss = 0;
        for (int i = 0; i < 5; i++) rss += Math.Pow(v[i] - meanV - beta * (c[i] - meanC), 2);
        Assert.Equal(Math.Sqrt(rss / 3 * (1.0 / 5 + 0.25 / scc)), estimate.StdError, 12);
    }

    [Fact]
    public void Does_not_apply_to_infinite_values_constant_controls_or_two_trials()
    {
        Assert.Null(ControlVariate.Estimate([1, double.PositiveInfinity, 2], [1, 2, 3], 2));
        Assert.Null(ControlVariate.Estimate([1, 2, 3], [5, 5, 5], 5));
        Assert.Null(ControlVariate.Estimate([1, 2], [1, 2], 1.5));
    }

    [Theory]
    [InlineData("gaussian:dim=5,mi=2", NegativeSampling.Independent, 256)]
    [InlineData("student-t:dx=2,dy=2,dof=3", NegativeSampling.Independent, 64)]
    [InlineData("gaussian:dim=3,mi=1", NegativeSampling.InBatch, 32)]
    public void Control_variate_and_plain_means_agree_within_standard_error_over_many_seeds(string family, NegativeSampling negatives, int n)
    {
        // Unbiasedness: over 40 seeds the average difference CV − plain is within 4 SE of 0, where the SE comes from
        // the spread of the 40 differences; each seed's difference also stays within 5 of its plain SE.
        var differences = new RunningMoments();
        foreach (ulong seed in Enumerable.Range(1, 40).Select(s => (ulong)s))
        {
            SimulationRun run = Simulator.Run(Settings(family, "infonce,nwj,loo-upper", [n], 200, seed, negatives));
            foreach (SimulationRow row in run.Rows)
            {
                Assert.NotNull(row.ControlCoefficient);
                double d = row.Estimate.Mean - row.PlainEstimate.Mean;
                Assert.True(Math.Abs(d) < 5 * row.PlainEstimate.StdError, $"{row.Spec} seed {seed}: {d} vs SE {row.PlainEstimate.StdError}");
                if (row.Bound == "infonce") differences.Add(d);
            }
        }
        Assert.True(Math.Abs(differences.Mean) < 4 * differences.StdError + 1e-12, $"mean CV − plain {differences.Mean} ± {differences.StdError}");
    }

    [Fact]
    public void Control_variate_SE_is_honest_its_z_scores_over_seeds_have_unit_spread()
    {
        // Over 60 seeds, (CV mean − the long-run mean) / CV SE must look standard normal: its sample variance near 1.
        const string family = "gaussian:dim=5,mi=2";
        const int n = 64;
        SimulationRun reference = Simulator.Run(Settings(family, "infonce", [n], 200_000, 999));
        double truth = reference.Rows[0].Estimate.Mean;
        var z = new RunningMoments();
        for (ulong seed = 1; seed <= 60; seed++)
        {
            SimulationRow row = Simulator.Run(Settings(family, "infonce", [n], 300, seed)).Rows[0];
            z.Add((row.Estimate.Mean - truth) / row.Estimate.StdError);
        }
        Assert.InRange(z.Variance, 0.55, 1.6);
        Assert.InRange(z.Mean, -0.5, 0.5);
    }

    [Fact]
    public void At_large_n_the_control_variate_shrinks_InfoNCE_s_SE_more_than_tenfold()
    {
        SimulationRun run = Simulator.Run(Settings("gaussian:dim=20,mi=2", "infonce", [16384], 400, 3));
        SimulationRow row = run.Rows[0];
        Assert.True(row.PlainEstimate.StdError > 10 * row.Estimate.StdError, $"plain {row.PlainEstimate.StdError} vs CV {row.Estimate.StdError}");
        Assert.InRange(run.TrueMi, row.Estimate.Ci95Low - 0.01, row.Estimate.Ci95High + 0.01);
    }

    [Fact]
    public void Switched_off_the_estimate_is_the_plain_mean()
    {
        SimulationRun run = Simulator.Run(Settings("gaussian:dim=2,mi=1", "infonce,nwj", [8, 64], 100, 5, controlVariate: false));
        Assert.False(run.ControlVariate);
        Assert.All(run.Rows, r =>
        {
            Assert.Null(r.ControlCoefficient);
            Assert.Equal(r.PlainEstimate, r.Estimate);
        });
    }
}
