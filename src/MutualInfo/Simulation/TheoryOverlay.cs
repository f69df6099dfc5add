using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>
/// Approximations of the simulated curves for families whose E_{p(x)p(y)}[r²] =: M₂ is known in closed form.
/// <para>InfoNCE with independent negatives is log n + log r − log(r + S), S the sum of n − 1 negative ratios with
/// E[S | y] = n − 1 and Var[S | y] = (n − 1)(E[r² | y] − 1). First order (mean field): replace S by its mean,
/// E[log(n r / (r + n − 1))] (the expectation of the mean-field row). Second order (delta method): add Var S / (2 (r + n − 1)²), with E[r² | y] replaced by
/// its average M₂, i.e. + (n − 1)(M₂ − 1)/2 · E[(r + n − 1)^−2]. The expectations over the positive are a Monte Carlo
/// average over <see cref="Draws"/> joint draws on a stream of their own, the first-order one with log r as control
/// variate. The expansion needs Var S ≪ (r + n − 1)²,
/// i.e. n ≫ M₂ (= e^{2I} for the Gaussian); below that the correction overshoots, even above the log n cap.</para>
/// <para>NWJ (and TUBA) at the optimal critic with independent negatives: a trial is 1 + log r − mean_k r_k, whose
/// two parts are uncorrelated (E[r_k | y] = 1), so its variance is exactly Var[log r] + (M₂ − 1)/(n − 1) — the
/// exponential growth in I of Song and Ermon (2020), here with its constant.</para>
/// </summary>
internal static class TheoryOverlay
{
    /// <summary>Joint draws behind the InfoNCE approximations.</summary>
    public const int Draws = 1 << 16;

    /// <summary>The stream of the overlay's draws (no trial stream uses it: their high word is a batch size &lt; 2^31).</summary>
    private const ulong Stream = ulong.MaxValue;

    /// <summary>Whether the family has the closed forms the overlays need.</summary>
    public static bool Applies(IKnownMiFamily family) => family.RatioSecondMoment is not null;

    /// <summary>(first order, second order) approximations of E[InfoNCE] at each n, or null when M₂ is unknown.</summary>
    public static (double First, double Second)[]? InfoNce(IKnownMiFamily family, IReadOnlyList<int> batchSizes, ulong seed)
    {
        if (family.RatioSecondMoment is not { } m2) return null;
        double[] logRatios = PositiveLogRatios(family, seed);
        var terms = new double[logRatios.Length];
        return batchSizes.Select(n =>
        {
            double logNegatives = Math.Log(n - 1), inverseSquare = 0;
            for (int i = 0; i < logRatios.Length; i++)
            {
                double logDenominator = LogSumExp.AddExp(logRatios[i], logNegatives);
                terms[i] = Math.Log(n) + logRatios[i] - logDenominator;
                inverseSquare += Math.Exp(-2 * logDenominator);
            }
            // log r itself (mean I) as control variate, as in the simulation: at large n the first-order term is
            // log r up to a small correction, so its Monte Carlo error all but vanishes.
            double first = ControlVariate.Estimate(terms, logRatios, family.MutualInformation)?.Estimate.Mean ?? terms.Average();
            inverseSquare /= logRatios.Length;
            return (first, first + 0.5 * (n - 1) * (m2 - 1) * inverseSquare);
        }).ToArray();
    }

    /// <summary>Var of one NWJ/TUBA trial at the optimal critic with n − 1 independent negatives, or null.</summary>
    public static double? NwjTrialVariance(IKnownMiFamily family, int n) =>
        family.RatioSecondMoment is { } m2 && family.LogRatioVariance is { } v ? v + (m2 - 1) / (n - 1) : null;

    private static double[] PositiveLogRatios(IKnownMiFamily family, ulong seed)
    {
        var rng = Rng.ForStream(seed, Stream);
        var x = new double[Draws * family.DimX];
        var y = new double[Draws * family.DimY];
        family.SampleJoint(rng, x, y);
        var logRatios = new double[Draws];
        var one = new double[1];
        for (int i = 0; i < Draws; i++)
        {
            family.LogRatioMatrix(x.AsSpan(i * family.DimX, family.DimX), y.AsSpan(i * family.DimY, family.DimY), one);
            logRatios[i] = one[0];
        }
        return logRatios;
    }
}
