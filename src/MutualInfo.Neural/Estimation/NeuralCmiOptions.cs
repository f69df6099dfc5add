using MutualInfo.Neural.Critics;

namespace MutualInfo.Neural.Estimation;

/// <summary>Settings of <see cref="NeuralCmiEstimator"/> (docs/conditional.md, "Neural CMI").</summary>
public sealed record NeuralCmiOptions
{
    /// <summary>The critic f((x, z), y); separable by default (g(x, z)ᵀh(y)).</summary>
    public CriticOptions Critic { get; init; } = new(CriticKind.Separable, Layers: 2, Hidden: 256, Embedding: 32);

    /// <summary>
    /// Rows per Z-neighbour group K: the negatives of each row are the other K − 1 of its group; the estimate never
    /// exceeds log K. Larger groups shrink InfoNCE's low bias but spread a group wider in Z (negatives then come from
    /// p(y | z′) at z′ farther from z, a high bias when Y depends on Z); 64 measured best of 32, 64 and 128 on the
    /// continuous CMI tasks at n = 5000 (docs/conditional.md).
    /// </summary>
    public int GroupSize { get; init; } = 64;

    /// <summary>Groups per training step (batch = groups × <see cref="GroupSize"/> rows).</summary>
    public int GroupsPerBatch { get; init; } = 4;

    /// <summary>Share of the rows the critic is trained on; the rest is split evenly into validation (early stopping) and test (the estimate).</summary>
    public double TrainFraction { get; init; } = 0.5;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>Most training steps.</summary>
    public int MaxSteps { get; init; } = 2000;

    /// <summary>Steps between evaluations on the validation rows.</summary>
    public int EvalEvery { get; init; } = 50;

    /// <summary>Stop after this many evaluations without a new best validation value.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>torch intra-op threads (a process-wide libtorch setting); 0 leaves it as is.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Reports (evaluations done, most evaluations) after each validation evaluation.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option property.</summary>
    public void Validate()
    {
        Critic.Validate();
        if (GroupSize < 2) throw new ArgumentOutOfRangeException("options.GroupSize", $"must be at least 2, got {GroupSize}");
        if (GroupsPerBatch < 1) throw new ArgumentOutOfRangeException("options.GroupsPerBatch", $"at least one group of {GroupSize} rows per step, got {GroupsPerBatch} groups");
        if (!(TrainFraction > 0 && TrainFraction < 1)) throw new ArgumentOutOfRangeException("options.TrainFraction", $"must lie strictly between 0 and 1, got {TrainFraction}");
        TrainingSchedule.Validate(LearningRate, MaxSteps, EvalEvery, Patience, Threads);
    }
}
