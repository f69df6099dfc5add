namespace MutualInfo.Estimators;

/// <summary>A KSG estimate on n rows with what its random half-splits measured.</summary>
/// <param name="Mi">The estimate on all n rows.</param>
/// <param name="StdError">Half-splitting SE: √(mean over splits of (θ_A − θ_B)²/4); NaN without splits.</param>
/// <param name="HalfMean">Mean estimate over the halves of m = ⌊n/2⌋ rows; NaN without splits.</param>
internal sealed record KsgHalfSplits(double Mi, double StdError, double HalfMean)
{
    /// <summary>θ_n − mean θ_(n/2): how far the estimate moves as the sample doubles (bias shrinking with n).</summary>
    public double Drift => Mi - HalfMean;
}
