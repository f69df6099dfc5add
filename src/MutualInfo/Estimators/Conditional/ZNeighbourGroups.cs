using MutualInfo.Data;
using MutualInfo.Estimators.Neighbours;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Estimators.Conditional;

/// <summary>
/// Rows cut into groups of mutual neighbours in Z: consecutive runs of <c>size</c> rows in a Z k-d tree's order
/// (median splits, so each run is a compact cell of Z). Within a group the Y values are (approximately) draws from
/// p(y | z) at nearly the same z: a k-NN conditional sampler, as in Runge's local permutation and Mukherjee et al.'s
/// CCMI. Without Z the order is a random permutation (the groups are then plain random batches).
/// </summary>
internal static class ZNeighbourGroups
{
    /// <summary>
    /// The groups as row indexes, ⌊n / size⌋ of them (the last n mod size rows of the tree order are left out);
    /// <paramref name="rng"/> is used only without Z.
    /// </summary>
    public static int[][] Of(ConditionalSamples.Block z, int n, int size, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        int[] order = z.Dim == 0 ? Resampling.Permutation(rng, n) : BlockedPoints.TreeOrder(new KdTree(z.Values, z.Dim));
        var groups = new int[n / size][];
        for (int g = 0; g < groups.Length; g++) groups[g] = order.AsSpan(g * size, size).ToArray();
        return groups;
    }
}
