using MutualInfo.Data;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Estimators;

/// <summary>Test data: X ~ N(0, I_d), Y = ρX + √(1−ρ²)ε coordinate-wise, with ρ chosen so that I(X;Y) = mi nats.</summary>
internal static class GaussianSamples
{
    public static PairedSamples Draw(int n, int dim, double mi, ulong seed, Func<double, double>? transform = null)
    {
        double rho = Math.Sqrt(1 - Math.Exp(-2 * mi / dim));
        var rng = new Rng(seed);
        var x = new double[n * dim];
        var y = new double[n * dim];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = rng.NextGaussian();
            y[i] = rho * x[i] + Math.Sqrt(1 - rho * rho) * rng.NextGaussian();
            if (transform is not null) (x[i], y[i]) = (transform(x[i]), transform(y[i]));
        }
        return new PairedSamples(x, y, dim, dim);
    }
}
