namespace MutualInfo.Data;

/// <summary>
/// Per-column z-scoring, (v − mean) / sd with the population sd (ddof = 0, as scikit-learn's <c>scale</c>).
/// MI is invariant under it, but k-NN estimators are not: without it a column in large units dominates the
/// max-norm neighbourhoods.
/// </summary>
public static class Standardization
{
    /// <summary>A standardised copy of <paramref name="samples"/>; throws on a constant column (see <see cref="SampleValidation"/>).</summary>
    public static PairedSamples Apply(PairedSamples samples)
    {
        SampleValidation.RequireNonConstantColumns(samples);
        return new PairedSamples(
            Standardize(samples.X, samples.DimX), Standardize(samples.Y, samples.DimY),
            samples.DimX, samples.DimY, samples.XNames, samples.YNames);
    }

    private static double[] Standardize(double[] values, int dim)
    {
        int n = values.Length / dim;
        var result = new double[values.Length];
        for (int c = 0; c < dim; c++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += values[i * dim + c];
            mean /= n;
            double sumSq = 0;
            for (int i = 0; i < n; i++)
            {
                double d = values[i * dim + c] - mean;
                sumSq += d * d;
            }
            double scale = 1 / Math.Sqrt(sumSq / n);
            for (int i = 0; i < n; i++) result[i * dim + c] = (values[i * dim + c] - mean) * scale;
        }
        return result;
    }
}
