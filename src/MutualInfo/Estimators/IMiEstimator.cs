using MutualInfo.Data;

namespace MutualInfo.Estimators;

/// <summary>
/// An estimator of I(X;Y) from paired samples (BMI-style: estimate(x, y) → result). Implementations hold
/// their own settings (k, threads, resamples …) and are deterministic given the seed.
/// </summary>
public interface IMiEstimator
{
    /// <summary>Name as the CLI spells it, e.g. "ksg", "gaussian".</summary>
    string Name { get; }

    /// <summary>Fewest pairs this estimator accepts for the given dimensions.</summary>
    int MinSamples(int dimX, int dimY);

    /// <summary>The point estimate alone, in nats (what `mi bmi` prints, and what permutation nulls recompute).</summary>
    double PointEstimate(PairedSamples samples, ulong seed);

    /// <summary>The estimate with standard error, 95% CI and diagnostics (PValue left null).</summary>
    MiEstimate Estimate(PairedSamples samples, ulong seed);
}
