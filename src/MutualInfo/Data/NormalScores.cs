using MutualInfo.Estimators.Neighbours;
using MutualInfo.Numerics;

namespace MutualInfo.Data;

/// <summary>
/// The copula (rank-based inverse normal) transform: each column is replaced by its normal scores
/// Φ⁻¹((rank − ½)/n), tied values sharing their average rank. MI is invariant under strictly monotone maps of each
/// coordinate, so this changes nothing in I(X;Y) while giving every column the same Gaussian marginal: heavy tails
/// and nonlinear marginal maps no longer distort k-NN neighbourhoods.
/// </summary>
/// <remarks>
/// With several threads the columns are transformed concurrently and each column's quantiles are evaluated in
/// parallel blocks; every score is the same pure function of its rank, so the result is identical for any thread count.
/// </remarks>
internal static class NormalScores
{
    /// <summary>Blocks of quantile evaluations handed to one worker.</summary>
    private const int QuantileBlock = 1 << 14;

    /// <summary>A copy of <paramref name="samples"/> with every column replaced by its normal scores (one thread).</summary>
    public static PairedSamples Apply(PairedSamples samples) => Apply(samples, threads: 1);

    /// <summary>As <see cref="Apply(PairedSamples)"/>, on up to <paramref name="threads"/> threads; the result does not depend on it.</summary>
    public static PairedSamples Apply(PairedSamples samples, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var x = new double[samples.X.Length];
        var y = new double[samples.Y.Length];
        var columns = Enumerable.Range(0, samples.DimX).Select(c => (samples.X, samples.DimX, c, x))
            .Concat(Enumerable.Range(0, samples.DimY).Select(c => (samples.Y, samples.DimY, c, y))).ToArray();
        // Columns run concurrently; a column's quantiles use the threads the columns leave idle.
        int inner = Math.Max(1, threads / Math.Max(1, Math.Min(threads, columns.Length)));
        Parallel.For(0, columns.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var (values, dim, c, result) = columns[i];
            TransformColumn(values, dim, c, result, inner);
        });
        return new PairedSamples(x, y, samples.DimX, samples.DimY, samples.XNames, samples.YNames);
    }

    private static void TransformColumn(double[] values, int dim, int c, double[] result, int threads)
    {
        int n = values.Length / dim;
        var raw = new double[n];
        for (int i = 0; i < n; i++) raw[i] = values[i * dim + c];
        // The radix sort is compiled optimised from its first call; ties end up adjacent whatever their order,
        // and they share one average rank, so the scores equal those of any other sort.
        var (column, order) = RadixOrder.Sort(raw);
        // 1-based ranks start + 1 … end of a run of ties share their average; (rank − ½)/n keeps the scores symmetric.
        var probability = column; // reused: the sorted values are not needed once the ranks are known
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && column[end] == column[start]) end++;
            double p = (0.5 * (start + end + 1) - 0.5) / n;
            for (int j = start; j < end; j++) probability[j] = p;
            start = end;
        }
        int blocks = (n + QuantileBlock - 1) / QuantileBlock;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, b =>
        {
            int end = Math.Min(n, (b + 1) * QuantileBlock);
            for (int j = b * QuantileBlock; j < end; j++) result[order[j] * dim + c] = SpecialFunctions.NormalQuantile(probability[j]);
        });
    }
}
