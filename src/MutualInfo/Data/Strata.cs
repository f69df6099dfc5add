namespace MutualInfo.Data;

/// <summary>Joint categories of discrete columns: each distinct row of codes becomes one stratum index 0, 1, ….</summary>
internal static class Strata
{
    /// <summary>The stratum of every row of <paramref name="block"/> (all of whose columns are compared for equality).</summary>
    public static int[] Of(ConditionalSamples.Block block)
    {
        var result = new int[block.Count];
        if (block.Dim == 1)
        {
            var codes = new Dictionary<double, int>();
            for (int i = 0; i < block.Count; i++)
            {
                if (!codes.TryGetValue(block.Values[i], out int c)) codes[block.Values[i]] = c = codes.Count;
                result[i] = c;
            }
            return result;
        }
        var index = new Dictionary<string, int>();
        for (int i = 0; i < block.Count; i++)
        {
            string key = string.Join('\u001f', Enumerable.Range(0, block.Dim).Select(c => block[i, c].ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            if (!index.TryGetValue(key, out int s)) index[key] = s = index.Count;
            result[i] = s;
        }
        return result;
    }
}
