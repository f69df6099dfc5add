using System.Runtime.CompilerServices;

namespace MutualInfo.Estimators.Neighbours;

/// <summary>The k nearest so far, kept sorted by distance (k is small: a shifting insert beats a heap).</summary>
internal static class NearestList
{
    /// <summary>
    /// Inserts a candidate closer than the current k-th, dropping the k-th; returns the new k-th distance.
    /// Equal distances keep their arrival order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Insert(double dist, int index, Span<double> distances, Span<int> neighbours)
    {
        int slot = distances.Length - 1;
        while (slot > 0 && distances[slot - 1] > dist)
        {
            distances[slot] = distances[slot - 1];
            neighbours[slot] = neighbours[slot - 1];
            slot--;
        }
        distances[slot] = dist;
        neighbours[slot] = index;
        return distances[^1];
    }
}
