namespace MutualInfo.Data;

/// <summary>
/// Per-column z-scoring, (v − mean) / sd with the population sd (ddof = 0, as scikit-learn's <c>scale</c>).
/// MI is invariant under it, but k-NN estimators are not: without it a column in large units dominates the
/// max-norm neighbourhoods. Each column is first divided by its largest magnitude (exact: a power of two would do,
/// but any positive divisor cancels in the z-score), so sums of values and squares cannot overflow even for cells near
/// ±1.8e308; the mean and sd are then computed on values in [−1, 1].
/// </summary>
internal static class Standardization
{
    /// <summary>A standardised copy of <paramref name="samples"/>; throws on a constant column (see <see cref="SampleValidation"/>).</summary>
    public static PairedSamples Apply(PairedSamples samples)
    {
        SampleValidation.RequireNonConstantColumns(samples);
        return new PairedSamples(
            Standardize(samples.X, samples.DimX, samples.XNames), Standardize(samples.Y, samples.DimY, samples.YNames),
            samples.DimX, samples.DimY, samples.XNames, samples.YNames);
    }

    private static double[] Standardize(double[] values, int dim, IReadOnlyList<string> names)
    {
        int n = values.Length / dim;
        var result = new double[values.Length];
        for (int c = 0; c < dim; c++)
        {
            double largest = 0;
            for (int i = 0; i < n; i++) largest = Math.Max(largest, Math.Abs(values[i * dim + c]));
            for (int i = 0; i < n; i++) result[i * dim + c] = values[i * dim + c] / largest;
            double mean = 0;
            for (int i = 0; i < n; i++) mean += result[i * dim + c];
            mean /= n;
            double sumSq = 0;
            for (int i = 0; i < n; i++)
            {
                double d = result[i * dim + c] - mean;
                sumSq += d * d;
            }
            double sd = Math.Sqrt(sumSq / n);
            // A column whose values differ only below double resolution once rescaled is constant for any estimator.
            if (!(sd > 0) || !double.IsFinite(sd))
                throw new ArgumentException($"column '{names[c]}' has no spread that double precision can represent once scaled to its largest value; it carries no usable information", "samples");
            for (int i = 0; i < n; i++) result[i * dim + c] = (result[i * dim + c] - mean) / sd;
        }
        return result;
    }
}
