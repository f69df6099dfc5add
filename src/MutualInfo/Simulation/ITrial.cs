using MutualInfo.Randomness;

namespace MutualInfo.Simulation;

/// <summary>One trial at a fixed batch size, owning its scratch buffers (one instance per worker thread).</summary>
internal interface ITrial
{
    /// <summary>Runs one trial with its own random stream and writes one value per bound.</summary>
    void Run(Rng rng, Span<double> valuePerBound);
}
