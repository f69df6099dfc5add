namespace MutualInfo.Neural.Critics;

/// <summary>How a critic combines x and y into a score.</summary>
public enum CriticKind
{
    /// <summary>f(x, y) = g(x)ᵀh(y) with two MLPs; the n×n scores cost two MLP passes and one matrix product.</summary>
    Separable,
    /// <summary>f(x, y) = g(x)ᵀW h(y) with a learned W.</summary>
    Bilinear,
    /// <summary>f(x, y) = MLP([x, y]) evaluated on all n² pairs.</summary>
    Concat,
}
