using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;

namespace MutualInfo.Tests.Simulation;

public class SimulatorTests
{
    private static SimulationSettings Settings(string family, string bounds, int[] ns, int trials,
        NegativeSampling negatives = NegativeSampling.Independent, ulong seed = 7, int threads = 2) =>
        new(FamilySpec.Parse(family), BoundSpec.ParseList(bounds), ns, trials, negatives, seed, threads);

    private static SimulationRow Row(SimulationRun run, string bound, int n) => run.Rows.Single(r => r.Bound == bound && r.N == n);

    private static double CombinedSe(SimulationRow a, SimulationRow b) =>
        Math.Sqrt(a.Estimate.StdError * a.Estimate.StdError + b.Estimate.StdError * b.Estimate.StdError);

    [Theory]
    [InlineData(NegativeSampling.Independent, 64)]
    [InlineData(NegativeSampling.InBatch, 32)]
    public void Every_trial_of_InfoNCE_and_mean_field_is_at_most_log_n(NegativeSampling negatives, int n)
    {
        var settings = Settings("gaussian:dim=5,mi=8", "infonce,mean-field", [n], 200, negatives);
        double[][] values = Simulator.TrialValues(settings).Single().Values;
        Assert.All(values.SelectMany(v => v), v => Assert.True(v <= Math.Log(n) + 1e-12, $"{v} > log {n}"));
    }

    [Fact]
    public void Same_seed_gives_identical_rows_whatever_the_thread_count()
    {
        SimulationRun one = Simulator.Run(Settings("student-t:dx=2,dy=2,dof=3", "infonce,nwj,smile,loo-upper", [2, 16, 300], 97, threads: 1));
        SimulationRun two = Simulator.Run(Settings("student-t:dx=2,dy=2,dof=3", "infonce,nwj,smile,loo-upper", [2, 16, 300], 97, threads: 2));
        SimulationRun three = Simulator.Run(Settings("student-t:dx=2,dy=2,dof=3", "infonce,nwj,smile,loo-upper", [2, 16, 300], 97, threads: 3));
        Assert.Equal(one.Rows, two.Rows);
        Assert.Equal(one.Rows, three.Rows);
    }

    [Fact]
    public void In_batch_determinism_across_threads()
    {
        SimulationRun one = Simulator.Run(Settings("gaussian:dim=3,rho=0.7", "infonce,nwj", [8, 40], 30, NegativeSampling.InBatch, threads: 1));
        SimulationRun two = Simulator.Run(Settings("gaussian:dim=3,rho=0.7", "infonce,nwj", [8, 40], 30, NegativeSampling.InBatch, threads: 2));
        Assert.Equal(one.Rows, two.Rows);
    }

    [Fact]
    public void Different_seeds_give_different_numbers()
    {
        SimulationRun a = Simulator.Run(Settings("gaussian:dim=2,rho=0.5", "infonce", [16], 50, seed: 1));
        SimulationRun b = Simulator.Run(Settings("gaussian:dim=2,rho=0.5", "infonce", [16], 50, seed: 2));
        Assert.NotEqual(a.Rows[0].Estimate.Mean, b.Rows[0].Estimate.Mean);
    }

    [Theory]
    [InlineData("gaussian:dim=3,mi=2", 50)]
    [InlineData("uniform-additive:eps=0.05", 37)]
    [InlineData("discrete:table=0.3/0.2/0;0/0.1/0.4", 20)]
    [InlineData("gaussian:dim=1500,rho=0.1", 12)]
    public void Streamed_in_batch_summary_equals_the_full_matrix(string family, int n)
    {
        // Without smile every bound follows from the column summary (streamed); with it the n×n matrix is built.
        const string summaryBounds = "infonce,nwj,tuba:log_a=0.3,dv,js,loo-upper,mean-field";
        SimulationRun streamed = Simulator.Run(Settings(family, summaryBounds, [n], 20, NegativeSampling.InBatch));
        SimulationRun matrix = Simulator.Run(Settings(family, summaryBounds + ",smile", [n], 20, NegativeSampling.InBatch));
        foreach (SimulationRow row in streamed.Rows)
        {
            double expected = Row(matrix, row.Bound, n).Estimate.Mean;
            if (!double.IsFinite(expected)) Assert.Equal(expected, row.Estimate.Mean);
            else Assert.Equal(expected, row.Estimate.Mean, 1e-10 * Math.Max(1, Math.Abs(expected)));
        }
    }

    [Fact]
    public void Streamed_in_batch_reaches_batches_beyond_the_matrix_limit()
    {
        var settings = Settings("gaussian:dim=1,rho=0.5", "infonce,mean-field", [SimulationSettings.MaxInBatchSize * 2], 2, NegativeSampling.InBatch);
        SimulationRun run = Simulator.Run(settings);
        Assert.All(run.Rows, r => Assert.True(r.Estimate.Mean <= Math.Log(r.N)));
        Assert.InRange(Row(run, "infonce", settings.BatchSizes[0]).Estimate.Mean, run.TrueMi - 0.05, run.TrueMi + 0.05);
    }

    [Fact]
    public void An_infinite_trial_value_makes_the_mean_infinite_not_NaN()
    {
        // eps = 0.02: a negative x̄ scores −∞ against y unless |y − x̄| ≤ eps, so with n = 3 many columns have no
        // finite negative and their leave-one-out value is +∞.
        SimulationRun run = Simulator.Run(Settings("uniform-additive:eps=0.02", "loo-upper,infonce", [3], 50));
        SimulationRow upper = Row(run, "loo-upper", 3);
        Assert.Equal(double.PositiveInfinity, upper.Estimate.Mean);
        Assert.Equal(double.PositiveInfinity, upper.Estimate.StdError);
        Assert.True(double.IsFinite(Row(run, "infonce", 3).Estimate.Mean));
    }

    [Fact]
    public void InfoNCE_grows_with_n_within_standard_error()
    {
        int[] ns = [2, 8, 32, 128, 512, 2048];
        SimulationRun run = Simulator.Run(Settings("gaussian:dim=10,mi=4", "infonce", ns, 2000));
        for (int k = 1; k < ns.Length; k++)
        {
            SimulationRow previous = Row(run, "infonce", ns[k - 1]), current = Row(run, "infonce", ns[k]);
            Assert.True(current.Estimate.Mean > previous.Estimate.Mean - 4 * CombinedSe(previous, current),
                $"n={ns[k]}: {current.Estimate.Mean} vs n={ns[k - 1]}: {previous.Estimate.Mean}");
        }
        // Across the whole range the growth is large and unmistakable.
        Assert.True(Row(run, "infonce", 2048).Estimate.Mean - Row(run, "infonce", 2).Estimate.Mean > 2.5);
    }

    [Fact]
    public void Mean_field_expression_sits_below_InfoNCE()
    {
        // Same trials: the paired difference InfoNCE − mean-field has a much smaller SE than either.
        const int n = 256, trials = 3000;
        var settings = Settings("gaussian:dim=20,mi=6", "infonce,mean-field", [n], trials);
        double[][] values = Simulator.TrialValues(settings).Single().Values;
        var diff = new MutualInfo.Statistics.RunningMoments();
        for (int t = 0; t < trials; t++) diff.Add(values[0][t] - values[1][t]);
        Assert.True(diff.Mean > 4 * diff.StdError, $"InfoNCE − mean-field = {diff.Mean} ± {diff.StdError}");
    }

    [Theory]
    [InlineData("gaussian:dim=4,mi=2", 64)]
    [InlineData("uniform-additive:eps=0.3", 16)]
    public void In_batch_and_independent_negatives_agree_within_standard_error(string family, int n)
    {
        const string bounds = "infonce,nwj,loo-upper,mean-field";
        SimulationRun independent = Simulator.Run(Settings(family, bounds, [n], 6000));
        SimulationRun inBatch = Simulator.Run(Settings(family, bounds, [n], 6000 / n * 4, NegativeSampling.InBatch));
        foreach (string bound in new[] { "infonce", "nwj", "mean-field" })
        {
            SimulationRow a = Row(independent, bound, n), b = Row(inBatch, bound, n);
            Assert.True(Math.Abs(a.Estimate.Mean - b.Estimate.Mean) < 4 * CombinedSe(a, b),
                $"{bound}: independent {a.Estimate.Mean} ± {a.Estimate.StdError}, in-batch {b.Estimate.Mean} ± {b.Estimate.StdError}");
        }
    }

    [Fact]
    public void InfoNCE_approaches_the_true_MI_at_low_MI_and_large_n()
    {
        SimulationRun run = Simulator.Run(Settings("gaussian:dim=2,mi=0.5", "infonce", [4096], 4000));
        SimulationRow row = run.Rows[0];
        // The remaining gap at n = 4096 is O(1/n); allow it plus 4 SE.
        Assert.InRange(row.Estimate.Mean, 0.5 - 4 * row.Estimate.StdError - 0.01, 0.5 + 4 * row.Estimate.StdError);
    }

    [Theory]
    [InlineData("gaussian:dim=5,mi=3", 16)]
    [InlineData("student-t:dx=1,dy=1,dof=2", 64)]
    public void Leave_one_out_upper_bound_is_at_least_the_true_MI(string family, int n)
    {
        SimulationRun run = Simulator.Run(Settings(family, "loo-upper,infonce", [n], 4000));
        SimulationRow upper = Row(run, "loo-upper", n), lower = Row(run, "infonce", n);
        Assert.True(upper.Estimate.Mean > run.TrueMi - 4 * upper.Estimate.StdError, $"upper {upper.Estimate.Mean} < I {run.TrueMi}");
        Assert.True(lower.Estimate.Mean < run.TrueMi + 4 * lower.Estimate.StdError, $"lower {lower.Estimate.Mean} > I {run.TrueMi}");
    }

    [Theory]
    [InlineData("nwj")]
    [InlineData("tuba")]
    [InlineData("js")]
    public void Unbiased_bounds_at_their_optimal_critic_average_to_the_true_MI(string bound)
    {
        // NWJ, TUBA and JS's reported value NWJ(S + 1) are unbiased at their optimal critics for any n.
        SimulationRun run = Simulator.Run(Settings("gaussian:dim=2,mi=1", bound, [32], 20000));
        SimulationRow row = run.Rows[0];
        Assert.InRange(run.TrueMi, row.Estimate.Mean - 4 * row.Estimate.StdError, row.Estimate.Mean + 4 * row.Estimate.StdError);
    }

    [Fact]
    public void InfoNCE_saturates_at_high_MI_and_small_n()
    {
        SimulationRun run = Simulator.Run(Settings("gaussian:dim=20,mi=10", "infonce", [64, 65536], 300));
        Assert.True(Row(run, "infonce", 64).Saturated);
        Assert.True(Row(run, "infonce", 64).Estimate.Mean < Math.Log(64));
        Assert.False(Row(run, "infonce", 65536).Saturated);
    }

    [Fact]
    public void Fraction_above_truth_counts_trials()
    {
        // The fraction is the count of trial values strictly above I over the trials, recounted from the values.
        var settings = Settings("gaussian:dim=1,rho=0.8", "nwj,infonce", [4], 2000);
        SimulationRun run = Simulator.Run(settings);
        double[][] values = Simulator.TrialValues(settings).Single().Values;
        double truth = settings.Family.MutualInformation;
        Assert.Equal(values[0].Count(v => v > truth) / 2000.0, Row(run, "nwj", 4).FracAboveTrue);
        Assert.Equal(values[1].Count(v => v > truth) / 2000.0, Row(run, "infonce", 4).FracAboveTrue);
        // NWJ single-positive values are noisy around I, and InfoNCE at n = 4 may reach log 4 = 1.386 > I = 0.51:
        // both sides occur, so a count stuck at 0 or 1 would fail.
        Assert.InRange(Row(run, "nwj", 4).FracAboveTrue, 1 / 2000.0, 1 - 1 / 2000.0);
        Assert.InRange(Row(run, "infonce", 4).FracAboveTrue, 1 / 2000.0, 1 - 1 / 2000.0);
    }

    [Theory]
    [InlineData(new[] { 1 }, 10, "batchSizes")]
    [InlineData(new[] { 4 }, 1, "trials")]
    [InlineData(new[] { 32768 }, 10, "batchSizes")]
    public void Bad_settings_are_rejected_with_the_flag_named(int[] ns, int trials, string flag)
    {
        var settings = Settings("gaussian:dim=1,rho=0.5", "infonce,smile", ns, trials, NegativeSampling.InBatch);
        var error = Assert.ThrowsAny<ArgumentException>(() => Simulator.Run(settings));
        Assert.Equal(flag, error.ParamName);
    }
}

public class StreamedIndependentTests
{
    [Theory]
    [InlineData("exact")]
    [InlineData("noise=0.3,clip=6")]
    public void Streamed_blocks_give_the_values_of_the_full_pool(string critic)
    {
        // smile needs every score, so adding it switches to a pool of max(n) scores; the other bounds' values must not
        // change. Sizes straddle several blocks of 2^16 negatives.
        int[] ns = [3, 1000, 70_000, 140_001];
        var streamed = new SimulationSettings(FamilySpec.Parse("gaussian:dim=4,mi=3"), BoundSpec.ParseList("infonce,nwj,club,loo-upper"),
            ns, 4, NegativeSampling.Independent, 5, 2, true, CriticSpec.Parse(critic));
        var pooled = streamed with { Bounds = BoundSpec.ParseList("infonce,nwj,club,loo-upper,smile") };
        Assert.True(IndependentTrial.Streams(streamed.Bounds));
        Assert.False(IndependentTrial.Streams(pooled.Bounds));
        var a = Simulator.TrialValues(streamed).ToArray();
        var b = Simulator.TrialValues(pooled).ToArray();
        for (int s = 0; s < ns.Length; s++)
        for (int bound = 0; bound < 4; bound++)
        for (int t = 0; t < 4; t++)
            Assert.Equal(b[s].Values[bound][t], a[s].Values[bound][t], 1e-9 * Math.Max(1, Math.Abs(b[s].Values[bound][t])));
    }

    [Fact]
    public void Streamed_negatives_reach_n_beyond_the_pool_limit()
    {
        var settings = new SimulationSettings(FamilySpec.Parse("gaussian:dim=2,mi=1"), BoundSpec.ParseList("infonce,club"),
            [SimulationSettings.MaxIndependentSize * 2], 2, NegativeSampling.Independent, 1, 2);
        settings.Validate();
        var pooled = settings with { Bounds = BoundSpec.ParseList("infonce,smile") };
        Assert.Equal("batchSizes", Assert.ThrowsAny<ArgumentException>(pooled.Validate).ParamName);
        Assert.Equal("batchSizes", Assert.ThrowsAny<ArgumentException>(() => (settings with { BatchSizes = [(1 << 30) + 1] }).Validate()).ParamName);
    }

    [Fact]
    public void Streamed_InfoNCE_at_four_million_negatives_is_within_SE_of_I_at_low_MI()
    {
        SimulationRun run = Simulator.Run(new SimulationSettings(FamilySpec.Parse("gaussian:dim=2,mi=1"), BoundSpec.ParseList("infonce"),
            [1 << 22], 8, NegativeSampling.Independent, 3, 2));
        SimulationRow row = run.Rows[0];
        Assert.InRange(run.TrueMi, row.Estimate.Mean - 4 * row.Estimate.StdError - 1e-5, row.Estimate.Mean + 4 * row.Estimate.StdError + 1e-5);
    }
}
