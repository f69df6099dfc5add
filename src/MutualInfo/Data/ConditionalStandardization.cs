namespace MutualInfo.Data;

/// <summary>
/// Per-column z-scoring of the continuous columns (population sd, as <see cref="Standardization"/>); discrete codes
/// are left alone. CMI is invariant under it; k-NN neighbourhoods under the max-norm are not.
/// </summary>
internal static class ConditionalStandardization
{
    /// <summary>A copy with every continuous, non-constant column standardised.</summary>
    public static ConditionalSamples Apply(ConditionalSamples s) => new(Scale(s.X), Scale(s.Y), Scale(s.Z));

    private static ConditionalSamples.Block Scale(ConditionalSamples.Block block)
    {
        if (block.Dim == 0 || block.AllDiscrete) return block;
        int n = block.Count, dim = block.Dim;
        var values = (double[])block.Values.Clone();
        for (int c = 0; c < dim; c++)
        {
            if (block.Discrete[c]) continue;
            double mean = 0, sumSq = 0;
            for (int i = 0; i < n; i++) mean += values[i * dim + c];
            mean /= n;
            for (int i = 0; i < n; i++) sumSq += (values[i * dim + c] - mean) * (values[i * dim + c] - mean);
            if (!(sumSq > 0)) continue;
            double scale = 1 / Math.Sqrt(sumSq / n);
            for (int i = 0; i < n; i++) values[i * dim + c] = (values[i * dim + c] - mean) * scale;
        }
        return new ConditionalSamples.Block(values, dim, block.Names, block.Discrete);
    }
}
