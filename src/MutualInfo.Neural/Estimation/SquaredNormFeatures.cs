using MutualInfo.Data;

namespace MutualInfo.Neural.Estimation;

/// <summary>
/// Appends to each side its squared norm |x|² as one more input column, then z-scores every column. A function of X
/// (of Y) carries nothing that X (Y) does not, so the MI is unchanged; the critic gains a radial coordinate that
/// several layers would otherwise have to build from products of the inputs — the coordinate that dependence through
/// a shared scale, or a rotation by the norm (BMI's spirals), acts on.
/// </summary>
internal static class SquaredNormFeatures
{
    /// <summary>The samples with |x|² and |y|² appended (each side's last column), all columns z-scored.</summary>
    public static PairedSamples Append(PairedSamples samples) =>
        Standardization.Apply(new PairedSamples(
            WithSquaredNorm(samples.X, samples.Count, samples.DimX), WithSquaredNorm(samples.Y, samples.Count, samples.DimY),
            samples.DimX + 1, samples.DimY + 1));

    private static double[] WithSquaredNorm(double[] values, int rows, int dim)
    {
        var result = new double[rows * (dim + 1)];
        for (int r = 0; r < rows; r++)
        {
            double squared = 0;
            for (int c = 0; c < dim; c++)
            {
                double v = values[r * dim + c];
                result[r * (dim + 1) + c] = v;
                squared += v * v;
            }
            result[r * (dim + 1) + dim] = squared;
        }
        return result;
    }
}
