using MutualInfo.Data;
using MutualInfo.Estimators;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Estimators;

/// <summary>The MI between the squared norms: a lower bound that a shared scale fills, zero without dependence.</summary>
public class SquaredNormBoundTests
{
    private static readonly KsgEstimator Ksg = new(new KsgOptions { Splits = 10 });

    private static SquaredNormBound Bound(PairedSamples s) => SquaredNormBound.Estimate(WhitenedNorms.OfBothSides(NormalScores.Apply(s)), Ksg, 1);

    [Fact]
    public void CarriesTheSharedScaleOfAStudentT()
    {
        // Identity dispersion: X and Y depend only through their common scale, so the norms carry (almost) all the MI
        // (all of it for the t's own norms; the normal scores of each coordinate lose a little).
        var s = FamilyData.Sample("student-t:dx=5,dy=5,dof=3", 3000, Rng.ForStream(3, 11), out double truth);
        var b = Bound(s);
        Assert.InRange(b.Mi, truth - 0.06, truth + 3 * b.StdError);
    }

    [Fact]
    public void IsNearZeroForIndependentSides()
    {
        var s = FamilyData.Sample("gaussian:dim=3,rho=0", 3000, Rng.ForStream(4, 11), out _);
        var b = Bound(s);
        Assert.True(Math.Abs(b.Mi) < 4 * b.StdError + 0.01, $"{b.Mi} ± {b.StdError}");
    }

    [Fact]
    public void StaysBelowTheMiOfAGaussian()
    {
        // Sparse 5 + 5 (I = 1.022): the norms see only a little of the dependence, and never more than there is.
        var s = FamilyData.Sample("multinormal:sparse=2,rho=0.8,dx=5,dy=5", 3000, Rng.ForStream(5, 11), out double truth);
        var b = Bound(s);
        Assert.InRange(b.Mi, -4 * b.StdError, truth / 4);
    }

    [Fact]
    public void DependsOnlyOnTheRanksOfEachColumn()
    {
        var s = FamilyData.Sample("student-t:dx=3,dy=3,dof=2", 1000, Rng.ForStream(6, 11), out _);
        var mapped = new PairedSamples(s.X.Select(v => v * v * v).ToArray(), s.Y.Select(v => Math.Exp(v / 10) * 1e6).ToArray(), 3, 3);
        Assert.Equal(Bound(s), Bound(mapped));
    }
}
