using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Estimation;

namespace MutualInfo.Neural.Tests;

/// <summary>
/// The memory check before training counts what each critic evaluates per step: rows for critics that embed each side
/// once, every (x, y) pair for the concat critic. Checked by refusal and by the formula, never by allocation.
/// </summary>
public class CriticMemoryTests
{
    [Fact]
    public void The_concat_critic_is_charged_for_every_pair_of_the_step()
    {
        var separable = new CriticOptions(CriticKind.Separable, Layers: 2, Hidden: 256, Embedding: 32);
        var concat = separable with { Kind = CriticKind.Concat };
        double rows = separable.TrainingBytes(2, 2, 128, 128.0 * 128);
        double pairs = concat.TrainingBytes(2, 2, 128, 128.0 * 128);
        // Same parameter term; activations 2 (fwd + back) × 4 bytes × evaluations × hidden × layers × 2.
        double perEvaluation = 2.0 * 4 * 256 * 2 * 2;
        Assert.Equal((128.0 * 128 - 128) * perEvaluation, pairs - rows, 6);
    }

    [Fact]
    public void A_concat_critic_too_large_for_its_pairs_is_refused_before_training()
    {
        // 2048² pairs × 4096 units: about half a terabyte of activations; the separable critic of the same size needs < 1 GB.
        var options = new NeuralEstimatorOptions { Critic = new CriticOptions(CriticKind.Concat, 2, 4096, 32), BatchSize = 2048 };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.ThrowsAny<ArgumentException>(() => new NeuralEstimator(options).Estimate(NeuralEstimatorFixture.Gaussian(1.0, 400, 5), 1));
        Assert.Equal("options.Critic.Hidden", e.ParamName);
        Assert.Contains("would need about", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
