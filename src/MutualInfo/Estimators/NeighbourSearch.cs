namespace MutualInfo.Estimators;

/// <summary>How KSG finds neighbours. Every choice is exact and gives identical results; only speed differs.</summary>
public enum NeighbourSearch
{
    /// <summary>Blocked SIMD scans (exhaustive up to provably empty blocks) for high joint dimension at moderate n, k-d trees otherwise.</summary>
    Auto,

    /// <summary>Always k-d trees (and sorted arrays for 1-d marginals): O(n log n) in low dimension.</summary>
    Tree,

    /// <summary>Always blocked SIMD scans: O(n² d) at worst; blocks whose bounding box is out of range are skipped.</summary>
    BruteForce,
}
