namespace MutualInfo.Data;

/// <summary>
/// <see cref="NormalScores"/> for conditional samples: every continuous column becomes Φ⁻¹((rank − ½)/n); discrete
/// columns keep their codes. CMI is invariant under strictly monotone maps of each coordinate.
/// </summary>
internal static class ConditionalNormalScores
{
    /// <summary>A copy with the continuous columns replaced by their normal scores.</summary>
    public static ConditionalSamples Apply(ConditionalSamples s) => new(Transform(s.X), Transform(s.Y), Transform(s.Z));

    private static ConditionalSamples.Block Transform(ConditionalSamples.Block block)
    {
        if (block.Dim == 0 || block.AllDiscrete) return block;
        var columnMajor = block.Values;
        // NormalScores works on paired samples; transform the block as the X side of a pair with a dummy Y.
        var scored = NormalScores.Apply(new PairedSamples(columnMajor, new double[block.Count], block.Dim, 1)).X;
        var values = new double[columnMajor.Length];
        for (int i = 0; i < values.Length; i++) values[i] = block.Discrete[i % block.Dim] ? columnMajor[i] : scored[i];
        return new ConditionalSamples.Block(values, block.Dim, block.Names, block.Discrete);
    }
}
