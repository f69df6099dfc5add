using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Simulation;

public class CriticSpecTests
{
    private static SimulationSettings Settings(string family, string bounds, int[] ns, int trials, string critic,
        NegativeSampling negatives = NegativeSampling.Independent, ulong seed = 11) =>
        new(FamilySpec.Parse(family), BoundSpec.ParseList(bounds), ns, trials, negatives, seed, 2, true, CriticSpec.Parse(critic));

    [Theory]
    [InlineData("exact", "exact")]
    [InlineData(" Scale=0.50 , noise=0.3", "scale=0.5,noise=0.3")]
    [InlineData("clip=4,shift=|y|^2", "clip=4,shift=|y|^2")]
    [InlineData("shift=0.5*|y|^2", "shift=0.5*|y|^2")]
    [InlineData("shift=1*|y|", "shift=|y|")]
    [InlineData("shift=-2", "shift=-2")]
    [InlineData("shift=3*y1", "shift=3*y1")]
    public void Parses_to_a_canonical_name_that_parses_back(string text, string canonical)
    {
        CriticSpec critic = CriticSpec.Parse(text);
        Assert.Equal(canonical, critic.Name);
        Assert.Equal(canonical, CriticSpec.Parse(critic.Name).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("scale=0")]
    [InlineData("scale=-1")]
    [InlineData("noise=-0.1")]
    [InlineData("clip=0")]
    [InlineData("warp=2")]
    [InlineData("scale")]
    [InlineData("shift=|x|^2")]
    [InlineData("shift=a*|y|")]
    [InlineData("noise=nan")]
    public void Bad_specs_are_one_line_errors_naming_the_flag(string text)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => CriticSpec.Parse(text));
        Assert.Equal("critic", error.ParamName);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(NegativeSampling.Independent)]
    [InlineData(NegativeSampling.InBatch)]
    public void InfoNCE_is_invariant_under_any_function_of_y_trial_by_trial(NegativeSampling negatives)
    {
        // Adding c(y_j) to column j shifts the positive and every negative of that column alike: each trial's
        // InfoNCE is unchanged (up to rounding), while NWJ, which is not invariant, moves.
        var exact = Settings("gaussian:dim=3,mi=1.5", "infonce,nwj", [16], 60, "exact", negatives);
        var shifted = exact with { Critic = CriticSpec.Parse("shift=0.5*|y|^2") };
        var a = Simulator.TrialValues(exact).Single().Values;
        var b = Simulator.TrialValues(shifted).Single().Values;
        for (int t = 0; t < 60; t++) Assert.Equal(a[0][t], b[0][t], 1e-9);
        Assert.True(a[1].Zip(b[1]).Count(p => Math.Abs(p.First - p.Second) > 1e-6) > 50, "NWJ should change under shift=|y|^2");
    }

    [Theory]
    [InlineData("scale=0.5")]
    [InlineData("scale=1.6")]
    [InlineData("noise=0.7")]
    [InlineData("clip=1.5")]
    [InlineData("shift=0.3*|y|^2")]
    [InlineData("scale=0.8,noise=0.4,clip=3")]
    public void Every_lower_bound_sits_below_its_exact_critic_value_in_expectation(string critic)
    {
        // InfoNCE, NWJ, TUBA and JS's reported value are maximised in expectation by their optimal critics, for any n.
        // Same seed: paired differences (exact − imperfect) per trial, which must be ≥ −3 SE on average and, with
        // these clearly imperfect critics, significantly positive for most bounds.
        const string bounds = "infonce,nwj,tuba:log_a=0.5,js";
        var exact = Settings("gaussian:dim=2,mi=1", bounds, [32], 4000, "exact");
        var imperfect = exact with { Critic = CriticSpec.Parse(critic) };
        var a = Simulator.TrialValues(exact).Single().Values;
        var b = Simulator.TrialValues(imperfect).Single().Values;
        int significant = 0;
        for (int bound = 0; bound < a.Length; bound++)
        {
            var diff = new RunningMoments();
            for (int t = 0; t < a[bound].Length; t++) diff.Add(a[bound][t] - b[bound][t]);
            Assert.True(diff.Mean >= -3 * diff.StdError - 1e-12, $"{critic}, bound {bound}: exact − imperfect = {diff.Mean} ± {diff.StdError}");
            if (diff.Mean > 3 * diff.StdError) significant++;
        }
        Assert.True(significant >= 2, $"{critic}: only {significant} bounds measurably below their exact-critic value");
    }

    [Fact]
    public void Noise_is_one_draw_per_pair_shared_by_every_bound()
    {
        // NWJ and TUBA(log a = 1) have the same optimal critic 1 + log r; evaluated on the same noisy scores they agree exactly.
        var settings = Settings("gaussian:dim=2,mi=1", "nwj,tuba:log_a=1", [8, 64], 50, "noise=0.5");
        foreach (var (_, values, _) in Simulator.TrialValues(settings))
            for (int t = 0; t < 50; t++) Assert.Equal(values[0][t], values[1][t], 1e-9);
    }

    [Fact]
    public void Streamed_in_batch_with_an_imperfect_critic_equals_the_full_matrix()
    {
        // smile forces the n×n matrix; without it the batch is streamed in row blocks, the critic applied per block.
        const string critic = "scale=0.7,noise=0.3,clip=4,shift=|y|";
        var streamed = Settings("gaussian:dim=3,mi=2", "infonce,nwj", [100], 8, critic, NegativeSampling.InBatch);
        var matrix = streamed with { Bounds = BoundSpec.ParseList("infonce,nwj,smile") };
        var a = Simulator.TrialValues(streamed).Single();
        var b = Simulator.TrialValues(matrix).Single();
        for (int bound = 0; bound < 2; bound++)
        for (int t = 0; t < 8; t++) Assert.Equal(b.Values[bound][t], a.Values[bound][t], 1e-9);
        Assert.Equal(b.Controls, a.Controls);
    }

    [Fact]
    public void With_noise_InfoNCE_tends_to_I_minus_half_the_noise_variance()
    {
        // As n → ∞ InfoNCE → E_p[f] − log E_{p(x)p(y)}[e^f]; with f = log r + ε, ε ~ N(0, s²): I − s²/2.
        var settings = Settings("gaussian:dim=2,mi=1", "infonce", [1 << 16], 400, "noise=0.6");
        SimulationRow row = Simulator.Run(settings).Rows[0];
        Assert.InRange(1 - 0.18, row.Estimate.Mean - 4 * row.Estimate.StdError - 0.005, row.Estimate.Mean + 4 * row.Estimate.StdError + 0.005);
    }
}
