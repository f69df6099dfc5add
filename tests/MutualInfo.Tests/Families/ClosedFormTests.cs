using MutualInfo.Families;

namespace MutualInfo.Tests.Families;

public class ClosedFormTests
{
    [Fact]
    public void GaussianRho08Dim1() => Assert.Equal(0.5108, new GaussianFamily(1, 0.8).MutualInformation, 4);

    [Fact]
    public void GaussianScalesWithDimension() =>
        Assert.Equal(20 * -0.5 * Math.Log(1 - 0.3 * 0.3), new GaussianFamily(20, 0.3).MutualInformation, 12);

    [Theory]
    [InlineData(1, 0.5108)]
    [InlineData(20, 10.0)]
    [InlineData(3, 1e-12)]
    [InlineData(2, 0.0)]
    public void GaussianFromTargetMiHitsTheTarget(int dim, double mi)
    {
        var family = GaussianFamily.FromMutualInformation(dim, mi);
        Assert.True(Math.Abs(family.MutualInformation - mi) <= 1e-13 * mi, $"{family.MutualInformation:R}");
        Assert.InRange(family.Rho, 0, 1);
    }

    [Fact]
    public void GaussianTargetMiOfRho08RecoversRho() =>
        Assert.Equal(0.8, GaussianFamily.FromMutualInformation(1, -0.5 * Math.Log(0.36)).Rho, 14);

    [Fact]
    public void DenseThreeByThreeHalf() => Assert.Equal(0.4133, MultinormalFamily.Dense(3, 3, 0.5).MutualInformation, 4);

    [Fact]
    public void SparseEqualsIndependentPairs() =>
        Assert.Equal(-2 * 0.5 * Math.Log(1 - 0.64), MultinormalFamily.Sparse(5, 5, 2, 0.8).MutualInformation, 12);

    [Fact]
    public void GeneralMultinormalMatchesDeterminantFormula()
    {
        // 2×2 blocks: |Σ_X| = 2·1 − 0.09 = 1.91, |Σ_Y| = 1.5·1.2 − 0.04 = 1.76, |Σ| = 5157/2500 by exact cofactor expansion.
        var family = new MultinormalFamily(TestFamilies.GeneralCovariance, 2);
        const double detJoint = 5157.0 / 2500;
        Assert.Equal(0.5 * Math.Log(1.91 * 1.76 / detJoint), family.MutualInformation, 12);
    }

    [Fact]
    public void StudentT2x2Dof2() => Assert.Equal(0.1931, new StudentTFamily(2, 2, 2).MutualInformation, 4);

    [Fact]
    public void UniformEps01() => Assert.Equal(1.7094, new UniformAdditiveFamily(0.1).MutualInformation, 4);

    [Theory]
    [InlineData(0.75)]
    [InlineData(2.0)]
    public void UniformWideNoiseBranch(double eps) => Assert.Equal(1 / (4 * eps), new UniformAdditiveFamily(eps).MutualInformation, 14);

    [Fact]
    public void UniformBranchesMeetAtOneHalf() =>
        Assert.Equal(0.5, new UniformAdditiveFamily(0.5).MutualInformation, 14);

    [Fact]
    public void DiscreteTwoByTwoByHand()
    {
        // P = [[0.4, 0.1], [0.1, 0.4]]: both marginals uniform, I = 2·0.4·ln(1.6) + 2·0.1·ln(0.4).
        var family = new DiscreteFamily(new[,] { { 0.4, 0.1 }, { 0.1, 0.4 } });
        Assert.Equal(0.8 * Math.Log(1.6) + 0.2 * Math.Log(0.4), family.MutualInformation, 14);
    }

    [Fact]
    public void DiscreteIndependentTableHasZeroMi() =>
        Assert.Equal(0, new DiscreteFamily(new[,] { { 0.12, 0.28 }, { 0.18, 0.42 } }).MutualInformation, 14);

    [Fact]
    public void TransformsKeepTheMi()
    {
        var inner = new StudentTFamily(2, 2, 2);
        Assert.Equal(inner.MutualInformation, new TransformedFamily(inner, CoordinateMap.Asinh, CoordinateMap.Cubic).MutualInformation);
    }
}
