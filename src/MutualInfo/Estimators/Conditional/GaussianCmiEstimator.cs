using MutualInfo.Data;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// The Gaussian baseline for I(X;Y|Z): the log-determinant (partial canonical correlation) formula of
/// <see cref="GaussianCmi"/> on the sample covariance, with its Wishart bias removed (unbiased for Gaussian data; it
/// measures only linear dependence otherwise). SE by bootstrap over rows, CI = θ ± 1.96·SE.
/// </summary>
public sealed class GaussianCmiEstimator : ICmiEstimator
{
    private readonly CmiOptions _options;

    /// <summary>Creates the estimator; throws <see cref="ArgumentException"/> on invalid options.</summary>
    public GaussianCmiEstimator(CmiOptions? options = null)
    {
        _options = options ?? new CmiOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "gaussian-cmi";

    /// <inheritdoc />
    public int MinSamples(ConditionalSamples samples) => samples.X.Dim + samples.Y.Dim + samples.Z.Dim + 3;

    /// <inheritdoc />
    public double PointEstimate(ConditionalSamples samples, ulong seed) => Point(Joint(samples), samples, AllRows(samples.Count));

    /// <inheritdoc />
    public MiEstimate Estimate(ConditionalSamples samples, ulong seed)
    {
        CmiValidation.RequireFinite(samples);
        CmiValidation.RequireRows(samples, MinSamples(samples), Name);
        var joint = Joint(samples);
        double mi = Point(joint, samples, AllRows(samples.Count));
        var replicates = new double[_options.Resamples];
        Parallel.For(0, _options.Resamples, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, b =>
            replicates[b] = Point(joint, samples, Resampling.WithReplacement(Rng.ForStream(seed, (ulong)b + 1), samples.Count)));
        var finite = replicates.Where(double.IsFinite).ToArray();
        double mean = finite.Average();
        double se = Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
        var warnings = new List<string>();
        if (!double.IsFinite(mi)) warnings.Add("the covariance matrix is singular: some column is (nearly) a linear function of others");
        return new MiEstimate(Name, mi, se, mi - MeanEstimate.Z95 * se, mi + MeanEstimate.Z95 * se, samples.Count, samples.X.Dim, samples.Y.Dim,
            null, null, warnings, $"bootstrap: SE from {_options.Resamples} row resamples, CI = estimate ± 1.96·SE").WithCiNotBelowZero();
    }

    private static double Point(double[] joint, ConditionalSamples s, ReadOnlySpan<int> rows) =>
        GaussianCmi.Unbiased(GaussianCmi.Covariance(joint, s.X.Dim + s.Y.Dim + s.Z.Dim, rows), rows.Length, s.X.Dim, s.Y.Dim, s.Z.Dim);

    private static double[] Joint(ConditionalSamples s) => s.X.Concat(s.Y).Concat(s.Z).Values;

    private static int[] AllRows(int n) => Enumerable.Range(0, n).ToArray();
}
