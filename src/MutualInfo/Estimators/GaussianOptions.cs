namespace MutualInfo.Estimators;

/// <summary>Settings of <see cref="GaussianEstimator"/>.</summary>
public sealed record GaussianOptions
{
    /// <summary>Bootstrap resamples behind the standard error (0: no SE/CI).</summary>
    public int Resamples { get; init; } = 200;

    /// <summary>Worker threads (results do not depend on it).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws a one-line <see cref="UsageException"/> on invalid settings.</summary>
    public void Validate()
    {
        if (Resamples < 0 || Resamples == 1) throw new UsageException($"--resamples: must be 0 (no CI) or at least 2, got {Resamples}");
        if (Threads < 1) throw new UsageException($"--threads: must be at least 1, got {Threads}");
    }
}
