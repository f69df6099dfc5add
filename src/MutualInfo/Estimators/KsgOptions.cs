namespace MutualInfo.Estimators;

/// <summary>Settings of <see cref="KsgEstimator"/>.</summary>
public sealed record KsgOptions
{
    /// <summary>Number of neighbours k (default 3, as scikit-learn).</summary>
    public int K { get; init; } = 3;

    /// <summary>KSG estimator 1 (default) or 2.</summary>
    public KsgVariant Variant { get; init; } = KsgVariant.First;

    /// <summary>
    /// Relative amplitude of the seeded Gaussian noise added to break distance ties: each column gets
    /// TieNoise · max(1, mean|v|) · N(0,1), scikit-learn's recipe (1e-10). 0 disables it.
    /// </summary>
    public double TieNoise { get; init; } = 1e-10;

    /// <summary>Number of random half-splits behind the standard error (0: no SE/CI, NaN instead).</summary>
    public int Splits { get; init; } = 30;

    /// <summary>
    /// Finite-sample bias allowance: the CI is extended, on the side the estimate drifts towards as n grows, by
    /// this multiple of the drift θ_n − mean θ_(n/2) measured on the half-splits. If the bias decays as n^(−a),
    /// the remaining bias is drift / (2^a − 1): 1 corresponds to a = 1, 1/(√2 − 1) ≈ 2.414 to a = ½.
    /// 0 turns the allowance off (CI = θ ± t·SE).
    /// </summary>
    public double BiasAllowance { get; init; } = DefaultBiasAllowance;

    /// <summary>The default <see cref="BiasAllowance"/>: 1/(√2 − 1), i.e. bias assumed to decay as n^(−½).</summary>
    public const double DefaultBiasAllowance = 2.414213562373095;

    /// <summary>Neighbour search strategy (exact in every case; default: automatic).</summary>
    public NeighbourSearch Search { get; init; } = NeighbourSearch.Auto;

    /// <summary>Called after the point estimate and after each half-split with (done, total); for progress displays.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Worker threads (results do not depend on it).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Largest k accepted.</summary>
    public const int MaxK = 1_000_000;

    /// <summary>Largest number of half-splits accepted (each is a full KSG estimate).</summary>
    public const int MaxSplits = 10_000;

    /// <summary>Throws a <see cref="ArgumentException"/> naming the flag of an out-of-range option.</summary>
    public void Validate()
    {
        if (K < 1) throw new ArgumentOutOfRangeException("options.K", $"must be at least 1, got {K}");
        // Upper limits keep k + 1 and the work (one estimate per split) within int and within reason.
        if (K > MaxK) throw new ArgumentOutOfRangeException("options.K", $"must be at most {MaxK}, got {K}");
        if (Splits > MaxSplits) throw new ArgumentOutOfRangeException("options.Splits", $"must be at most {MaxSplits}, got {Splits}");
        if (!(TieNoise >= 0) || double.IsInfinity(TieNoise)) throw new ArgumentOutOfRangeException("options.TieNoise", $"must be a finite number ≥ 0, got {TieNoise}");
        if (Splits < 0 || Splits == 1) throw new ArgumentOutOfRangeException("options.Splits", $"must be 0 (no CI) or at least 2, got {Splits}");
        if (!(BiasAllowance >= 0) || double.IsInfinity(BiasAllowance)) throw new ArgumentOutOfRangeException("options.BiasAllowance", $"must be a finite number ≥ 0, got {BiasAllowance}");
        if (Threads < 1) throw new ArgumentOutOfRangeException("options.Threads", $"must be at least 1, got {Threads}");
    }
}
