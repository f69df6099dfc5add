using MutualInfo.Data;

namespace MutualInfo.Estimators;

/// <summary>
/// I(|x̃|²; |ỹ|²), the MI between the squared whitened norms of the two sides, estimated by KSG on 1 + 1 columns:
/// a lower bound on I(X; Y) (any function of X and of Y carries no more information than X and Y do) that KSG in
/// one dimension per side estimates almost without bias. It is the whole MI when the sides depend only through a
/// shared scale (a multivariate Student-t with uncorrelated dispersion: the directions are then uniform and
/// independent of everything), where KSG in d_x + d_y dimensions errs low by up to half (BMI's 5 + 5 Student-t).
/// A value above the KSG estimate is therefore evidence that KSG misses dependence.
/// </summary>
/// <param name="Mi">The estimate, nats.</param>
/// <param name="StdError">Its half-splitting SE (NaN without splits).</param>
internal sealed record SquaredNormBound(double Mi, double StdError)
{
    /// <summary>
    /// Estimates the bound with <paramref name="ksg"/> from <paramref name="norms"/>, the squared whitened norms of the
    /// normal scores of X and Y (<see cref="WhitenedNorms.OfBothSides"/>); each side's norms are normal-scored again,
    /// so that their heavy right tail does not stretch the neighbourhoods.
    /// </summary>
    public static SquaredNormBound Estimate(PairedSamples norms, KsgEstimator ksg, ulong seed)
    {
        var parts = ksg.EstimateWithHalves(norms, seed, s => NormalScores.Apply(s, ksg.Options.Threads));
        return new SquaredNormBound(parts.Mi, parts.StdError);
    }
}
