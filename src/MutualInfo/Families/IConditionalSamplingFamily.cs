using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// Optional abilities of a family that let the simulator reduce the variance of independent-negative trials without
/// bias: fresh positives x ~ p(x | y) for a given y (their scores average out the positive's own noise), and
/// statistics of y and of the negatives whose means are known exactly (control variates).
/// </summary>
internal interface IConditionalSamplingFamily : IKnownMiFamily
{
    /// <summary>
    /// Fills <paramref name="dest"/> with log r(x_m, y) for x_m ~ p(x | y), the scores of fresh positives for one
    /// fixed y (drawn directly from their exact conditional distribution where that is cheaper). Each x_m has exactly
    /// that distribution; they need not be independent (stratified draws make their average less variable).
    /// </summary>
    void SamplePositiveLogRatios(Rng rng, ReadOnlySpan<double> y, Span<double> dest);

    /// <summary>Number of functions of y written by <see cref="WriteYControls"/>.</summary>
    int YControlCount { get; }

    /// <summary>Writes bounded functions of y whose mean under p(y) is exactly 0.</summary>
    void WriteYControls(ReadOnlySpan<double> y, Span<double> dest);

    /// <summary>
    /// log E_{x̄ ~ p(x)}[r(x̄, y)^α] for one fixed y and 0 ≤ α ≤ 1 (the simulator uses 1/8, 1/4, 1/2, 3/4, 1): the exact
    /// conditional mean of a negative's r^α.
    /// </summary>
    double LogRatioMoment(double alpha, ReadOnlySpan<double> y);

    /// <summary>P(log r(x̄, y) &gt; t) for x̄ ~ p(x) and one fixed y: the exact tail of a negative's score.</summary>
    double NegativeTailProbability(double t, ReadOnlySpan<double> y);

    /// <summary>
    /// log(E[r^{2α} | y] / E[r^α | y]²) at a typical y, fixed in advance: how heavy-tailed one negative's r^α is (a sum
    /// of n − 1 of them has relative variance about e^this/(n − 1)).
    /// </summary>
    double TypicalLogMomentRatio(double alpha);
}
