using System.Globalization;

namespace MutualInfo.Estimators;

/// <summary>
/// The decision rule of <see cref="CopulaKsgEstimator"/>: which number to report, its CI and the reliability
/// verdict. KSG's bias is known only where the copula is Gaussian (the surrogates then measure it), so the rule
/// first asks whether the data are consistent with a Gaussian copula:
/// <list type="bullet">
/// <item>the bias-corrected KSG estimate K agrees with the unbiased Gaussian-copula MI G within <see cref="GapZ"/>
/// times the spread of K − G that the Gaussian surrogates show at this n, plus <see cref="DisagreementTolerance"/>
/// (without surrogates: 2 combined SEs plus that and a tenth of the surrogate correction, itself a model), and</item>
/// <item>the MI between the squared norms N, a lower bound, does not exceed K (beyond 2 combined SEs plus
/// <see cref="DisagreementTolerance"/>), and</item>
/// <item>the squared norms of X and Y do not covary beyond what G's correlations explain (|z| ≤
/// <see cref="MagnitudeZ"/>, <see cref="MagnitudeDependence"/>).</item>
/// </list>
/// Single columns (1 + 1) take only the first check and stay ok either way: consistent, the CI covers K's and G's
/// CIs; not consistent, the estimate is K and its CI is widened on both sides by <see cref="UnmeasuredBiasAllowance"/>
/// (the surrogates measured KSG's bias on a Gaussian copula, not on this one; in one dimension per side that bias is
/// small, docs/estimate.md).
/// Consistent (more than 2 columns): the estimate is K and the CI covers both, verdict ok — except above <see cref="MaxDimensionForKsg"/>
/// columns, where the estimate is G (exact under the assumption, while the surrogate correction of KSG is only
/// approximate there) but the verdict is unreliable with an open upper end: in that many dimensions neither check
/// has the power to see a non-Gaussian dependence (BMI's 25 + 25 spirals pass both). Not consistent: the
/// verdict is unreliable, the estimate is the largest of K, G and N (KSG errs low on non-Gaussian dependence in several
/// dimensions, its neighbourhoods average the density over a ball; G is the dependence the correlations alone
/// carry; N, the MI between the squared norms (<see cref="SquaredNormBound"/>), is a lower bound that a shared scale
/// fills), and the CI keeps the higher of K's and N's lower ends and reaches up to K + <see cref="NonGaussianWidening"/> × (K − G)⁺, to G and to N — or, above
/// <see cref="MaxDimensionForKsg"/> columns, where KSG can miss a non-Gaussian dependence entirely and its correction
/// is only approximate, has no upper end and reaches down to G's lower end too.
/// Independently: fewer than <see cref="MinRowsPerDimension"/> rows per column is a reason of its own; no Gaussian
/// fit (n ≤ d + 1) extends the CI down to 0 and leaves its upper end open, as does an estimate within 1 nat of log n.
/// </summary>
internal static class CopulaKsgReliability
{
    /// <summary>Fewest rows per column (of X and Y together) for k-NN distances to be trusted.</summary>
    public const int MinRowsPerDimension = 20;

    /// <summary>Smallest KSG–Gaussian-copula disagreement (nats), on top of its measured spread, that counts.</summary>
    public const double DisagreementTolerance = 0.02;

    /// <summary>Share of the surrogate bias correction added to the tolerance (the correction is a model too).</summary>
    public const double CorrectionTolerance = 0.1;

    /// <summary>Multiple of the surrogates' spread of K − G beyond which K and G disagree.</summary>
    public const double GapZ = 3;

    /// <summary>|z| of the magnitude-dependence test beyond which the Gaussian copula is rejected.</summary>
    public const double MagnitudeZ = 3;

    /// <summary>Multiple of the non-Gaussian part (K − G) by which the CI is extended upward when the copula is not Gaussian.</summary>
    public const double NonGaussianWidening = 3;

    /// <summary>
    /// Widening (nats, each side) of K's CI for 1 + 1 columns whose copula is not Gaussian: the surrogate correction
    /// there is a model. On BMI's non-Gaussian 1 + 1 tasks (additive noise, Student-t ν = 1 and its asinh; seeds
    /// 101–160) K's mean error was −0.011 to +0.004 nats and its plain CI covered 171 of 180 datasets; widened so, all.
    /// </summary>
    public const double UnmeasuredBiasAllowance = 0.02;

    /// <summary>Above this many columns G is the estimate under a Gaussian copula, and otherwise the CI has no upper end.</summary>
    public const int MaxDimensionForKsg = 20;

    /// <summary>The estimate to report, its CI after the evidence, and the reasons the evidence gave.</summary>
    public static Decision Decide(Evidence e)
    {
        var reasons = new List<string>();
        double mi = e.Ksg, low = e.Low, high = e.High;
        bool coversBoth = false, widenedForCopula = false;
        if (e.Fit is not { } fit)
        {
            reasons.Add(Invariant($"no Gaussian-copula fit and no bias correction: {e.Rows} rows cannot fix a {e.Dims} × {e.Dims} correlation matrix; the data do not bound the MI from above"));
            high = double.PositiveInfinity;
        }
        else if (NonGaussianEvidence(e, fit) is { } evidence)
        {
            mi = Math.Max(e.Ksg, fit.Mi);
            bool open = e.Dims > MaxDimensionForKsg;
            high = open ? double.PositiveInfinity : Math.Max(Math.Max(high, fit.Mi + 2 * fit.StdError), e.Ksg + NonGaussianWidening * Math.Max(0, e.Ksg - fit.Mi));
            // Above MaxDimensionForKsg columns the surrogate correction of K is only approximate, so a K above G may be
            // K's own error rather than non-Gaussian dependence (a 50 + 50 Gaussian was flagged so): the CI keeps G's
            // lower end as well, as it does for consistent data.
            if (open) low = Math.Min(low, fit.Mi - 2 * fit.StdError);
            if (e.Norms is { } norms && double.IsFinite(norms.Mi))
            {
                // A lower bound: the MI is at least what the norms carry, so the CI's lower end may rise to theirs.
                double normsSe = FiniteOrZero(norms.StdError);
                mi = Math.Max(mi, norms.Mi);
                low = Math.Max(low, norms.Mi - 2 * normsSe);
                high = Math.Max(high, norms.Mi + 2 * normsSe);
            }
            reasons.Add(evidence + (open
                ? Invariant($"; in {e.Dims} dimensions KSG can miss such dependence entirely, so the data do not bound the MI from above")
                : Invariant($"; KSG errs low on such dependence, so the CI reaches up to KSG + {NonGaussianWidening:0.#} × (KSG − Gaussian-copula MI)")));
        }
        else if (e.Dims <= 2 && Math.Abs(e.Ksg - fit.Mi) > DisagreementToleranceOf(e, fit))
        {
            // 1 + 1 columns, not Gaussian-copula: K stays (and the verdict ok), its CI widened for the unmeasured bias.
            low -= UnmeasuredBiasAllowance;
            high += UnmeasuredBiasAllowance;
            widenedForCopula = true;
        }
        else
        {
            coversBoth = true;
            low = Math.Min(low, fit.Mi - 2 * fit.StdError);
            high = Math.Max(high, fit.Mi + 2 * fit.StdError);
            if (e.Dims > MaxDimensionForKsg)
            {
                mi = fit.Mi;
                high = double.PositiveInfinity;
                reasons.Add(Invariant($"in {e.Dims} dimensions the estimate rests on the Gaussian-copula assumption, which KSG cannot check here: a non-Gaussian dependence (such as BMI's spirals) could be missed entirely, so the data do not bound the MI from above"));
            }
        }
        if (e.LowerBound is { } bound && LowerBoundAbove(e, mi, bound) is { } above)
        {
            // The MI is at least the bound's expectation: report it, start the CI from it and let the upper end reach
            // as far above it as the non-Gaussian widening reaches above KSG.
            double boundSe = FiniteOrZero(bound.StdError);
            mi = bound.Mi;
            low = Math.Max(low, bound.Mi - 2 * boundSe);
            double gaussian = e.Fit?.Mi ?? 0;
            high = Math.Max(high, Math.Max(bound.Mi + 2 * boundSe, bound.Mi + NonGaussianWidening * Math.Max(0, bound.Mi - gaussian)));
            reasons.Add(above);
        }
        if (e.Rows < MinRowsPerDimension * e.Dims)
        {
            // With a fit, the CI already covers the unbiased Gaussian-copula MI, which handles few rows per column by
            // itself (20 + 20 independent columns on 100 rows: 0 ± 0.2); without one, nothing bounds the estimate.
            reasons.Add(Invariant($"too few rows for the dimension: {e.Rows} rows for {e.Dims} columns (fewer than {MinRowsPerDimension} per column): KSG's neighbourhoods say little here") + (e.Fit is null ? "; the CI reaches down to 0" : ""));
            if (e.Fit is null) low = Math.Min(low, 0);
        }
        double ceiling = Math.Log(e.Rows);
        if (mi > ceiling - 1)
        {
            reasons.Add(Invariant($"the estimate {mi:0.000} is within 1 nat of log n = {ceiling:0.000}, the most {e.Rows} rows can show: the MI may be much larger"));
            high = double.PositiveInfinity;
        }
        return new Decision(mi, low, high, reasons, coversBoth, widenedForCopula);
    }

    /// <summary>
    /// A sentence saying that the held-out lower bound lies above the estimate so far beyond 2 combined SEs plus
    /// <see cref="DisagreementTolerance"/>, or null.
    /// </summary>
    private static string? LowerBoundAbove(Evidence e, double mi, MiEstimate bound)
    {
        if (!double.IsFinite(bound.Mi)) return null;
        double tolerance = 2 * Math.Sqrt(Variance(e.StdError) + Variance(bound.StdError)) + DisagreementTolerance;
        if (bound.Mi - mi <= tolerance) return null;
        return Invariant($"a held-out lower bound ({bound.Estimator}: {bound.Mi:0.000} ± {bound.StdError:0.000}) lies above the estimate {mi:0.000} by over {tolerance:0.000}: KSG underestimates here, so the bound is reported and the true MI may be higher still");
    }

    /// <summary>A sentence saying why the copula is not Gaussian, or null when nothing says so.</summary>
    private static string? NonGaussianEvidence(Evidence e, GaussianCopulaFit fit)
    {
        if (e.Dims <= 2) return null;
        double gap = e.Ksg - fit.Mi;
        double tolerance = DisagreementToleranceOf(e, fit);
        if (Math.Abs(gap) > tolerance)
            return Invariant($"KSG ({e.Ksg:0.000}) and the Gaussian-copula MI ({fit.Mi:0.000} ± {fit.StdError:0.000}) disagree by {gap:+0.000;-0.000}, beyond {tolerance:0.000}: the dependence is not Gaussian-copula, and KSG's bias on it is unmeasured");
        if (e.Norms is { } norms && double.IsFinite(norms.Mi))
        {
            double normsTolerance = 2 * Math.Sqrt(Variance(e.StdError) + Variance(norms.StdError)) + DisagreementTolerance;
            if (norms.Mi - e.Ksg > normsTolerance)
                return Invariant($"the squared norms of X and Y alone carry {norms.Mi:0.000} nats (a lower bound on the MI), more than KSG's {e.Ksg:0.000} by over {normsTolerance:0.000}: KSG misses dependence here");
        }
        if (e.Magnitude is { } m && Math.Abs(m.Z) > MagnitudeZ)
            return Invariant($"the squared norms of X and Y covary beyond what the Gaussian copula explains (z = {m.Z:0.0}): the dependence is not Gaussian-copula, and KSG's bias on it is unmeasured");
        return null;
    }

    /// <summary>
    /// How far K and G may disagree on Gaussian-copula data. K and G come from the same rows and share most of their
    /// error, so where the surrogates measured the spread of K − G on Gaussian data of this size, that spread combined
    /// with the error of the subtracted correction (the surrogates' mean KSG bias), times <see cref="GapZ"/>, is the
    /// yardstick; otherwise 2 combined SEs, which ignore that shared error, plus a tenth of the correction.
    /// </summary>
    private static double DisagreementToleranceOf(Evidence e, GaussianCopulaFit fit)
    {
        if (double.IsFinite(e.GapSd) && e.GapSd > 0 && e.Surrogates > 1)
            return GapZ * Math.Sqrt(e.GapSd * e.GapSd + Variance(e.CorrectionError)) + DisagreementTolerance;
        double combined = Math.Sqrt(Variance(e.StdError) + fit.StdError * fit.StdError);
        return 2 * combined + DisagreementTolerance + CorrectionTolerance * Math.Abs(e.Correction);
    }

    /// <summary>SE², or 0 for an SE that could not be estimated (no splits, no surrogates).</summary>
    private static double Variance(double se) => double.IsFinite(se) ? se * se : 0;

    /// <summary>An SE, or 0 for one that could not be estimated.</summary>
    private static double FiniteOrZero(double se) => double.IsFinite(se) ? se : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the rule decided.</summary>
    /// <param name="Mi">The estimate to report.</param>
    /// <param name="Low">Lower end of its CI.</param>
    /// <param name="High">Upper end of its CI.</param>
    /// <param name="Reasons">Why the estimate is unreliable (empty: ok).</param>
    /// <param name="CoversBoth">Whether the CI was made to cover the Gaussian-copula MI's as well (consistent data).</param>
    /// <param name="WidenedForCopula">Whether K's CI was widened by <see cref="UnmeasuredBiasAllowance"/> (1 + 1 columns, copula not Gaussian).</param>
    public sealed record Decision(double Mi, double Low, double High, IReadOnlyList<string> Reasons, bool CoversBoth, bool WidenedForCopula);

    /// <summary>What the rule weighs.</summary>
    /// <param name="Ksg">K, the bias-corrected KSG estimate.</param>
    /// <param name="StdError">K's standard error.</param>
    /// <param name="Low">Lower end of K's CI.</param>
    /// <param name="High">Upper end of K's CI.</param>
    /// <param name="Correction">The surrogate bias correction subtracted from raw KSG (0 without surrogates).</param>
    /// <param name="Rows">n.</param>
    /// <param name="Dims">d_x + d_y.</param>
    /// <param name="Fit">The Gaussian-copula fit; null when n ≤ d + 1.</param>
    /// <param name="Magnitude">The magnitude-dependence test; null without a fit or for 1 + 1 columns.</param>
    /// <param name="Norms">The MI between the squared norms, a lower bound; null without a fit or for 1 + 1 columns.</param>
    /// <param name="GapSd">The surrogates' spread of K − G (<see cref="SurrogateBias.GapSd"/>); NaN without surrogates.</param>
    /// <param name="Surrogates">How many surrogates measured it.</param>
    /// <param name="CorrectionError">Monte-Carlo SE of the correction (<see cref="SurrogateBias.BiasError"/>); NaN without surrogates.</param>
    public sealed record Evidence(double Ksg, double StdError, double Low, double High, double Correction, int Rows, int Dims,
        GaussianCopulaFit? Fit, MagnitudeDependence? Magnitude, SquaredNormBound? Norms = null, double GapSd = double.NaN, int Surrogates = 0,
        double CorrectionError = double.NaN)
    {
        /// <summary>A held-out lower bound on the MI (<see cref="CopulaKsgOptions.HeldOutLowerBound"/>), or null.</summary>
        public MiEstimate? LowerBound { get; init; }
    }
}
