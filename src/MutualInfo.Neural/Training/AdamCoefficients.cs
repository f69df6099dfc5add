namespace MutualInfo.Neural.Training;

/// <summary>
/// The float32 coefficients of one Adam step with v's bias correction folded into the step size:
/// p ← p + <see cref="NegativeStepSize"/> · m / (√v + <see cref="ScaledEps"/>).
/// </summary>
internal readonly record struct AdamCoefficients(float OneMinusBeta1, float Beta2, float OneMinusBeta2, float NegativeStepSize, float ScaledEps)
{
    /// <summary>Coefficients of step <paramref name="step"/> (Adam's t, from 1), rounded to float32 as torch rounds its scalars.</summary>
    public static AdamCoefficients ForStep(long step, double learningRate, double beta1, double beta2, double eps)
    {
        var (negativeStepSize, scaledEps) = FoldedBiasCorrection(step, learningRate, beta1, beta2, eps);
        return new((float)(1 - beta1), (float)beta2, (float)(1 - beta2), (float)negativeStepSize, (float)scaledEps);
    }

    /// <summary>
    /// −lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) and ε·√(1 − β₂ᵗ): √v/√(1 − β₂ᵗ) + ε = (√v + ε√(1 − β₂ᵗ)) / √(1 − β₂ᵗ), which saves a
    /// pass over v (the "efficient version" of Kingma &amp; Ba's Algorithm 1).
    /// </summary>
    public static (double NegativeStepSize, double ScaledEps) FoldedBiasCorrection(long step, double learningRate, double beta1, double beta2, double eps)
    {
        double biasCorrection1 = 1 - Math.Pow(beta1, step);
        double sqrtBiasCorrection2 = Math.Sqrt(1 - Math.Pow(beta2, step));
        return (-learningRate * sqrtBiasCorrection2 / biasCorrection1, eps * sqrtBiasCorrection2);
    }
}
