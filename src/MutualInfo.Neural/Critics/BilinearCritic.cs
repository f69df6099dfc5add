using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MutualInfo.Neural.Critics;

/// <summary>f(x, y) = g(x)ᵀ W h(y) with two MLPs and a learned embedding×embedding matrix W (initialised to I).</summary>
public sealed class BilinearCritic : Critic
{
    private readonly Module<Tensor, Tensor> g;
    private readonly Module<Tensor, Tensor> h;
    private readonly TorchSharp.Modules.Parameter w;

    /// <summary>Creates g, h (as in <see cref="SeparableCritic"/>) and W.</summary>
    public BilinearCritic(int dimX, int dimY, CriticOptions options) : base("bilinear")
    {
        g = Mlp.Create(dimX, options.Hidden, options.Layers, options.Embedding, options.Activation);
        h = Mlp.Create(dimY, options.Hidden, options.Layers, options.Embedding, options.Activation);
        w = Parameter(eye(options.Embedding));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x, Tensor y)
    {
        using var gx = g.forward(x);
        using var hy = h.forward(y);
        using var gw = gx.matmul(w);
        return gw.matmul(hy.t());
    }
}
