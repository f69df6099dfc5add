namespace MutualInfo.Neural.Critics;

/// <summary>The learned log-baseline log a(y) used by TUBA and α-InfoNCE.</summary>
public enum BaselineKind
{
    /// <summary>One learned constant.</summary>
    Scalar,
    /// <summary>An MLP of y with the critic's hidden layers.</summary>
    Mlp,
}
