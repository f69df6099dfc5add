using MutualInfo.Estimators;

namespace MutualInfo;

/// <summary>
/// Settings of <see cref="MutualInformation.Estimate(double[,], double[,], MutualInformationOptions?, ulong)"/>;
/// the defaults are those of <c>mi estimate</c>.
/// </summary>
public sealed record MutualInformationOptions
{
    /// <summary>Neighbours k of the KSG step (<c>--k</c>, default 3).</summary>
    public int K { get; init; } = 3;

    /// <summary>Random half-splits behind the standard error (<c>--splits</c>, default 30; 0 = no SE and CI).</summary>
    public int Splits { get; init; } = 30;

    /// <summary>Multiple of the residual n/2→n drift added to the CI on its side (<c>--bias-allowance</c>).</summary>
    public double BiasAllowance { get; init; } = KsgOptions.DefaultBiasAllowance;

    /// <summary>Relative amplitude of the tie-breaking noise (<c>--tie-noise</c>, default 1e-10; 0 = off).</summary>
    public double TieNoise { get; init; } = 1e-10;

    /// <summary>Z-score each column first, as <c>mi estimate</c> does unless <c>--no-standardize</c> (default true).</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Shuffles of Y behind a permutation-null p-value (<c>--permutations</c>, default 0 = none).</summary>
    public int Permutations { get; init; }

    /// <summary>Worker threads (default: all cores); the numbers do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the property that is out of range.</summary>
    internal void Validate()
    {
        Require(K >= 1 && K <= KsgOptions.MaxK, nameof(K), K, $"must be between 1 and {KsgOptions.MaxK}");
        Require(Splits == 0 || (Splits >= 2 && Splits <= KsgOptions.MaxSplits), nameof(Splits), Splits, $"must be 0 (no CI) or between 2 and {KsgOptions.MaxSplits}");
        Require(BiasAllowance >= 0 && double.IsFinite(BiasAllowance), nameof(BiasAllowance), BiasAllowance, "must be a finite number ≥ 0");
        Require(TieNoise >= 0 && double.IsFinite(TieNoise), nameof(TieNoise), TieNoise, "must be a finite number ≥ 0");
        Require(Permutations >= 0 && Permutations <= MaxPermutations, nameof(Permutations), Permutations, $"must be between 0 and {MaxPermutations}");
        Require(Threads >= 1, nameof(Threads), Threads, "must be at least 1");
    }

    /// <summary>Largest <see cref="Permutations"/> accepted (each one re-runs the estimator), as in <c>mi estimate</c>.</summary>
    public const int MaxPermutations = 100_000;

    private static void Require(bool ok, string property, object value, string what)
    {
        if (!ok) throw new ArgumentOutOfRangeException($"options.{property}", $"{what}, got {value}");
    }

    /// <summary>The default estimator with these settings, built exactly as <c>mi estimate --estimator ksg-copula</c> builds it.</summary>
    internal CopulaKsgEstimator CreateEstimator() => new(new CopulaKsgOptions
    {
        Ksg = new KsgOptions { K = K, Variant = KsgVariant.First, TieNoise = TieNoise, Splits = Splits, BiasAllowance = BiasAllowance, Search = NeighbourSearch.Auto, Threads = Threads },
        ResidualBiasAllowance = BiasAllowance,
    });
}
