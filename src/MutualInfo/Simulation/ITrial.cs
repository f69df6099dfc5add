using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>One trial, owning its scratch buffers (one instance per worker thread).</summary>
internal interface ITrial
{
    /// <summary>Runs one trial with its own random stream and writes its values (layout defined by the trial).</summary>
    void Run(Rng rng, Span<double> values);
}
