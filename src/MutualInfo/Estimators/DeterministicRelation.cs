using MutualInfo.Data;

namespace MutualInfo.Estimators;

/// <summary>
/// Finds a Y column that is a strictly monotone function of an X column (Y = X, 2X, X³, −X …): their ranks agree,
/// or are reversed, on every row and neither has ties. For continuous variables such a relation makes I(X;Y)
/// infinite; any finite estimate would only measure n. Columns with ties are skipped (discrete codes have finite
/// MI even when they determine each other).
/// </summary>
internal static class DeterministicRelation
{
    /// <summary>A sentence naming the first such pair of columns, or null.</summary>
    public static string? Find(PairedSamples samples)
    {
        var xRanks = Ranks(samples.X, samples.DimX, samples.Count);
        var yRanks = Ranks(samples.Y, samples.DimY, samples.Count);
        for (int a = 0; a < samples.DimX; a++)
        {
            if (xRanks[a] is not { } rx) continue;
            for (int b = 0; b < samples.DimY; b++)
            {
                if (yRanks[b] is not { } ry) continue;
                if (rx.AsSpan().SequenceEqual(ry))
                    return $"column '{samples.YNames[b]}' is a strictly increasing function of column '{samples.XNames[a]}' (their ranks agree on all {samples.Count} rows): for continuous data the MI is infinite";
                if (Reversed(rx, ry))
                    return $"column '{samples.YNames[b]}' is a strictly decreasing function of column '{samples.XNames[a]}' (their ranks are reversed on all {samples.Count} rows): for continuous data the MI is infinite";
            }
        }
        return null;
    }

    private static bool Reversed(int[] rx, int[] ry)
    {
        int last = rx.Length - 1;
        for (int i = 0; i < rx.Length; i++)
            if (rx[i] != last - ry[i]) return false;
        return true;
    }

    /// <summary>0-based ranks of each column, or null for a column with tied values.</summary>
    private static int[]?[] Ranks(double[] values, int dim, int n)
    {
        var result = new int[]?[dim];
        var column = new double[n];
        var order = new int[n];
        for (int c = 0; c < dim; c++)
        {
            for (int i = 0; i < n; i++)
            {
                column[i] = values[i * dim + c];
                order[i] = i;
            }
            Array.Sort(column, order);
            bool tied = false;
            for (int i = 1; i < n && !tied; i++) tied = column[i] == column[i - 1];
            if (tied) continue;
            var ranks = new int[n];
            for (int i = 0; i < n; i++) ranks[order[i]] = i;
            result[c] = ranks;
        }
        return result;
    }
}
