using MutualInfo.Numerics;

namespace MutualInfo.Data;

/// <summary>
/// The copula (rank-based inverse normal) transform: each column is replaced by its normal scores
/// Φ⁻¹((rank − ½)/n), tied values sharing their average rank. MI is invariant under strictly monotone maps of each
/// coordinate, so this changes nothing in I(X;Y) while giving every column the same Gaussian marginal: heavy tails
/// and nonlinear marginal maps no longer distort k-NN neighbourhoods.
/// </summary>
public static class NormalScores
{
    /// <summary>A copy of <paramref name="samples"/> with every column replaced by its normal scores.</summary>
    public static PairedSamples Apply(PairedSamples samples) =>
        new(Transform(samples.X, samples.DimX), Transform(samples.Y, samples.DimY),
            samples.DimX, samples.DimY, samples.XNames, samples.YNames);

    private static double[] Transform(double[] values, int dim)
    {
        int n = values.Length / dim;
        var result = new double[values.Length];
        var column = new double[n];
        var order = new int[n];
        for (int c = 0; c < dim; c++)
        {
            for (int i = 0; i < n; i++)
            {
                column[i] = values[i * dim + c];
                order[i] = i;
            }
            Array.Sort(column, order);
            for (int start = 0; start < n;)
            {
                int end = start + 1;
                while (end < n && column[end] == column[start]) end++;
                // 1-based ranks start + 1 … end share their average; (rank − ½)/n keeps the scores symmetric.
                double score = SpecialFunctions.NormalQuantile((0.5 * (start + end + 1) - 0.5) / n);
                for (int j = start; j < end; j++) result[order[j] * dim + c] = score;
                start = end;
            }
        }
        return result;
    }
}
