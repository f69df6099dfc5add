using MutualInfo.Neural.Critics;
using MutualInfo.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Tests;

/// <summary>Critics produce S[i, j] = f(x_i, y_j) for every pair.</summary>
public sealed class CriticTests
{
    private static Tensor Random(ulong seed, int rows, int columns)
    {
        var rng = new Rng(seed);
        var values = new float[rows * columns];
        for (int i = 0; i < values.Length; i++) values[i] = (float)rng.NextGaussian();
        return tensor(values, [rows, columns]);
    }

    [Theory]
    [InlineData(CriticKind.Separable)]
    [InlineData(CriticKind.Bilinear)]
    [InlineData(CriticKind.Concat)]
    public void Score_matrix_entry_ij_is_the_critic_on_pair_i_j(CriticKind kind)
    {
        using var scope = NewDisposeScope();
        using var critic = Critic.Create(new CriticOptions(kind, Layers: 2, Hidden: 16, Embedding: 8, Activation.Tanh), 3, 4);
        var x = Random(1, 6, 3);
        var y = Random(2, 6, 4);
        var scores = critic.forward(x, y);
        Assert.Equal([6L, 6L], scores.shape);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
            {
                float single = critic.forward(x[i].unsqueeze(0), y[j].unsqueeze(0)).ToSingle();
                Assert.Equal(single, scores[i, j].ToSingle(), 1e-4f * Math.Max(1, Math.Abs(single)));
            }
    }

    [Fact]
    public void Concat_critic_equals_an_mlp_on_concatenated_pairs()
    {
        using var scope = NewDisposeScope();
        var options = new CriticOptions(CriticKind.Concat, Layers: 1, Hidden: 8, Activation: Activation.Relu);
        using var critic = (ConcatCritic)Critic.Create(options, 2, 3);
        var parameters = critic.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var x = Random(3, 4, 2);
        var y = Random(4, 4, 3);
        // Rebuild the unsplit first layer W = [W_x | W_y] and evaluate MLP([x_i, y_j]) directly.
        var w = cat([parameters["firstX.weight"], parameters["firstY.weight"]], 1);
        var scores = critic.forward(x, y);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
            {
                var input = cat([x[i], y[j]]);
                var hiddenLayer = nn.functional.relu(w.matmul(input) + parameters["firstX.bias"]);
                var output = parameters["rest.out.weight"].matmul(hiddenLayer) + parameters["rest.out.bias"];
                float expected = output.ToSingle();
                Assert.Equal(expected, scores[i, j].ToSingle(), 1e-4f * Math.Max(1, Math.Abs(expected)));
            }
    }

    [Fact]
    public void Invalid_options_are_usage_errors()
    {
        Assert.Equal("options.Critic.Layers", Assert.Throws<ArgumentOutOfRangeException>(() => new CriticOptions(CriticKind.Concat, Layers: 0).Validate()).ParamName);
        Assert.Equal("options.Critic.Hidden", Assert.Throws<ArgumentOutOfRangeException>(() => new CriticOptions(Hidden: 0).Validate()).ParamName);
        Assert.Equal("critic", Assert.Throws<ArgumentException>(() => CriticOptions.ParseKind("deep")).ParamName);
        Assert.Equal("activation", Assert.Throws<ArgumentException>(() => CriticOptions.ParseActivation("sigmoidal")).ParamName);
    }
}
