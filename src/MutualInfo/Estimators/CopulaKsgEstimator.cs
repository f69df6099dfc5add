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
/// on one side by the residual drift (the data's n/2→n drift minus the surrogates'), then by what the reliability
/// evidence asks (<see cref="CopulaKsgReliability"/>). The surrogates follow the debiased Gaussian-copula fit
/// (<see cref="GaussianCopulaFit"/>), whose MI is also the yardstick the KSG estimate is checked against.
/// </summary>
public sealed class CopulaKsgEstimator : IMiEstimator, IPermutationStatistic
{
    private readonly CopulaKsgOptions _options;

    /// <summary>Creates the estimator; throws <see cref="ArgumentException"/> on invalid options.</summary>
    public CopulaKsgEstimator(CopulaKsgOptions? options = null)
    {
        _options = options ?? new CopulaKsgOptions();
        _options.Validate();
    }

    /// <summary>The settings in use.</summary>
    public CopulaKsgOptions Options => _options;

    /// <inheritdoc />
    public string Name => EstimatorNames.KsgCopula;

    /// <inheritdoc />
    public int MinSamples(int dimX, int dimY) => 2 * (_options.Ksg.K + 1);

    /// <inheritdoc />
    /// <remarks>The estimate of <see cref="Estimate"/> (its decision rule needs the half-splits' SE).</remarks>
    public double PointEstimate(PairedSamples samples, ulong seed) => Estimate(samples, seed).Mi;

    /// <summary>KSG on the normal scores, uncorrected: enough for a permutation test, and one KSG run.</summary>
    double IPermutationStatistic.PermutationStatistic(PairedSamples samples, ulong seed)
    {
        Validate(samples);
        return Inner(null).PointEstimate(NormalScores.Apply(samples, _options.Ksg.Threads), seed);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Checks the input (finite, non-constant columns, enough rows; <see cref="ArgumentException"/> otherwise). A Y
    /// column that is a strictly monotone function of an X column gives MI = +∞ with a warning. Otherwise the
    /// estimate carries a reliability verdict (<see cref="CopulaKsgReliability"/>) and its CI is widened to what
    /// the evidence allows; a CI is never entirely below 0.
    /// </remarks>
    public MiEstimate Estimate(PairedSamples samples, ulong seed)
    {
        Validate(samples);
        if (DeterministicRelation.Find(samples) is { } relation)
            return Result(samples, double.PositiveInfinity, double.NaN, double.PositiveInfinity, double.PositiveInfinity, [relation], "none: a deterministic relation");
        int splits = _options.Ksg.Splits, total = splits + 1 + _options.Surrogates, done = 0;
        void Step() => _options.Ksg.Progress?.Invoke(++done, total);
        var scores = NormalScores.Apply(samples, _options.Ksg.Threads);
        var fit = GaussianCopulaFit.Fit(scores, seed);
        var parts = Inner((_, _) => Step()).EstimateWithHalves(samples, seed, s => NormalScores.Apply(s, _options.Ksg.Threads));
        var bias = _options.Surrogates == 0 || fit is null ? null : GaussianSurrogateBias.Measure(scores, fit.Correlation, Inner(null), _options.Surrogates, seed, withHalves: splits > 0, Step);
        double mi = parts.Mi - (bias?.Bias ?? 0);
        var warnings = new List<string>();
        string correction = bias is null
            ? "no bias correction"
            : $"minus the bias {bias.Bias:+0.0000;-0.0000} measured on {bias.Count} Gaussian surrogates (debiased Gaussian-copula MI {bias.SurrogateMi:0.000})";
        double se = double.NaN, lo = double.NaN, hi = double.NaN, residualDrift = double.NaN;
        if (splits > 0)
        {
            se = Math.Sqrt(parts.StdError * parts.StdError + (bias is null ? 0 : bias.BiasError * bias.BiasError));
            residualDrift = parts.Drift - (bias is null ? 0 : bias.Bias - bias.HalfBias);
            if (KsgEstimator.DriftWarning(residualDrift, se, bias is null ? "the estimate" : "beyond what the surrogates explain, the estimate") is { } warning) warnings.Add(warning);
            double t = StudentT.Quantile975(splits - 1);
            (lo, hi) = (mi - t * se, mi + t * se);
            double allowance = _options.ResidualBiasAllowance * residualDrift;
            if (allowance > 0) hi += allowance; else lo += allowance;
        }
        // Both the magnitude test and the norms' MI read the squared whitened norms: computed once.
        var squaredNorms = fit is not null && samples.DimX + samples.DimY > 2 ? WhitenedNorms.OfBothSides(scores) : null;
        var magnitude = fit is not null && squaredNorms is not null ? MagnitudeDependence.Test(scores, squaredNorms, fit, seed) : null;
        var norms = squaredNorms is null ? null : SquaredNormBound.Estimate(squaredNorms, Inner(null), seed);
        var evidence = new CopulaKsgReliability.Evidence(mi, se, lo, hi, bias?.Bias ?? 0, samples.Count, samples.DimX + samples.DimY, fit, magnitude, norms,
            bias?.GapSd ?? double.NaN, bias?.Count ?? 0, bias?.BiasError ?? double.NaN);
        var decision = CopulaKsgReliability.Decide(evidence);
        MiEstimate? bound = null;
        if (decision.Reasons.Count > 0 && fit is not null && _options.HeldOutLowerBound is { } lowerBound)
        {
            // Only where the evidence already doubts KSG: a learned critic costs seconds to minutes. The check is
            // optional evidence, so a bound that cannot be computed (e.g. training diverged) is reported, not fatal.
            try
            {
                bound = lowerBound.Estimate(scores, seed);
                decision = CopulaKsgReliability.Decide(evidence with { LowerBound = bound });
            }
            catch (ArgumentException e)
            {
                warnings.Add($"the held-out lower bound ({lowerBound.Name}) could not be computed, so it was not consulted: {e.Message}");
            }
        }
        double reported = decision.Mi;
        var (low, high) = splits == 0 ? (double.NaN, double.NaN) : (decision.Low, decision.High);
        string method = $"KSG (k = {_options.Ksg.K}) on normal scores {correction}; "
            + (splits == 0 ? "no SE and no CI (0 splits)" : $"SE² = half-splitting SE² ({splits} splits)"
                + (bias is null ? "" : " + Monte-Carlo variance of the surrogate bias")
                + $", CI = estimate ± t({splits - 1})·SE"
                + (_options.ResidualBiasAllowance > 0 ? $", extended on the drift side by {_options.ResidualBiasAllowance:0.###} × the residual n/2→n drift ({residualDrift:+0.0000;-0.0000})" : ""))
            + (fit is null ? "" : $"; unbiased Gaussian-copula MI {fit.Mi:0.000} ± {fit.StdError:0.000} (plug-in {fit.PlugInMi:0.000})")
            + (magnitude is null ? "" : $", squared-norm dependence z = {magnitude.Z:0.0}")
            + (norms is null ? "" : $", MI of the squared norms (a lower bound) {norms.Mi:0.000} ± {norms.StdError:0.000}")
            + (bound is null ? "" : $", held-out lower bound ({bound.Estimator}) {bound.Mi:0.000} ± {bound.StdError:0.000}")
            + (reported == mi ? "" : $"; reported: the {ReportedName(reported, norms, bound)} (KSG gave {mi:0.000})")
            + (splits > 0 && decision.CoversBoth ? "; the CI covers both estimates" : "")
            + (splits > 0 && decision.WidenedForCopula ? $"; KSG and the Gaussian-copula MI disagree, so the copula is not Gaussian and the surrogates did not measure KSG's bias on it: the CI is widened by {CopulaKsgReliability.UnmeasuredBiasAllowance:0.00} nats each side" : "")
            + (splits > 0 && decision.Reasons.Count > 0 ? "; the CI is widened for the reliability reasons" : "");
        return (Result(samples, reported, se, low, high, warnings, method) with { Reliability = Reliability.From(decision.Reasons) }).WithCiNotBelowZero();
    }

    private static string ReportedName(double reported, SquaredNormBound? norms, MiEstimate? bound) =>
        bound is not null && reported == bound.Mi ? "held-out lower bound"
        : norms is not null && reported == norms.Mi ? "squared norms' MI"
        : "Gaussian-copula MI";

    private void Validate(PairedSamples samples)
    {
        SampleValidation.RequireRows(samples, MinSamples(samples.DimX, samples.DimY), $"{Name} with k = {_options.Ksg.K}");
        SampleValidation.RequireFinite(samples);
        SampleValidation.RequireNonConstantColumns(samples);
    }

    private KsgEstimator Inner(Action<int, int>? progress) => new(_options.Ksg with { Progress = progress, BiasAllowance = 0 });

    private MiEstimate Result(PairedSamples s, double mi, double se, double lo, double hi, IReadOnlyList<string> warnings, string method) =>
        new(Name, mi, se, lo, hi, s.Count, s.DimX, s.DimY, null, null, warnings, method);
}
