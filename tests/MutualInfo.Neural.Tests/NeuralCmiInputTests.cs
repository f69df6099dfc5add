using MutualInfo.Data;
using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Estimation;

namespace MutualInfo.Neural.Tests;

/// <summary>Input checks that need no training (no libtorch, no fixture).</summary>
public sealed class NeuralCmiInputTests
{
    [Fact]
    public void A_value_that_is_not_finite_is_an_argument_error_naming_row_and_column_not_a_divergence()
    {
        var s = NeuralCmiFixture.Draw("cmi-collider", 1100, 3);
        double[] x = s.X.Values.ToArray();
        x[40] = double.NaN;
        var damaged = new ConditionalSamples(new ConditionalSamples.Block(x, 1, ["a"]), s.Y, s.Z);
        var error = Assert.ThrowsAny<ArgumentException>(() => new NeuralCmiEstimator(new NeuralCmiOptions { MaxSteps = 20, EvalEvery = 10 }).Estimate(damaged, 1));
        Assert.Equal("samples", error.ParamName);
        Assert.Contains("row 41, column 'a'", error.Message);
    }

    [Fact]
    public void A_critic_too_large_for_memory_is_an_argument_error_before_libtorch_allocates_it()
    {
        var s = NeuralCmiFixture.Draw("cmi-collider", 1100, 3);
        var huge = new NeuralCmiEstimator(new NeuralCmiOptions { Critic = new CriticOptions(CriticKind.Separable, Layers: 2, Hidden: 100_000_000) });
        var error = Assert.ThrowsAny<ArgumentException>(() => huge.Estimate(s, 1));
        Assert.Equal("options.Critic.Hidden", error.ParamName);
        Assert.Contains("the critic (100000000 units × 2 layers)", error.Message);
    }
}
