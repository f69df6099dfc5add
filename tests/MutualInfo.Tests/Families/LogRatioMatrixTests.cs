using CsCheck;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Families;

public class LogRatioMatrixTests
{
    [Theory]
    [MemberData(nameof(TestFamilies.All), MemberType = typeof(TestFamilies))]
    public void MatrixMatchesNaiveDensitiesOverRandomSizesAndPoints(string key)
    {
        var family = TestFamilies.Get(key);
        Gen.Select(Gen.Int[1, 13], Gen.Int[1, 37], Gen.ULong).Sample((nx, ny, seed) =>
        {
            var (x, y) = Points(family, nx, ny, new Rng(seed));
            var matrix = new double[nx * ny];
            family.LogRatioMatrix(x, y, matrix);
            for (int i = 0; i < nx; i++)
                for (int j = 0; j < ny; j++)
                {
                    double expected = NaiveLogRatio.Of(family, Row(x, i, family.DimX), Row(y, j, family.DimY));
                    AssertSame(expected, matrix[i * ny + j], $"{key} [{i},{j}] of {nx}x{ny}");
                }
        }, iter: 40, threads: 1);
    }

    [Theory]
    [MemberData(nameof(TestFamilies.All), MemberType = typeof(TestFamilies))]
    public void SinglePairLogRatioMatchesTheMatrix(string key)
    {
        var family = (KnownMiFamily)TestFamilies.Get(key);
        var (x, y) = Points(family, 6, 5, new Rng(17));
        var matrix = new double[30];
        family.LogRatioMatrix(x, y, matrix);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 5; j++)
                AssertSame(matrix[i * 5 + j], family.LogRatio(Row(x, i, family.DimX), Row(y, j, family.DimY)), key);
    }

    [Fact]
    public void UniformScoresOutsideTheSupportAreMinusInfinity()
    {
        var family = new UniformAdditiveFamily(0.1);
        var scores = new double[3];
        family.LogRatioMatrix([0.5], [0.75, 0.55, 0.35], scores);
        Assert.Equal(double.NegativeInfinity, scores[0]);
        Assert.Equal(-Math.Log(0.2), scores[1], 14);
        Assert.Equal(double.NegativeInfinity, scores[2]);
    }

    [Fact]
    public void DiscreteZeroCellScoresMinusInfinity()
    {
        var family = new DiscreteFamily(TestFamilies.Table);
        Assert.Equal(double.NegativeInfinity, family.LogRatio([1.0], [2.0]));
    }

    [Fact]
    public void WrongShapesAreRejected()
    {
        var family = new GaussianFamily(2, 0.5);
        Assert.Throws<ArgumentException>(() => family.LogRatioMatrix(new double[3], new double[2], new double[1]));
        Assert.Throws<ArgumentException>(() => family.LogRatioMatrix(new double[4], new double[2], new double[3]));
    }

    /// <summary>Half the rows from the joint (so supports overlap), the rest from the marginal or arbitrary values.</summary>
    internal static (double[] X, double[] Y) Points(IKnownMiFamily family, int nx, int ny, Rng rng)
    {
        int n = Math.Max(nx, ny);
        var x = new double[n * family.DimX];
        var y = new double[n * family.DimY];
        family.SampleJoint(rng, x, y);
        var xs = x.AsSpan(0, nx * family.DimX).ToArray();
        var ys = y.AsSpan(0, ny * family.DimY).ToArray();
        family.SampleMarginalX(rng, xs.AsSpan(nx / 2 * family.DimX));
        return (xs, ys);
    }

    internal static double[] Row(double[] buffer, int index, int dim) => buffer.AsSpan(index * dim, dim).ToArray();

    internal static void AssertSame(double expected, double actual, string where)
    {
        if (double.IsNegativeInfinity(expected))
        {
            Assert.True(double.IsNegativeInfinity(actual), $"{where}: expected -inf, got {actual:R}");
            return;
        }
        double tolerance = 1e-9 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{where}: expected {expected:R}, got {actual:R}");
    }
}
