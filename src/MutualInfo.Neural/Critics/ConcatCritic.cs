using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MutualInfo.Neural.Critics;

/// <summary>
/// f(x, y) = MLP([x, y]) on all n² pairs. The first layer is split, W[x; y] + b = (W_x x + b) + W_y y, so the
/// n² concatenated inputs are never built: the first hidden layer is the broadcast sum of an n×1×h and a 1×n×h term.
/// </summary>
public sealed class ConcatCritic : Critic
{
    private readonly TorchSharp.Modules.Linear firstX;
    private readonly TorchSharp.Modules.Linear firstY;
    private readonly Module<Tensor, Tensor> activation;
    private readonly Module<Tensor, Tensor> rest;

    /// <summary>Creates the MLP (d_x + d_y) → hidden^layers → 1.</summary>
    public ConcatCritic(int dimX, int dimY, CriticOptions options) : base("concat")
    {
        firstX = Linear(dimX, options.Hidden, hasBias: true);
        firstY = Linear(dimY, options.Hidden, hasBias: false);
        activation = Mlp.CreateActivation(options.Activation);
        rest = Mlp.Create(options.Hidden, options.Hidden, options.Layers - 1, 1, options.Activation);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x, Tensor y)
    {
        using var ax = firstX.forward(x).unsqueeze(1);
        using var by = firstY.forward(y).unsqueeze(0);
        using var sum = ax + by;
        using var hidden = activation.forward(sum);
        using var scores = rest.forward(hidden);
        return scores.squeeze(-1);
    }
}
