using MutualInfo.Data;
using MutualInfo.Randomness;

namespace MutualInfo.Benchmarking;

/// <summary>
/// A ground-truth task for conditional MI or for discrete/mixed MI: a sampler of (X, Y, Z) blocks (with their
/// discrete flags) and the exact I(X;Y|Z) (I(X;Y) when Z is empty), from a closed form, an exact table sum or
/// 1-d quadrature. Names are a contract, as for <see cref="BenchTask"/>.
/// </summary>
/// <param name="Name">Stable task name (all start with "cmi-", "discrete-" or "mixed-").</param>
/// <param name="Description">What the task is and where its truth comes from.</param>
/// <param name="Truth">The exact value in nats.</param>
/// <param name="Sampler">Draws n rows from the task's distribution.</param>
internal sealed record CmiTask(string Name, string Description, double Truth, Func<int, Rng, ConditionalSamples> Sampler)
{
    /// <summary>n rows drawn with <paramref name="rng"/>.</summary>
    public ConditionalSamples Sample(int n, Rng rng) => Sampler(n, rng);

    /// <summary>Dimension of X, Y and Z (from a small draw).</summary>
    public (int X, int Y, int Z) Dims
    {
        get
        {
            var s = Sample(4, new Rng(0));
            return (s.X.Dim, s.Y.Dim, s.Z.Dim);
        }
    }
}
