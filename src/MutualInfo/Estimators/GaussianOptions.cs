namespace MutualInfo.Estimators;

/// <summary>Settings of <see cref="GaussianEstimator"/>.</summary>
public sealed record GaussianOptions
{
    /// <summary>Bootstrap resamples behind the standard error (0: no SE/CI).</summary>
    public int Resamples { get; init; } = 200;

    /// <summary>Worker threads (results do not depend on it).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Largest number of bootstrap resamples accepted.</summary>
    public const int MaxResamples = 100_000;

    /// <summary>Throws a <see cref="ArgumentException"/> naming the flag of an out-of-range option.</summary>
    public void Validate()
    {
        if (Resamples < 0 || Resamples == 1) throw new ArgumentOutOfRangeException("options.Resamples", $"must be 0 (no CI) or at least 2, got {Resamples}");
        if (Resamples > MaxResamples) throw new ArgumentOutOfRangeException("options.Resamples", $"must be at most {MaxResamples} (a bootstrap SE needs a few hundred), got {Resamples}");
        if (Threads < 1) throw new ArgumentOutOfRangeException("options.Threads", $"must be at least 1, got {Threads}");
    }
}
