using MutualInfo.Data;

namespace MutualInfo.Estimators.Conditional;

/// <summary>Checks on conditional samples; each failure is a one-line <see cref="ArgumentException"/>.</summary>
internal static class CmiValidation
{
    /// <summary>Throws when there are fewer than <paramref name="minimum"/> rows.</summary>
    public static void RequireRows(ConditionalSamples samples, int minimum, string estimatorDescription)
    {
        if (samples.Count < minimum)
            throw new ArgumentException($"{samples.Count} data row(s), but {estimatorDescription} needs at least {minimum}", "samples");
    }

    /// <summary>Throws when a value is NaN or infinite, naming its (1-based) row and column.</summary>
    public static void RequireFinite(ConditionalSamples samples)
    {
        foreach (var block in new[] { samples.X, samples.Y, samples.Z })
            for (int i = 0; i < block.Values.Length; i++)
                if (!double.IsFinite(block.Values[i]))
                    throw new ArgumentException($"row {i / block.Dim + 1}, column '{block.Names[i % block.Dim]}': value {block.Values[i]} is not finite", "samples");
    }

    /// <summary>
    /// Throws on a column with a single value: a constant continuous column carries no information and cannot be
    /// scaled; a discrete column with one level is no variable at all.
    /// </summary>
    public static void RequireVariation(ConditionalSamples samples)
    {
        foreach (var block in new[] { samples.X, samples.Y, samples.Z })
            for (int c = 0; c < block.Dim; c++)
            {
                double first = block[0, c];
                bool constant = true;
                for (int i = 1; i < block.Count && constant; i++) constant = block[i, c] == first;
                if (!constant) continue;
                throw new ArgumentException(block.Discrete[c]
                    ? $"discrete column '{block.Names[c]}' has a single level; a discrete column needs at least two"
                    : $"column '{block.Names[c]}' is constant; remove it: it carries no information", "samples");
            }
    }
}
