namespace MutualInfo.Estimators;

/// <summary>How KSG finds neighbours. Every choice is exact and gives identical results; only speed differs.</summary>
public enum NeighbourSearch
{
    /// <summary>Exhaustive SIMD scans for high joint dimension at moderate n, k-d trees otherwise.</summary>
    Auto,

    /// <summary>Always k-d trees (and sorted arrays for 1-d marginals): O(n log n) in low dimension.</summary>
    Tree,

    /// <summary>Always exhaustive SIMD scans: O(n² d).</summary>
    BruteForce,
}
