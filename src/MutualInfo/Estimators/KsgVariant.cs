namespace MutualInfo.Estimators;

/// <summary>The two estimators of Kraskov, Stögbauer and Grassberger (2004).</summary>
public enum KsgVariant
{
    /// <summary>Estimator (8): counts strictly inside the joint k-th neighbour distance ε; ψ(k) + ψ(n) − ⟨ψ(n_x+1) + ψ(n_y+1)⟩.</summary>
    First = 1,

    /// <summary>Estimator (9): counts within the marginal extents ε_x, ε_y of the k neighbours; ψ(k) − 1/k + ψ(n) − ⟨ψ(n_x) + ψ(n_y)⟩.</summary>
    Second = 2,
}
