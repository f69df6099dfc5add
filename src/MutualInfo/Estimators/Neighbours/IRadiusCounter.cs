namespace MutualInfo.Estimators.Neighbours;

/// <summary>Counts, for one of the indexed points, the points within a max-norm radius of it (itself included).</summary>
internal interface IRadiusCounter
{
    /// <summary>
    /// Number of points j (including <paramref name="point"/> itself) with ‖p_j − p_point‖∞ ≤ radius.
    /// A strict count (&lt; ε) is the inclusive count at the next double below ε, as scikit-learn does it.
    /// </summary>
    int CountWithin(int point, double radius);
}
