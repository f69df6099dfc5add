using MutualInfo.Neural.Training;
using MutualInfo.Randomness;

namespace MutualInfo.Cli.Staircase;

/// <summary>
/// The staircase's data: the d-dimensional Gaussian X ~ N(0, I), Y = ρX + √(1−ρ²)ε with ρ chosen so that
/// I(X;Y) = −(d/2) ln(1 − ρ²) equals the level; optionally Y → Y³ (same MI, harder critic).
/// </summary>
internal static class StaircaseData
{
    public static Func<double, JointSampler> For(int dim, bool cubic) => mi => Sampler(dim, mi, cubic);

    public static double RhoFor(int dim, double mi) => Math.Sqrt(-double.ExpM1(-2 * mi / dim));

    private static JointSampler Sampler(int dim, double mi, bool cubic)
    {
        double rho = RhoFor(dim, mi), noise = Math.Sqrt(1 - rho * rho);
        return (Rng rng, Span<double> x, Span<double> y) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = rng.NextGaussian();
                double value = rho * x[i] + noise * rng.NextGaussian();
                y[i] = cubic ? value * value * value : value;
            }
        };
    }
}
