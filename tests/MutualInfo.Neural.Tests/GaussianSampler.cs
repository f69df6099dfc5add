using MutualInfo.Neural.Training;
using MutualInfo.Randomness;

namespace MutualInfo.Neural.Tests;

/// <summary>X ~ N(0, I_d), Y = ρX + √(1−ρ²)ε with I(X;Y) = −(d/2) ln(1 − ρ²) = <c>mi</c>.</summary>
internal static class GaussianSampler
{
    public static JointSampler ForMi(int dim, double mi)
    {
        double rho = Math.Sqrt(-double.ExpM1(-2 * mi / dim)), noise = Math.Sqrt(1 - rho * rho);
        return (Rng rng, Span<double> x, Span<double> y) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = rng.NextGaussian();
                y[i] = rho * x[i] + noise * rng.NextGaussian();
            }
        };
    }
}
