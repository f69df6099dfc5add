using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// A joint distribution of (X, Y) whose mutual information is known in closed form and whose log density ratio
/// log r(x, y) = log p(x, y) − log p(x) − log p(y) (the optimal critic) can be evaluated exactly.
/// Samples are stored row-major: row i of an X buffer is <c>x[i*DimX .. (i+1)*DimX)</c>.
/// </summary>
public interface IKnownMiFamily
{
    /// <summary>Canonical specification, parseable by <c>FamilySpec.Parse</c>.</summary>
    string Name { get; }

    /// <summary>Dimension of X.</summary>
    int DimX { get; }

    /// <summary>Dimension of Y.</summary>
    int DimY { get; }

    /// <summary>
    /// Whether <see cref="LogRatioMatrix"/> and <see cref="SampleNegativeLogRatios"/> are available. False only for
    /// embeddings into a higher dimension (e.g. BMI's Swiss roll), whose joint has no density on the ambient space:
    /// such families can be sampled (benchmarks) but not simulated with the exact critic.
    /// </summary>
    bool HasExactLogRatio => true;

    /// <summary>
    /// The lautum information L = KL(p(x)p(y) ‖ p(x,y)) = −E_{p(x)p(y)}[log r] in nats when known in closed form
    /// (Gaussian families and their per-coordinate transforms), else null. CLUB at the exact conditional has
    /// expectation I + L.
    /// </summary>
    double? LautumInformation => null;

    /// <summary>
    /// E_{p(x)p(y)}[r²] = 1 + χ²(P_XY ‖ P_X P_Y) when known in closed form (Gaussian families), else null: the
    /// second moment of a negative's ratio, which sets the variance of the negatives' sum in InfoNCE and NWJ.
    /// </summary>
    double? RatioSecondMoment => null;

    /// <summary>Var_{p(x,y)}[log r] when known in closed form (Gaussian families), else null.</summary>
    double? LogRatioVariance => null;

    /// <summary>I(X;Y) in nats.</summary>
    double MutualInformation { get; }

    /// <summary>Draws <c>x.Length / DimX</c> pairs from the joint distribution.</summary>
    void SampleJoint(Rng rng, Span<double> x, Span<double> y);

    /// <summary>Draws <c>x.Length / DimX</c> values from the marginal of X.</summary>
    void SampleMarginalX(Rng rng, Span<double> x);

    /// <summary>
    /// The exact log density ratio for every pair: <c>dest[i*ny + j] = log r(x_i, y_j)</c>, where
    /// nx = x.Length / DimX and ny = y.Length / DimY. −∞ is legal (zero joint density).
    /// </summary>
    void LogRatioMatrix(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> dest);

    /// <summary>
    /// Fills <paramref name="dest"/> with log r(x̄_k, y) for fresh, independent x̄_k ~ P_X: the scores of
    /// independent negatives for one fixed y. Implementations may sample these values directly from their exact
    /// conditional distribution instead of sampling x̄ (the result has the same distribution).
    /// </summary>
    void SampleNegativeLogRatios(Rng rng, ReadOnlySpan<double> y, Span<double> dest);
}
