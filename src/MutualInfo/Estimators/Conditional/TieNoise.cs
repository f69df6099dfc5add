using MutualInfo.Data;
using MutualInfo.Randomness;

namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// scikit-learn's tie-breaking noise for k-NN estimators, on continuous columns only: v + a · max(1, mean|column|) · N(0,1).
/// Discrete columns keep their codes (their ties are information, not an artefact).
/// </summary>
internal static class TieNoise
{
    /// <summary>A jittered copy (the input itself when <paramref name="amplitude"/> is 0).</summary>
    public static ConditionalSamples Apply(ConditionalSamples s, double amplitude, ulong seed)
    {
        if (amplitude == 0) return s;
        var rng = Rng.ForStream(seed, 7);
        return new ConditionalSamples(Jitter(s.X, amplitude, rng), Jitter(s.Y, amplitude, rng), Jitter(s.Z, amplitude, rng));
    }

    private static ConditionalSamples.Block Jitter(ConditionalSamples.Block block, double amplitude, Rng rng)
    {
        if (block.Dim == 0 || block.AllDiscrete) return block;
        int n = block.Count, dim = block.Dim;
        var scale = new double[dim];
        for (int i = 0; i < block.Values.Length; i++) scale[i % dim] += Math.Abs(block.Values[i]);
        for (int d = 0; d < dim; d++) scale[d] = block.Discrete[d] ? 0 : amplitude * Math.Max(1, scale[d] / n);
        var values = new double[block.Values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int d = i % dim;
            values[i] = scale[d] == 0 ? block.Values[i] : block.Values[i] + scale[d] * rng.NextGaussian();
        }
        return new ConditionalSamples.Block(values, dim, block.Names, block.Discrete);
    }
}
