using System.Globalization;

namespace MutualInfo.Estimators;

/// <summary>
/// The reliability verdict of <see cref="CopulaKsgEstimator"/> and the CI that goes with it. KSG is trusted where
/// its bias is known: the Gaussian surrogates measure it exactly when the copula is Gaussian, so the estimate must
/// then agree with the debiased Gaussian-copula MI. Each piece of evidence against that widens the CI as far as
/// it allows and adds a reason:
/// <list type="bullet">
/// <item>too few rows for the dimension (n &lt; <see cref="MinRowsPerDimension"/> per column): k-NN distances in
/// many dimensions carry little information; the CI reaches down to 0;</item>
/// <item>no Gaussian fit at all (n ≤ d_x + d_y + 1): nothing bounds the estimate from above;</item>
/// <item>KSG and the Gaussian-copula MI disagree beyond their CIs: the dependence is not Gaussian-copula, and
/// KSG's bias on it was not measured. KSG on nonlinear dependence in several dimensions errs low (its neighbourhoods
/// average the density over a ball), so the CI is extended upward by <see cref="NonGaussianWidening"/> × the part
/// KSG sees beyond the Gaussian copula (and to the Gaussian-copula MI when KSG is below it); above
/// <see cref="MaxDimensionForFiniteUpperEnd"/> dimensions no finite upper end is supported;</item>
/// <item>an estimate within 1 nat of log n, the most n rows can show: the upper end is open.</item>
/// </list>
/// </summary>
internal static class CopulaKsgReliability
{
    /// <summary>Fewest rows per column (of X and Y together) for k-NN distances to be trusted.</summary>
    public const int MinRowsPerDimension = 20;

    /// <summary>Smallest KSG–Gaussian-copula disagreement (nats), on top of 2 combined SEs, that counts.</summary>
    public const double DisagreementTolerance = 0.02;

    /// <summary>Multiple of the non-Gaussian part (KSG − Gaussian-copula MI) by which the CI is extended upward.</summary>
    public const double NonGaussianWidening = 2;

    /// <summary>Above this many columns a non-Gaussian dependence leaves the CI's upper end open.</summary>
    public const int MaxDimensionForFiniteUpperEnd = 20;

    /// <summary>The CI after the evidence, and the reasons it gave.</summary>
    public static (double Low, double High, List<string> Reasons) Assess(double mi, double se, double low, double high, int n, int dims, GaussianCopulaFit? fit)
    {
        var reasons = new List<string>();
        if (n < MinRowsPerDimension * dims)
        {
            reasons.Add(Invariant($"too few rows for the dimension: {n} rows for {dims} columns (fewer than {MinRowsPerDimension} per column); the CI reaches down to 0"));
            low = Math.Min(low, 0);
        }
        if (fit is null)
        {
            reasons.Add(Invariant($"no Gaussian-copula fit and no bias correction: {n} rows cannot fix a {dims} × {dims} correlation matrix; the data do not bound the MI from above"));
            high = double.PositiveInfinity;
        }
        else if (Disagreement(mi, se, fit) is { } gap)
        {
            if (gap > 0)
            {
                bool open = dims > MaxDimensionForFiniteUpperEnd;
                high = open ? double.PositiveInfinity : Math.Max(high, mi + NonGaussianWidening * gap);
                reasons.Add(Invariant($"the dependence is not Gaussian-copula (KSG {mi:0.000} vs Gaussian-copula MI {fit.Mi:0.000} ± {fit.StdError:0.000}): KSG's bias on it is unmeasured and KSG errs low on nonlinear dependence in several dimensions; ")
                    + (open ? Invariant($"in {dims} dimensions the data do not bound the MI from above") : Invariant($"the CI is extended up to the estimate + {NonGaussianWidening:0.#} × the difference")));
            }
            else
            {
                high = Math.Max(high, fit.Mi + 2 * fit.StdError);
                reasons.Add(Invariant($"KSG ({mi:0.000}) lies below the Gaussian-copula MI ({fit.Mi:0.000} ± {fit.StdError:0.000}): the estimators disagree beyond their CIs; the CI is extended up to the Gaussian-copula MI"));
            }
        }
        double ceiling = Math.Log(n);
        if (mi > ceiling - 1)
        {
            reasons.Add(Invariant($"the estimate {mi:0.000} is within 1 nat of log n = {ceiling:0.000}, the most {n} rows can show: the MI may be much larger"));
            high = double.PositiveInfinity;
        }
        return (low, high, reasons);
    }

    /// <summary>KSG − Gaussian-copula MI when it exceeds 2 combined SEs + the tolerance, else null. Single columns are
    /// exempt: in 1 + 1 dimensions KSG's bias on non-Gaussian copulas is small (measured coverage in docs/estimate.md).</summary>
    private static double? Disagreement(double mi, double se, GaussianCopulaFit fit)
    {
        if (fit.Correlation.GetLength(0) <= 2) return null;
        double gap = mi - fit.Mi;
        double combined = Math.Sqrt((double.IsFinite(se) ? se * se : 0) + fit.StdError * fit.StdError);
        return Math.Abs(gap) > 2 * combined + DisagreementTolerance ? gap : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
