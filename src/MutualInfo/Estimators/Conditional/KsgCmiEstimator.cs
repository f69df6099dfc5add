using MutualInfo.Data;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// The k-NN conditional MI estimator: Frenzel &amp; Pompe (2007) / Vejmelka &amp; Paluš (2008) for continuous data
/// (name "ksg-cmi"), or Gao et al. (2017) counting for mixed discrete–continuous columns (name "mixed-ksg"); see
/// <see cref="KnnCmiCounting"/>. SE by random half-splits (as <see cref="KsgEstimator"/>), CI = θ ± t·SE. With an
/// empty Z it estimates I(X;Y).
/// </summary>
public sealed class KsgCmiEstimator : ICmiEstimator
{
    private readonly CmiOptions _options;
    private readonly KnnCmiCounting _counting;

    /// <summary>Creates the estimator; <paramref name="mixed"/> selects Gao et al.'s tie-aware counting.</summary>
    public KsgCmiEstimator(CmiOptions? options = null, bool mixed = false)
    {
        _options = options ?? new CmiOptions();
        _options.Validate();
        _counting = mixed ? KnnCmiCounting.Mixed : KnnCmiCounting.Continuous;
    }

    /// <inheritdoc />
    public string Name => _counting == KnnCmiCounting.Mixed ? "mixed-ksg" : "ksg-cmi";

    /// <inheritdoc />
    public int MinSamples(ConditionalSamples samples) => 2 * (_options.K + 1);

    /// <inheritdoc />
    public double PointEstimate(ConditionalSamples samples, ulong seed) =>
        KnnCmiTerms.Compute(TieNoise.Apply(samples, _options.TieNoise, seed), _options.K, _counting, _options.Threads).Average();

    /// <inheritdoc />
    public MiEstimate Estimate(ConditionalSamples samples, ulong seed)
    {
        CmiValidation.RequireFinite(samples);
        CmiValidation.RequireRows(samples, MinSamples(samples), $"{Name} with k = {_options.K}");
        double mi = PointEstimate(samples, seed);
        var (se, halfMean) = HalfSplitError.Measure(samples, _options.Splits, seed, PointEstimate);
        var warnings = new List<string>();
        if (KsgEstimator.DriftWarning(mi - halfMean, se) is { } warning) warnings.Add(warning);
        double t = HalfSplitError.TQuantile(_options.Splits);
        return new MiEstimate(Name, mi, se, mi - t * se, mi + t * se, samples.Count, samples.X.Dim, samples.Y.Dim, null, null, warnings,
            _options.Splits == 0 ? "none (0 splits)" : $"half-splitting: SE from {_options.Splits} random splits into halves, CI = estimate ± t({_options.Splits - 1})·SE").WithCiNotBelowZero();
    }
}
