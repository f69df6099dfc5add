using MutualInfo.Data;

namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// An estimator of I(X;Y|Z) (or of I(X;Y) with discrete or mixed columns when Z is empty), deterministic given the
/// seed. The result is an <see cref="MiEstimate"/> whose <see cref="MiEstimate.Mi"/> is the conditional MI in nats.
/// </summary>
public interface ICmiEstimator
{
    /// <summary>Name as the CLI spells it, e.g. "ksg-cmi".</summary>
    string Name { get; }

    /// <summary>Fewest rows this estimator accepts for these data.</summary>
    int MinSamples(ConditionalSamples samples);

    /// <summary>The point estimate alone (what permutation nulls recompute).</summary>
    double PointEstimate(ConditionalSamples samples, ulong seed);

    /// <summary>The estimate with standard error, 95% CI and diagnostics (PValue left null).</summary>
    MiEstimate Estimate(ConditionalSamples samples, ulong seed);
}
