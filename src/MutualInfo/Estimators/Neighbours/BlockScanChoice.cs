namespace MutualInfo.Estimators.Neighbours;

/// <summary>When the joint k-nearest search uses blocked scans (<see cref="BlockedPoints"/>) instead of a k-d tree.</summary>
internal static class BlockScanChoice
{
    /// <summary>
    /// Blocked scans when a tree would prune little: joint dimension d ≥ 4 and n ≤ 2^(d + 9) (e.g. 3-d × 3-d up to
    /// n = 32 768; 2-d × 2-d up to 8 192), unless <paramref name="search"/> forces one. Both are exact.
    /// </summary>
    public static bool UseBlocks(NeighbourSearch search, int jointDim, int n) => search switch
    {
        NeighbourSearch.BruteForce => true,
        NeighbourSearch.Tree => false,
        _ => jointDim >= 4 && n <= (1L << Math.Min(jointDim + 9, 40)),
    };
}
