using MutualInfo.Neural.Critics;

namespace MutualInfo.Neural.Staircase;

/// <summary>
/// The staircase experiment of Poole et al. (2019, Fig. 2) and Song &amp; Ermon (2020): the true MI steps through
/// <see cref="Levels"/>, <see cref="StepsPerLevel"/> training steps each, while one critic per estimator keeps training.
/// Defaults are the papers' setup.
/// </summary>
public sealed record StaircaseOptions
{
    /// <summary>Dimension of X and of Y.</summary>
    public int Dim { get; init; } = 20;

    /// <summary>True MI of each level, in nats.</summary>
    public IReadOnlyList<double> Levels { get; init; } = [2, 4, 6, 8, 10];

    /// <summary>Training steps spent at each level.</summary>
    public int StepsPerLevel { get; init; } = 4000;

    /// <summary>Estimator names as <c>ObjectiveSpec.Parse</c> reads them.</summary>
    public IReadOnlyList<string> Estimators { get; init; } = ["infonce", "nwj", "js", "alpha-infonce:alpha=0.01", "smile:tau=5"];

    /// <summary>The critic architecture (one fresh critic per estimator).</summary>
    public CriticOptions Critic { get; init; } = new();

    /// <summary>Pairs per batch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>Seed of critic initialisations and data streams.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Estimators trained at once (each on one torch thread, so results do not depend on this).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Train on CUDA (needs a CUDA build of libtorch); CPU otherwise.</summary>
    public bool Cuda { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (Dim < 1) throw new ArgumentOutOfRangeException("options.Dim", $"must be at least 1, got {Dim}");
        if (Levels.Count == 0) throw new ArgumentException("give at least one MI level", "options.Levels");
        foreach (double level in Levels)
            if (!(level > 0) || !double.IsFinite(level)) throw new ArgumentException($"each level must be a positive number of nats, got {level}", "options.Levels");
        if (StepsPerLevel < 4) throw new ArgumentOutOfRangeException("options.StepsPerLevel", $"must be at least 4, got {StepsPerLevel}");
        if (Estimators.Count == 0) throw new ArgumentException("give at least one estimator", "options.Estimators");
        if (Threads < 1) throw new ArgumentOutOfRangeException("options.Threads", $"must be at least 1, got {Threads}");
        Critic.Validate();
    }
}
