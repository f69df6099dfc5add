namespace MutualInfo.Neural.Critics;

/// <summary>
/// Architecture of a critic. Defaults are Poole et al. (2019) and Song &amp; Ermon (2020): separable, two hidden
/// layers of 256 ReLU units, embedding size 32.
/// </summary>
/// <param name="Kind">How x and y are combined.</param>
/// <param name="Layers">Hidden layers per MLP (at least 1 for the concat critic).</param>
/// <param name="Hidden">Units per hidden layer.</param>
/// <param name="Embedding">Output size of g and h (separable and bilinear critics).</param>
/// <param name="Activation">Nonlinearity after each hidden layer.</param>
public sealed record CriticOptions(
    CriticKind Kind = CriticKind.Separable,
    int Layers = 2,
    int Hidden = 256,
    int Embedding = 32,
    Activation Activation = Activation.Relu)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (Layers < 0 || (Kind == CriticKind.Concat && Layers < 1))
            throw new ArgumentOutOfRangeException("options.Critic.Layers", $"must be at least {(Kind == CriticKind.Concat ? 1 : 0)} for the {Kind.ToString().ToLowerInvariant()} critic, got {Layers}");
        if (Hidden < 1) throw new ArgumentOutOfRangeException("options.Critic.Hidden", $"must be at least 1, got {Hidden}");
        if (Embedding < 1) throw new ArgumentOutOfRangeException("options.Critic.Embedding", $"must be at least 1, got {Embedding}");
    }

    /// <summary>Parses a critic kind name: separable, bilinear or concat.</summary>
    public static CriticKind ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "separable" => CriticKind.Separable,
        "bilinear" => CriticKind.Bilinear,
        "concat" => CriticKind.Concat,
        _ => throw new ArgumentException($"unknown critic '{text}' (expected separable, bilinear or concat)", "critic"),
    };

    /// <summary>Parses an activation name: relu, tanh, elu, gelu, silu or leaky-relu.</summary>
    public static Activation ParseActivation(string text) => text.Trim().ToLowerInvariant() switch
    {
        "relu" => Activation.Relu,
        "tanh" => Activation.Tanh,
        "elu" => Activation.Elu,
        "gelu" => Activation.Gelu,
        "silu" => Activation.Silu,
        "leaky-relu" or "leakyrelu" => Activation.LeakyRelu,
        _ => throw new ArgumentException($"unknown activation '{text}' (expected relu, tanh, elu, gelu, silu or leaky-relu)", "activation"),
    };

    /// <summary>The lower-case name used on the command line and in JSON.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();

    /// <summary>
    /// Bytes to train this critic on <paramref name="dimX"/> + <paramref name="dimY"/> inputs in batches of
    /// <paramref name="batchRows"/>: parameters (with gradient and Adam's two moments: 16 bytes each) plus one batch's
    /// activations forward and back — per row for critics that embed each side once, per scored pair
    /// (<paramref name="pairsPerStep"/>) for the concat critic, whose MLP runs on every (x, y) pair of the step.
    /// </summary>
    internal double TrainingBytes(int dimX, int dimY, int batchRows, double pairsPerStep)
    {
        double h = Hidden, layers = Math.Max(1, Layers), e = Embedding;
        double parameters = (dimX + dimY) * h + 2 * (layers - 1) * h * h + 2 * h * e;
        double evaluated = Kind == CriticKind.Concat ? Math.Max(batchRows, pairsPerStep) : batchRows;
        double activations = 2.0 * 4 * evaluated * h * layers * 2;
        return 16 * parameters + activations;
    }
}
