using MutualInfo.Data;
using MutualInfo.Neural.Estimation;
using MutualInfo.Randomness;

namespace MutualInfo.Neural.Tests;

/// <summary>The appended input column is each side's squared norm, z-scored with the others; the original columns are kept.</summary>
public sealed class SquaredNormFeaturesTests
{
    [Theory]
    [InlineData(1, 3, 7UL)]
    [InlineData(4, 2, 8UL)]
    public void AppendsTheZScoredSquaredNormOfEachSide(int dimX, int dimY, ulong seed)
    {
        const int n = 50;
        var rng = new Rng(seed);
        var x = new double[n * dimX];
        var y = new double[n * dimY];
        rng.FillGaussian(x);
        rng.FillGaussian(y);
        var samples = Standardization.Apply(new PairedSamples(x, y, dimX, dimY));
        var augmented = SquaredNormFeatures.Append(samples);
        Assert.Equal((dimX + 1, dimY + 1, n), (augmented.DimX, augmented.DimY, augmented.Count));
        AssertSide(samples.X, augmented.X, n, dimX);
        AssertSide(samples.Y, augmented.Y, n, dimY);
    }

    private static void AssertSide(double[] original, double[] augmented, int n, int dim)
    {
        var norms = Enumerable.Range(0, n).Select(r => Enumerable.Range(0, dim).Sum(c => original[r * dim + c] * original[r * dim + c])).ToArray();
        // Standardization uses the population sd (ddof = 0).
        double mean = norms.Average(), sd = Math.Sqrt(norms.Sum(v => (v - mean) * (v - mean)) / n);
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < dim; c++) Assert.Equal(original[r * dim + c], augmented[r * (dim + 1) + c], 9);
            Assert.Equal((norms[r] - mean) / sd, augmented[r * (dim + 1) + dim], 9);
        }
    }
}
