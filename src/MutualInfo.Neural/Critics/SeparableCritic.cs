using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MutualInfo.Neural.Critics;

/// <summary>f(x, y) = g(x)ᵀh(y) with two MLPs g, h; the score matrix is one product G Hᵀ of the embeddings.</summary>
public sealed class SeparableCritic : Critic
{
    private readonly Module<Tensor, Tensor> g;
    private readonly Module<Tensor, Tensor> h;

    /// <summary>Creates the two MLPs d_x → hidden^layers → embedding and d_y → hidden^layers → embedding.</summary>
    public SeparableCritic(int dimX, int dimY, CriticOptions options) : base("separable")
    {
        g = Mlp.Create(dimX, options.Hidden, options.Layers, options.Embedding, options.Activation);
        h = Mlp.Create(dimY, options.Hidden, options.Layers, options.Embedding, options.Activation);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x, Tensor y)
    {
        using var gx = g.forward(x);
        using var hy = h.forward(y);
        return gx.matmul(hy.t());
    }
}
