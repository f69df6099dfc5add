namespace MutualInfo.Data;

/// <summary>Checks on samples that every estimator needs; each failure is a one-line <see cref="UsageException"/>.</summary>
public static class SampleValidation
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
            throw new UsageException($"{samples.Count} data row(s), but {estimatorDescription} needs at least {minimum}");
    }

    /// <summary>Throws when a value is NaN or infinite, naming its (1-based) row and column.</summary>
    public static void RequireFinite(PairedSamples samples)
    {
        RequireFinite(samples.X, samples.DimX, samples.XNames);
        RequireFinite(samples.Y, samples.DimY, samples.YNames);
    }

    private static void RequireNonConstant(double[] values, int dim, IReadOnlyList<string> names)
    {
        int n = values.Length / dim;
        for (int c = 0; c < dim; c++)
        {
            double first = values[c];
            bool constant = true;
            for (int i = 1; i < n && constant; i++) constant = values[i * dim + c] == first;
            if (constant) throw new UsageException($"column '{names[c]}' is constant (every value is {first:R}); remove it: it carries no information");
        }
    }

    private static void RequireFinite(double[] values, int dim, IReadOnlyList<string> names)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new UsageException($"row {i / dim + 1}, column '{names[i % dim]}': value {values[i]} is not finite");
    }
}
