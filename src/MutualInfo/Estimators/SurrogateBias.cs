namespace MutualInfo.Estimators;

/// <summary>What <see cref="GaussianSurrogateBias"/> measured.</summary>
/// <param name="SurrogateMi">Exact MI of the Gaussian surrogate N(0, R).</param>
/// <param name="Bias">Mean of (estimate − exact MI) over the surrogates at n rows.</param>
/// <param name="BiasError">Monte-Carlo standard error of <paramref name="Bias"/> (sd over surrogates / √count).</param>
/// <param name="HalfBias">Mean bias at ⌊n/2⌋ rows.</param>
/// <param name="Count">Number of surrogates.</param>
/// <param name="GapSd">SD over the surrogates of (KSG estimate − unbiased Gaussian-copula MI), each on its own
/// surrogate: the null spread of that disagreement on one dataset of this size (NaN for fewer than 2 surrogates).</param>
internal sealed record SurrogateBias(double SurrogateMi, double Bias, double BiasError, double HalfBias, int Count, double GapSd);
