namespace MutualInfo.Simulation;

/// <summary>Where the negatives of each positive come from.</summary>
public enum NegativeSampling
{
    /// <summary>
    /// Fresh x̄₁..x̄ₙ₋₁ ~ P_X for every positive (the proof's setup). A trial is one positive with its n − 1
    /// negatives; cost and memory O(n), so n = 2^20 is practical.
    /// </summary>
    Independent,

    /// <summary>A batch of n pairs; each positive's negatives are the other n − 1 x's (an n×n score matrix per trial).</summary>
    InBatch,
}
