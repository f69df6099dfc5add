using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Families;

public class GaussianColumnSummaryTests
{
    [Theory]
    [InlineData(3, 2.0, 70)]
    [InlineData(20, 10.0, 130)]
    [InlineData(1, 0.05, 9)]
    public void Fused_summary_equals_the_summary_of_the_full_matrix(int dim, double mi, int n)
    {
        var family = GaussianFamily.FromMutualInformation(dim, mi);
        double[] x = new double[n * dim], y = new double[n * dim];
        family.SampleJoint(new Rng(31), x, y);
        var matrix = new double[n * n];
        family.LogRatioMatrix(x, y, matrix);
        var positives = new double[n];
        var negatives = new double[n];
        Assert.True(((IColumnSummaryFamily)family).TrySummariseColumns(x, y, positives, negatives));
        for (int j = 0; j < n; j++)
        {
            Assert.Equal(matrix[j * n + j], positives[j]);
            double max = double.NegativeInfinity, sum = 0;
            for (int i = 0; i < n; i++) if (i != j) max = Math.Max(max, matrix[i * n + j]);
            for (int i = 0; i < n; i++) if (i != j) sum += Math.Exp(matrix[i * n + j] - max);
            Assert.Equal(max + Math.Log(sum), negatives[j], 1e-12 * Math.Max(1, Math.Abs(negatives[j])));
        }
    }

    [Fact]
    public void Declines_a_batch_whose_column_sums_would_underflow_against_the_a_priori_shift()
    {
        // d = 1500, ρ = 0.1: the shift c + |y|²/2 ≈ 760 sits ~770 nats above the negatives, beyond e^−708.
        var family = new GaussianFamily(1500, 0.1);
        const int n = 6;
        double[] x = new double[n * 1500], y = new double[n * 1500];
        family.SampleJoint(new Rng(5), x, y);
        Assert.False(((IColumnSummaryFamily)family).TrySummariseColumns(x, y, new double[n], new double[n]));
    }
}
