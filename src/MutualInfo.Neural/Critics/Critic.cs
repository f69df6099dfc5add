using MutualInfo.Neural.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Critics;

/// <summary>
/// A learned critic: maps a batch (x: n×d_x, y: n×d_y) to the n×n score matrix S[i, j] = f(x_i, y_j), whose
/// diagonal holds the positive pairs — the convention of every bound in MutualInfo.
/// </summary>
public abstract class Critic : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the module (and loads libtorch if needed).</summary>
    protected Critic(string name) : base(LoadThen(name)) { }

    private static string LoadThen(string name)
    {
        TorchRuntime.EnsureLoaded();
        return name;
    }

    /// <summary>Builds the critic described by <paramref name="options"/> for the given dimensions.</summary>
    public static Critic Create(CriticOptions options, int dimX, int dimY)
    {
        options.Validate();
        if (dimX < 1 || dimY < 1) throw new ArgumentOutOfRangeException(nameof(dimX), "dimensions must be positive");
        return options.Kind switch
        {
            CriticKind.Separable => new SeparableCritic(dimX, dimY, options),
            CriticKind.Bilinear => new BilinearCritic(dimX, dimY, options),
            CriticKind.Concat => new ConcatCritic(dimX, dimY, options),
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };
    }
}
