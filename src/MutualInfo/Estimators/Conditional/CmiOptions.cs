namespace MutualInfo.Estimators.Conditional;

/// <summary>Settings of the conditional and discrete/mixed estimators.</summary>
public sealed record CmiOptions
{
    /// <summary>Neighbours k of the k-NN estimators.</summary>
    public int K { get; init; } = 3;

    /// <summary>Random half-splits behind the k-NN standard errors (0 = point estimate only, no SE or CI).</summary>
    public int Splits { get; init; } = 30;

    /// <summary>Bootstrap resamples behind the Gaussian CMI's standard error.</summary>
    public int Resamples { get; init; } = 200;

    /// <summary>Gaussian surrogates behind the normal-scores estimator's bias correction.</summary>
    public int Surrogates { get; init; } = 8;

    /// <summary>Tie-breaking noise on continuous columns, relative to max(1, mean|column|) (as scikit-learn); 0 = off.</summary>
    public double TieNoise { get; init; } = 1e-10;

    /// <summary>How the k-NN estimators find the joint-space neighbours (exact in every case; default: automatic).</summary>
    public NeighbourSearch Search { get; init; } = NeighbourSearch.Auto;

    /// <summary>Worker threads.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (K < 1) throw new ArgumentOutOfRangeException("options.K", $"must be at least 1, got {K}");
        if (Splits is < 0 or 1) throw new ArgumentOutOfRangeException("options.Splits", $"0 (no CI) or at least 2 half-splits, got {Splits}");
        if (Resamples < 2) throw new ArgumentOutOfRangeException("options.Resamples", $"must be at least 2, got {Resamples}");
        if (Surrogates < 2) throw new ArgumentOutOfRangeException("options.Surrogates", $"must be at least 2, got {Surrogates}");
        if (!(TieNoise >= 0) || !double.IsFinite(TieNoise)) throw new ArgumentOutOfRangeException("options.TieNoise", $"must be a finite number ≥ 0, got {TieNoise}");
        if (Threads < 1) throw new ArgumentOutOfRangeException("options.Threads", $"must be at least 1, got {Threads}");
    }
}
