namespace MutualInfo.Neural.Critics;

/// <summary>Nonlinearity between the hidden layers of a critic's MLPs.</summary>
public enum Activation
{
    /// <summary>max(0, x) — the papers' choice.</summary>
    Relu,
    /// <summary>tanh(x).</summary>
    Tanh,
    /// <summary>Exponential linear unit.</summary>
    Elu,
    /// <summary>Gaussian error linear unit.</summary>
    Gelu,
    /// <summary>x·sigmoid(x).</summary>
    Silu,
    /// <summary>max(0.01x, x).</summary>
    LeakyRelu,
}
