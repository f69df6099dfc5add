namespace MutualInfo.Data;

/// <summary>Checks on samples that every estimator needs; each failure is a one-line <see cref="ArgumentException"/>.</summary>
internal static class SampleValidation
{
    /// <summary>Throws when a column holds a single repeated value (its MI with anything is 0 and it cannot be scaled).</summary>
    public static void RequireNonConstantColumns(PairedSamples samples)
    {
        RequireNonConstant(samples.X, samples.DimX, samples.XNames);
        RequireNonConstant(samples.Y, samples.DimY, samples.YNames);
    }

    /// <summary>Throws when there are fewer than <paramref name="minimum"/> rows.</summary>
    public static void RequireRows(PairedSamples samples, int minimum, string estimatorDescription)
    {
        if (samples.Count < minimum)
            throw new ArgumentException($"{samples.Count} data row(s), but {estimatorDescription} needs at least {minimum}", "samples");
    }

    /// <summary>Throws when a value is NaN or infinite, naming its (1-based) row and column.</summary>
    public static void RequireFinite(PairedSamples samples)
    {
        RequireFinite(samples.X, samples.DimX, samples.XNames);
        RequireFinite(samples.Y, samples.DimY, samples.YNames);
    }

    /// <summary>
    /// Throws when a column's range (max − min) overflows double: distances and sums of squares on it would be
    /// infinite. <see cref="Standardization"/> rescales such columns safely; unstandardised data must not hold them.
    /// </summary>
    public static void RequireFiniteRanges(PairedSamples samples)
    {
        RequireFiniteRange(samples.X, samples.DimX, samples.XNames);
        RequireFiniteRange(samples.Y, samples.DimY, samples.YNames);
    }

    private static void RequireFiniteRange(double[] values, int dim, IReadOnlyList<string> names)
    {
        int n = values.Length / dim;
        for (int c = 0; c < dim; c++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = 0; i < n; i++) (min, max) = (Math.Min(min, values[i * dim + c]), Math.Max(max, values[i * dim + c]));
            // Squares and products of differences must stay finite too (covariances): keep the range below √max.
            if (!(max - min < 1e150))
                throw new ArgumentException($"column '{names[c]}': its values span {min:R} to {max:R}, too wide to compute distances or covariances in double; standardise it or rescale it", "samples");
        }
    }

    private static void RequireNonConstant(double[] values, int dim, IReadOnlyList<string> names)
    {
        int n = values.Length / dim;
        for (int c = 0; c < dim; c++)
        {
            double first = values[c];
            bool constant = true;
            for (int i = 1; i < n && constant; i++) constant = values[i * dim + c] == first;
            if (constant) throw new ArgumentException($"column '{names[c]}' is constant (every value is {first:R}); remove it: it carries no information", "samples");
        }
    }

    private static void RequireFinite(double[] values, int dim, IReadOnlyList<string> names)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"row {i / dim + 1}, column '{names[i % dim]}': value {values[i]} is not finite", "samples");
    }
}
