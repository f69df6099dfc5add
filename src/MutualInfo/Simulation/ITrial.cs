using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>One trial, owning its scratch buffers (one instance per worker thread).</summary>
internal interface ITrial
{
    /// <summary>
    /// Runs one trial with its own random stream and writes its values (layout defined by the trial), followed by
    /// one last value: the trial's control, the mean of the exact log r over its positives (expectation I).
    /// </summary>
    void Run(Rng rng, Span<double> values);
}
