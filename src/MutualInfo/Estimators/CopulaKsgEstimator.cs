using MutualInfo.Data;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators;

/// <summary>
/// KSG on normal scores with a Gaussian-surrogate bias correction, the default estimator of `mi estimate`:
/// <list type="number">
/// <item>each column is replaced by its normal scores Φ⁻¹((rank − ½)/n) (<see cref="NormalScores"/>; MI is
/// invariant under monotone maps of each coordinate, k-NN distances are not: heavy tails and curved marginals stop
/// distorting the neighbourhoods);</item>
/// <item>plain KSG (<see cref="KsgEstimator"/>) on the scores gives θ;</item>
/// <item>the bias of that pipeline is measured on Gaussian surrogates with the scores' correlation matrix
/// (<see cref="GaussianSurrogateBias"/>: same n and dimensions, exact MI known) and subtracted.</item>
/// </list>
/// SE² = half-splitting SE² of θ + Monte-Carlo variance of the mean surrogate bias; CI = estimate ± t·SE, extended
/// on one side by the residual drift (the data's n/2→n drift minus the surrogates').
/// </summary>
public sealed class CopulaKsgEstimator : IMiEstimator
{
    private readonly CopulaKsgOptions _options;

    /// <summary>Creates the estimator; throws <see cref="UsageException"/> on invalid options.</summary>
    public CopulaKsgEstimator(CopulaKsgOptions? options = null)
    {
        _options = options ?? new CopulaKsgOptions();
        _options.Validate();
    }

    /// <summary>The settings in use.</summary>
    public CopulaKsgOptions Options => _options;

    /// <inheritdoc />
    public string Name => "ksg-copula";

    /// <inheritdoc />
    public int MinSamples(int dimX, int dimY) => 2 * (_options.Ksg.K + 1);

    /// <inheritdoc />
    public double PointEstimate(PairedSamples samples, ulong seed)
    {
        SampleValidation.RequireRows(samples, MinSamples(samples.DimX, samples.DimY), $"{Name} with k = {_options.Ksg.K}");
        var scores = NormalScores.Apply(samples, _options.Ksg.Threads);
        var ksg = Inner(null);
        double theta = ksg.PointEstimate(scores, seed);
        return _options.Surrogates == 0 ? theta : theta - GaussianSurrogateBias.Measure(scores, ksg, _options.Surrogates, seed, withHalves: false).Bias;
    }

    /// <inheritdoc />
    public MiEstimate Estimate(PairedSamples samples, ulong seed)
    {
        SampleValidation.RequireRows(samples, MinSamples(samples.DimX, samples.DimY), $"{Name} with k = {_options.Ksg.K}");
        int splits = _options.Ksg.Splits, total = splits + 1 + _options.Surrogates, done = 0;
        void Step() => _options.Ksg.Progress?.Invoke(++done, total);
        var scores = NormalScores.Apply(samples, _options.Ksg.Threads);
        var parts = Inner((_, _) => Step()).EstimateWithHalves(samples, seed, s => NormalScores.Apply(s, _options.Ksg.Threads));
        var bias = _options.Surrogates == 0 ? null : GaussianSurrogateBias.Measure(scores, Inner(null), _options.Surrogates, seed, withHalves: splits > 0, Step);
        double mi = parts.Mi - (bias?.Bias ?? 0);
        var warnings = new List<string>();
        string correction = bias is null
            ? "no bias correction"
            : $"minus the bias {bias.Bias:+0.0000;-0.0000} measured on {bias.Count} Gaussian surrogates (exact MI {bias.SurrogateMi:0.000})";
        if (splits == 0)
            return Result(samples, mi, double.NaN, double.NaN, double.NaN, warnings, $"KSG on normal scores {correction}; no SE (--splits 0)");
        double se = Math.Sqrt(parts.StdError * parts.StdError + (bias is null ? 0 : bias.BiasError * bias.BiasError));
        double residualDrift = parts.Drift - (bias is null ? 0 : bias.Bias - bias.HalfBias);
        if (KsgEstimator.DriftWarning(residualDrift, se, bias is null ? "the estimate" : "beyond what the surrogates explain, the estimate") is { } warning) warnings.Add(warning);
        double t = StudentT.Quantile975(splits - 1);
        double lo = mi - t * se, hi = mi + t * se;
        double allowance = _options.ResidualBiasAllowance * residualDrift;
        if (allowance > 0) hi += allowance; else lo += allowance;
        string method = $"KSG (k = {_options.Ksg.K}) on normal scores {correction}; SE² = half-splitting SE² ({splits} splits)"
            + (bias is null ? "" : " + Monte-Carlo variance of the surrogate bias")
            + $", CI = estimate ± t({splits - 1})·SE"
            + (_options.ResidualBiasAllowance > 0 ? $", extended on the drift side by {_options.ResidualBiasAllowance:0.###} × the residual n/2→n drift ({residualDrift:+0.0000;-0.0000})" : "");
        return Result(samples, mi, se, lo, hi, warnings, method);
    }

    private KsgEstimator Inner(Action<int, int>? progress) => new(_options.Ksg with { Progress = progress, BiasAllowance = 0 });

    private MiEstimate Result(PairedSamples s, double mi, double se, double lo, double hi, List<string> warnings, string method) =>
        new(Name, mi, se, lo, hi, s.Count, s.DimX, s.DimY, null, null, warnings, method);
}
