using MutualInfo.Estimators;

namespace MutualInfo.Benchmarking;

/// <summary>An estimator in a benchmark grid, under the canonical specification that labels its results.</summary>
/// <param name="Spec">Canonical specification, e.g. <c>ksg</c>, <c>ksg:k=5</c>, <c>gaussian</c>.</param>
/// <param name="Estimator">The configured estimator.</param>
internal sealed record BenchEstimator(string Spec, IMiEstimator Estimator);
