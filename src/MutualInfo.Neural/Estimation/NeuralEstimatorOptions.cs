using MutualInfo.Neural.Critics;

namespace MutualInfo.Neural.Estimation;

/// <summary>
/// Settings of <see cref="NeuralEstimator"/>. The defaults were chosen by measurement on the built-in families
/// (docs/estimate.md, "Neural estimators").
/// </summary>
public sealed record NeuralEstimatorOptions
{
    /// <summary>The training objective, as <see cref="Objectives.ObjectiveSpec"/> spells it: infonce, nwj, smile[:tau=5], js or dv.</summary>
    public string Objective { get; init; } = "infonce";

    /// <summary>The critic architecture.</summary>
    public CriticOptions Critic { get; init; } = new(CriticKind.Separable, Layers: 2, Hidden: 256, Embedding: 32);

    /// <summary>Share of the rows held out for early stopping and the final estimate.</summary>
    public double TestFraction { get; init; } = 0.5;

    /// <summary>
    /// Most held-out rows used (the n×n held-out score matrix is held in memory); rows beyond it go to training.
    /// </summary>
    public int MaxTest { get; init; } = 5000;

    /// <summary>Pairs per training step (the training set's size when smaller).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>Most training steps.</summary>
    public int MaxSteps { get; init; } = 2000;

    /// <summary>Steps between evaluations on the held-out set.</summary>
    public int EvalEvery { get; init; } = 50;

    /// <summary>Stop after this many evaluations without a new best held-out estimate.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>torch intra-op threads (a process-wide libtorch setting); 0 leaves it as is.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Reports (evaluations done, most evaluations) after each held-out evaluation.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Critic.Validate();
        if (!(TestFraction > 0 && TestFraction < 1)) throw new ArgumentOutOfRangeException("options.TestFraction", $"must lie strictly between 0 and 1, got {TestFraction}");
        if (MaxTest < 2) throw new ArgumentOutOfRangeException("options.MaxTest", $"must be at least 2, got {MaxTest}");
        if (BatchSize < 2) throw new ArgumentOutOfRangeException("options.BatchSize", $"must be at least 2, got {BatchSize}");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException("options.LearningRate", $"must be positive, got {LearningRate}");
        if (MaxSteps < 1) throw new ArgumentOutOfRangeException("options.MaxSteps", $"must be at least 1, got {MaxSteps}");
        if (EvalEvery < 1) throw new ArgumentOutOfRangeException("options.EvalEvery", $"must be at least 1, got {EvalEvery}");
        if (Patience < 1) throw new ArgumentOutOfRangeException("options.Patience", $"must be at least 1, got {Patience}");
        if (Threads < 0) throw new ArgumentOutOfRangeException("options.Threads", $"must be at least 0, got {Threads}");
    }
}
