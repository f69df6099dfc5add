using MutualInfo.Neural.Critics;

namespace MutualInfo.Neural.Training;

/// <summary>How a critic is trained. Defaults follow Poole et al. (2019): Adam, learning rate 5e-4, batch 64.</summary>
public sealed record TrainerOptions
{
    /// <summary>Pairs per step (n); the score matrix is n×n.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>Seeds the critic's initial weights and the data stream: same seed, same trace.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Index of the data stream derived from <see cref="Seed"/> (one per estimator in an experiment).</summary>
    public ulong Stream { get; init; }

    /// <summary>
    /// torch's intra-op threads, set when the trainer is created (a process-wide setting of libtorch); 0 leaves it as is.
    /// </summary>
    public int Threads { get; init; }

    /// <summary>Train on CUDA (needs a CUDA build of libtorch); CPU otherwise.</summary>
    public bool Cuda { get; init; }

    /// <summary>The log-baseline network for objectives that need one.</summary>
    public BaselineKind Baseline { get; init; } = BaselineKind.Mlp;

    /// <summary>
    /// Return freed native memory to the OS every this many steps (glibc only; 0 = never). See <see cref="Native.GlibcMalloc"/>.
    /// </summary>
    public int TrimMemoryEvery { get; init; } = 10;

    /// <summary>
    /// Trim only when malloc holds more than this many bytes free (default 64 MiB), so a critic whose temporaries
    /// are small (the separable critic at batch 64 frees a few MB per step) does not re-fault its pages after every trim.
    /// </summary>
    public long TrimFreeAbove { get; init; } = 64L << 20;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (BatchSize < 2) throw new ArgumentOutOfRangeException("options.BatchSize", $"must be at least 2, got {BatchSize}");
        if (Threads < 0) throw new ArgumentOutOfRangeException("options.Threads", $"must be at least 0, got {Threads}");
        if (TrimMemoryEvery < 0) throw new ArgumentOutOfRangeException("options.TrimMemoryEvery", $"must be at least 0, got {TrimMemoryEvery}");
        if (TrimFreeAbove < 0) throw new ArgumentOutOfRangeException("options.TrimFreeAbove", $"must be at least 0, got {TrimFreeAbove}");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException("options.LearningRate", $"must be positive, got {LearningRate}");
    }
}
