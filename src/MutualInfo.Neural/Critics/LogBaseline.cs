using MutualInfo.Neural.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Critics;

/// <summary>A learned log-baseline: maps y (n×d_y) to log a(y_j) (length n).</summary>
public sealed class LogBaseline : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor>? network;
    private readonly TorchSharp.Modules.Parameter? constant;

    /// <summary>Creates a scalar baseline or an MLP d_y → hidden^layers → 1 shaped like the critic.</summary>
    public LogBaseline(BaselineKind kind, int dimY, CriticOptions critic) : base(LoadThen("log_baseline"))
    {
        if (kind == BaselineKind.Mlp) network = Critics.Mlp.Create(dimY, critic.Hidden, critic.Layers, 1, critic.Activation);
        else constant = nn.Parameter(zeros(1));
        RegisterComponents();
    }

    private static string LoadThen(string name)
    {
        TorchRuntime.EnsureLoaded();
        return name;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor y)
    {
        if (network is not null)
        {
            using var column = network.forward(y);
            return column.squeeze(-1);
        }
        return constant!.expand(y.shape[0]);
    }
}
