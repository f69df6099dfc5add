using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Families;

public class NegativeSamplerTests
{
    private const int Draws = 20_000;

    [Theory]
    [InlineData(1, 0.8)]
    [InlineData(5, 0.7)]
    [InlineData(20, 0.5)]
    public void ReducedGaussianSamplerMatchesTheGenericPathInDistribution(int dim, double rho)
    {
        var family = new GaussianFamily(dim, rho);
        var rng = new Rng(4242);
        var x = new double[dim];
        var y = new double[dim];
        family.SampleJoint(rng, x, y);

        var reduced = new double[Draws];
        family.SampleNegativeLogRatios(new Rng(1), y, reduced);
        var xBar = new double[Draws * dim];
        family.SampleMarginalX(new Rng(2), xBar);
        var generic = new double[Draws];
        family.LogRatioMatrix(xBar, y, generic);

        // Two-sample Kolmogorov–Smirnov at α = 0.001: c(α) √((n + m)/(n m)) with c = √(−ln(α/2)/2).
        double critical = Math.Sqrt(-Math.Log(0.0005) / 2) * Math.Sqrt(2.0 / Draws);
        double d = KolmogorovSmirnov(reduced, generic);
        Assert.True(d < critical, $"KS statistic {d} ≥ critical {critical}");

        // Means and variances agree within 4 standard errors of their difference.
        (double m1, double v1) = MeanVariance(reduced);
        (double m2, double v2) = MeanVariance(generic);
        Assert.True(Math.Abs(m1 - m2) < 4 * Math.Sqrt((v1 + v2) / Draws), $"means {m1} vs {m2}");
        double varianceSe = Math.Sqrt(2.0 / (Draws - 1)) * Math.Max(v1, v2) * 2;
        Assert.True(Math.Abs(v1 - v2) < 4 * varianceSe, $"variances {v1} vs {v2}");
    }

    [Theory]
    [InlineData(1, 2, 2.0)]
    [InlineData(3, 2, 0.7)]
    [InlineData(10, 4, 5.0)]
    public void ReducedStudentTSamplerMatchesTheGenericPathInDistribution(int dx, int dy, double dof)
    {
        var family = new StudentTFamily(dx, dy, dof);
        var rng = new Rng(777);
        var x = new double[dx];
        var y = new double[dy];
        family.SampleJoint(rng, x, y);
        var reduced = new double[Draws];
        family.SampleNegativeLogRatios(new Rng(3), y, reduced);
        var xBar = new double[Draws * dx];
        family.SampleMarginalX(new Rng(4), xBar);
        var generic = new double[Draws];
        family.LogRatioMatrix(xBar, y, generic);
        double critical = Math.Sqrt(-Math.Log(0.0005) / 2) * Math.Sqrt(2.0 / Draws);
        double d = KolmogorovSmirnov(reduced, generic);
        Assert.True(d < critical, $"KS statistic {d} ≥ critical {critical}");
    }

    [Fact]
    public void GenericSamplerDrawsChunksFromTheMarginal()
    {
        // The base class must equal: draw x̄ in chunks of 1024 rows with the same stream, score each against y.
        var family = new MultinormalFamily(TestFamilies.GeneralCovariance, 2);
        double[] y = [0.3, -1.2];
        var scores = new double[2500];
        family.SampleNegativeLogRatios(new Rng(9), y, scores);
        var rng = new Rng(9);
        for (int start = 0; start < scores.Length; start += 1024)
        {
            int rows = Math.Min(1024, scores.Length - start);
            var xBar = new double[rows * 2];
            family.SampleMarginalX(rng, xBar);
            for (int r = 0; r < rows; r++)
                Assert.Equal(family.LogRatio(xBar.AsSpan(r * 2, 2), y), scores[start + r], 12);
        }
    }

    [Fact]
    public void TransformedSamplerScoresAtThePreImageOfY()
    {
        var inner = new GaussianFamily(3, 0.6);
        var family = new TransformedFamily(inner, CoordinateMap.Cubic, CoordinateMap.Asinh);
        double[] y = [0.2, -0.7, 1.1];
        var expected = new double[50];
        inner.SampleNegativeLogRatios(new Rng(5), y, expected);
        var actual = new double[50];
        family.SampleNegativeLogRatios(new Rng(5), y.Select(Math.Asinh).ToArray(), actual);
        for (int k = 0; k < 50; k++) Assert.Equal(expected[k], actual[k], 12);
    }

    internal static double KolmogorovSmirnov(double[] a, double[] b)
    {
        var sa = a.Order().ToArray();
        var sb = b.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < sa.Length && j < sb.Length)
        {
            double v = Math.Min(sa[i], sb[j]);
            while (i < sa.Length && sa[i] <= v) i++;
            while (j < sb.Length && sb[j] <= v) j++;
            d = Math.Max(d, Math.Abs((double)i / sa.Length - (double)j / sb.Length));
        }
        return d;
    }

    internal static (double Mean, double Variance) MeanVariance(double[] values)
    {
        double mean = values.Average();
        return (mean, values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
