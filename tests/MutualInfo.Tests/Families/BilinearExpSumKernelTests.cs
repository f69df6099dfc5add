using CsCheck;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Families;

public class BilinearExpSumKernelTests
{
    [Fact]
    public void Summary_matches_the_matrix_diagonal_and_a_naive_sum_of_exponentials()
    {
        // n up to 150 with k up to 30 spans several column panels, leftover columns and leftover rows.
        Gen.Select(Gen.Int[1, 150], Gen.Int[1, 30], Gen.ULong).Sample((n, k, seed) =>
        {
            var rng = new Rng(seed);
            double[] u = Fill(rng, n * k), v = Fill(rng, n * k), rows = Fill(rng, n), cols = Fill(rng, n);
            var matrix = new double[n * n];
            BilinearKernel.Compute(u, v, k, rows, cols, matrix);
            // Shifts at or above each column's maximum, as the kernel requires, some far above it.
            var shifts = new double[n];
            for (int j = 0; j < n; j++)
            {
                double max = double.NegativeInfinity;
                for (int i = 0; i < n; i++) max = Math.Max(max, matrix[i * n + j]);
                shifts[j] = max + 40 * rng.NextDouble();
            }
            var positives = new double[n];
            var sums = new double[n];
            BilinearExpSumKernel.Summarise(u, v, k, rows, cols, shifts, positives, sums);
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(matrix[j * n + j], positives[j]);
                double expected = 0;
                for (int i = 0; i < n; i++)
                    if (i != j) expected += Math.Exp(matrix[i * n + j] - shifts[j]);
                Assert.True(Math.Abs(sums[j] - expected) <= 1e-13 * expected, $"column {j} of {n}, k={k}: {sums[j]:R} vs {expected:R}");
            }
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void Terms_below_the_normal_range_count_as_zero()
    {
        // One row's scores sit 720 below the shift: e^−720 would be subnormal, and the kernel drops it.
        double[] u = [0, 0], v = [0, 0], rows = [-720, 0], cols = [0, 0], shifts = [0, 0];
        var positives = new double[2];
        var sums = new double[2];
        BilinearExpSumKernel.Summarise(u, v, 1, rows, cols, shifts, positives, sums);
        Assert.Equal([-720.0, 0.0], positives);
        Assert.Equal([1.0, 0.0], sums);
    }

    private static double[] Fill(Rng rng, int n)
    {
        var a = new double[n];
        rng.FillGaussian(a);
        return a;
    }
}
