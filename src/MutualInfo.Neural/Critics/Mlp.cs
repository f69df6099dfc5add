using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MutualInfo.Neural.Critics;

/// <summary>Builds multilayer perceptrons: <c>layers</c> × (Linear → activation), then a linear output layer.</summary>
public static class Mlp
{
    /// <summary>An MLP from <paramref name="input"/> to <paramref name="output"/> features.</summary>
    public static Module<Tensor, Tensor> Create(int input, int hidden, int layers, int output, Activation activation)
    {
        var modules = new List<(string, Module<Tensor, Tensor>)>();
        int width = input;
        for (int i = 0; i < layers; i++)
        {
            modules.Add(($"linear{i}", Linear(width, hidden)));
            modules.Add(($"act{i}", CreateActivation(activation)));
            width = hidden;
        }
        modules.Add(("out", Linear(width, output)));
        return Sequential(modules);
    }

    /// <summary>The activation module for <paramref name="activation"/>.</summary>
    public static Module<Tensor, Tensor> CreateActivation(Activation activation) => activation switch
    {
        Activation.Relu => ReLU(),
        Activation.Tanh => Tanh(),
        Activation.Elu => ELU(),
        Activation.Gelu => GELU(),
        Activation.Silu => SiLU(),
        Activation.LeakyRelu => LeakyReLU(0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };
}
