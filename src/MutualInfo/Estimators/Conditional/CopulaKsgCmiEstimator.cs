using MutualInfo.Data;
using MutualInfo.Families;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// KSG-CMI on normal scores, minus its bias measured on Gaussian surrogates (name "ksg-cmi-copula"). The normal
/// scores' correlation matrix R defines a Gaussian model whose CMI is known exactly (<see cref="GaussianCmi.Exact"/>);
/// the k-NN estimator is run on surrogates drawn from N(0, R) (themselves rank-transformed, like the data), and the
/// mean of (surrogate estimate − exact CMI) is subtracted. The correction removes the k-NN bias of the Gaussian part
/// of the dependence, which dominates on smooth data. SE: half-split SE of the raw estimate (normal scores redone on
/// each half) combined with the surrogate bias's own error; CI = θ ± t·SE.
/// </summary>
public sealed class CopulaKsgCmiEstimator : ICmiEstimator
{
    private readonly CmiOptions _options;
    private readonly KsgCmiEstimator _ksg;

    /// <summary>Creates the estimator; throws <see cref="ArgumentException"/> on invalid options.</summary>
    public CopulaKsgCmiEstimator(CmiOptions? options = null)
    {
        _options = options ?? new CmiOptions();
        _options.Validate();
        _ksg = new KsgCmiEstimator(_options);
    }

    /// <inheritdoc />
    public string Name => "ksg-cmi-copula";

    /// <inheritdoc />
    public int MinSamples(ConditionalSamples samples) => Math.Max(2 * (_options.K + 1), samples.X.Dim + samples.Y.Dim + samples.Z.Dim + 3);

    /// <inheritdoc />
    public double PointEstimate(ConditionalSamples samples, ulong seed) => RawOnScores(samples, seed);

    /// <inheritdoc />
    public MiEstimate Estimate(ConditionalSamples samples, ulong seed)
    {
        CmiValidation.RequireFinite(samples);
        CmiValidation.RequireRows(samples, MinSamples(samples), $"{Name} with k = {_options.K}");
        double raw = RawOnScores(samples, seed);
        var (seRaw, halfMean) = HalfSplitError.Measure(samples, _options.Splits, seed, RawOnScores);
        var scores = ConditionalNormalScores.Apply(samples);
        int dx = samples.X.Dim, dy = samples.Y.Dim, dz = samples.Z.Dim, d = dx + dy + dz;
        var correlation = Correlation(GaussianCmi.Covariance(scores.X.Concat(scores.Y).Concat(scores.Z).Values, d, Enumerable.Range(0, samples.Count).ToArray()), d);
        var warnings = new List<string>();
        var factor = Cholesky.TryFactor(correlation, d);
        if (factor is null)
        {
            warnings.Add("the normal scores' correlation matrix is singular; no Gaussian-surrogate bias correction");
            return Result(samples, raw, seRaw, warnings, "half-splitting SE of the uncorrected normal-scores KSG-CMI");
        }
        double exact = GaussianCmi.Exact(correlation, dx, dy, dz);
        var biases = new double[_options.Surrogates];
        for (int s = 0; s < biases.Length; s++)
            biases[s] = RawOnScores(Surrogate(samples, factor, Rng.ForStream(seed, (ulong)s + 1001)), seed + (ulong)s) - exact;
        double bias = biases.Average();
        double biasSe = Math.Sqrt(biases.Sum(b => (b - bias) * (b - bias)) / (biases.Length - 1) / biases.Length);
        double mi = raw - bias;
        double se = Math.Sqrt(seRaw * seRaw + biasSe * biasSe);
        if (KsgEstimator.DriftWarning(raw - halfMean, seRaw, "the uncorrected estimate") is { } warning) warnings.Add(warning);
        return Result(samples, mi, se, warnings,
            $"half-splitting ({_options.Splits} splits) SE of the normal-scores KSG-CMI, combined with the SE of its bias {bias:+0.0000;-0.0000} measured on {_options.Surrogates} Gaussian surrogates; CI = estimate ± t·SE");
    }

    private MiEstimate Result(ConditionalSamples s, double mi, double se, List<string> warnings, string method)
    {
        double t = HalfSplitError.TQuantile(_options.Splits);
        return new MiEstimate(Name, mi, se, mi - t * se, mi + t * se, s.Count, s.X.Dim, s.Y.Dim, null, null, warnings, method).WithCiNotBelowZero();
    }

    private double RawOnScores(ConditionalSamples samples, ulong seed) => _ksg.PointEstimate(ConditionalNormalScores.Apply(samples), seed);

    private static ConditionalSamples Surrogate(ConditionalSamples like, Cholesky factor, Rng rng)
    {
        int dx = like.X.Dim, dy = like.Y.Dim, dz = like.Z.Dim;
        var (x, y, z) = GaussianXyzSampler.Draw(factor, like.Count, rng, dx, dy, dz);
        return new ConditionalSamples(new(x, dx, like.X.Names), new(y, dy, like.Y.Names), new(z, dz, like.Z.Names));
    }

    private static double[] Correlation(double[] cov, int d)
    {
        var r = new double[d * d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++) r[a * d + b] = cov[a * d + b] / Math.Sqrt(cov[a * d + a] * cov[b * d + b]);
        return r;
    }
}
