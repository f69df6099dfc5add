namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// The neighbour counts KSG needs for each point i: the k-th nearest neighbour in the joint space (max-norm,
/// i itself excluded) and the numbers n_x, n_y of other points inside the resulting marginal radii.
/// Implementations are exact and agree bit for bit (same distance arithmetic); they differ only in speed.
/// </summary>
internal interface IKsgNeighbourhoods
{
    /// <summary>The point to process at step <paramref name="step"/> (a cache-friendly order; a permutation of 0…n−1).</summary>
    int QueryOrder(int step);

    /// <summary>Per-thread scratch space for <see cref="Counts"/>.</summary>
    object CreateScratch();

    /// <summary>(n_x, n_y) for point <paramref name="i"/>, others only (see <see cref="KsgVariant"/> for the radii).</summary>
    (int Nx, int Ny) Counts(int i, object scratch);
}
