using MutualInfo.Data;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Bench.Accuracy;

/// <summary>One accuracy case: a sampler of paired data with known MI.</summary>
internal sealed record Case(string Name, double TrueMi, Func<int, Rng, PairedSamples> Sample);

/// <summary>
/// The accuracy cases, sampled directly from their definitions (DESIGN.md §3): correlated Gaussians
/// X ~ N(0, I_d), Y = ρX + √(1−ρ²)ε with optional per-coordinate invertible maps, multivariate Student-t and
/// uniform-additive noise.
/// </summary>
internal static class Cases
{
    public static IReadOnlyList<Case> All { get; } =
    [
        Gaussian(1, 0.0),
        Gaussian(1, 0.5),
        Gaussian(1, 2.0),
        Gaussian(2, 1.0),
        Gaussian(3, 1.0),
        Gaussian(3, 2.0),
        Gaussian(1, 1.0, "cube", v => v * v * v),
        Gaussian(2, 1.0, "asinh", Math.Asinh),
        Gaussian(2, 0.5, "half-cube", v => v * Math.Sqrt(Math.Abs(v))),
        StudentT(1, 1, 3),
        StudentT(2, 2, 2),
        UniformAdditive(0.1),
        Gaussian(1, 5.0),
    ];

    private static Case Gaussian(int d, double mi, string? transformName = null, Func<double, double>? transform = null)
    {
        double rho = Math.Sqrt(1 - Math.Exp(-2 * mi / d));
        string name = $"gaussian(d={d}, I={mi})" + (transformName is null ? "" : $" ∘ {transformName}");
        return new Case(name, mi, (n, rng) =>
        {
            var x = new double[n * d];
            var y = new double[n * d];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = rng.NextGaussian();
                y[i] = rho * x[i] + Math.Sqrt(1 - rho * rho) * rng.NextGaussian();
                if (transform is not null) (x[i], y[i]) = (transform(x[i]), transform(y[i]));
            }
            return new PairedSamples(x, y, d, d);
        });
    }

    /// <summary>Multivariate t with identity dispersion: (X, Y) = Z / √(W/ν), Z ~ N(0, I), W ~ χ²_ν.</summary>
    private static Case StudentT(int dx, int dy, double nu)
    {
        double mi = H(dx, nu) + H(dy, nu) - H(dx + dy, nu);
        return new Case($"student-t({dx}×{dy}, ν={nu})", mi, (n, rng) =>
        {
            var x = new double[n * dx];
            var y = new double[n * dy];
            for (int i = 0; i < n; i++)
            {
                double scale = 1 / Math.Sqrt(rng.NextChiSquare(nu) / nu);
                for (int c = 0; c < dx; c++) x[i * dx + c] = rng.NextGaussian() * scale;
                for (int c = 0; c < dy; c++) y[i * dy + c] = rng.NextGaussian() * scale;
            }
            return new PairedSamples(x, y, dx, dy);
        });
    }

    private static double H(int k, double nu) =>
        -LogGamma((nu + k) / 2) + LogGamma(nu / 2) + k / 2.0 * Math.Log(nu * Math.PI)
        + (nu + k) / 2 * (SpecialFunctions.Digamma((nu + k) / 2) - SpecialFunctions.Digamma(nu / 2));

    // Lanczos (g = 7, 9 terms): ~1e-15 relative for x > 0.5, ample here.
    private static double LogGamma(double x)
    {
        double[] c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        double a = c[0], t = x + 7.5;
        for (int i = 1; i < 9; i++) a += c[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    /// <summary>X ~ U(0,1), Y = X + U(−ε, ε): I = ε − ln 2ε for ε ≤ ½.</summary>
    private static Case UniformAdditive(double eps) =>
        new($"uniform-additive(ε={eps})", eps - Math.Log(2 * eps), (n, rng) =>
        {
            var x = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = rng.NextDouble();
                y[i] = x[i] + eps * (2 * rng.NextDouble() - 1);
            }
            return new PairedSamples(x, y, 1, 1);
        });
}
