namespace MutualInfo.Statistics;

/// <summary>A mean with its standard error and 95% confidence interval.</summary>
/// <param name="Mean">The point estimate.</param>
/// <param name="StdError">Its standard error.</param>
/// <param name="Ci95Low">Lower end of the 95% confidence interval.</param>
/// <param name="Ci95High">Upper end of the 95% confidence interval.</param>
/// <param name="Count">Number of independent values behind it.</param>
public readonly record struct MeanEstimate(double Mean, double StdError, double Ci95Low, double Ci95High, long Count)
{
    /// <summary>The two-sided 95% standard-normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Normal-approximation CI: mean ± 1.96 SE.</summary>
    public static MeanEstimate FromMoments(double mean, double stdError, long count) =>
        new(mean, stdError, mean - Z95 * stdError, mean + Z95 * stdError, count);
}
