using MutualInfo.Data;
using MutualInfo.Estimators.Conditional;
using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Benchmarking;

/// <summary>
/// The conditional and discrete/mixed ground-truth tasks (`mi tasks cmi`, `mi bench cmi`): Gaussian CMI in closed
/// form, a Markov chain X→Z→Y (CMI 0), a collider X→Z←Y, invertible maps of X, Y and Z (CMI unchanged), a categorical
/// Z switching the correlation, discrete tables, binary/categorical/mixed X with Gaussian Y (1-d quadrature), and a
/// binary X with Gaussian Y given a continuous Z.
/// </summary>
internal static class CmiTaskSuite
{
    /// <summary>Every task, in listing order.</summary>
    public static IReadOnlyList<CmiTask> All { get; } = Build();

    /// <summary>Tasks matching any of the names or globs, in suite order; throws naming <paramref name="parameter"/> when a pattern matches nothing.</summary>
    public static IReadOnlyList<CmiTask> Select(IEnumerable<string> patterns, string parameter = "patterns")
    {
        var chosen = new HashSet<CmiTask>();
        foreach (string pattern in patterns)
        {
            var matches = All.Where(t => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, t.Name, ignoreCase: false)).ToArray();
            if (matches.Length == 0) throw new ArgumentException($"'{pattern}' matches no conditional or discrete task (`mi tasks cmi` lists them)", parameter);
            chosen.UnionWith(matches);
        }
        return All.Where(chosen.Contains).ToArray();
    }

    // X, Y, Z standard Gaussian, Z → X and Z → Y plus a direct X–Y link given Z.
    private static double[] Gaussian111 => [1, 0.6, 0.5, 0.6, 1, 0.5, 0.5, 0.5, 1];

    private static CmiTask[] Build() =>
    [
        Gaussian("cmi-gaussian-1-1-1", "joint Gaussian, corr(X,Y)=0.6, corr(X,Z)=corr(Y,Z)=0.5; truth ½ ln(|Σ_XZ||Σ_YZ|/(|Σ_Z||Σ|))", Gaussian111, 1, 1, 1),
        Gaussian("cmi-gaussian-2-2-2", "joint Gaussian 2+2+2, equicorrelated 0.4 plus 0.3 within X–Y pairs; closed form", Equicorrelated(), 2, 2, 2),
        Gaussian("cmi-chain", "Markov chain X → Z → Y (Z = 0.8X + 0.6ε, Y = 0.8Z + 0.6ε'); I(X;Y|Z) = 0 although I(X;Y) = 0.29", Chain(), 1, 1, 1),
        Gaussian("cmi-collider", "collider X → Z ← Y (X, Y independent, Z = X + Y + 0.5ε); I(X;Y|Z) = −½ ln(1 − 0.8²) although I(X;Y) = 0", Collider(), 1, 1, 1),
        Mapped("cmi-maps-gaussian-1-1-1", "cmi-gaussian-1-1-1 under X ↦ X³, Y ↦ asinh(3Y), Z ↦ e^Z (invertible: CMI unchanged)", Gaussian111),
        Switch(),
        DiscreteTable("discrete-3x4", "discrete X (3 levels) and Y (4 levels) from a fixed table; exact Σ P ln(P/(P_X P_Y))",
            new double[,] { { 0.15, 0.05, 0.05, 0.05 }, { 0.02, 0.13, 0.10, 0.05 }, { 0.05, 0.05, 0.05, 0.25 } }),
        DiscreteCmi(),
        Classes("mixed-binary-x-gaussian-y", "X ∈ {0,1} (p = ½), Y | X ~ N(±1, 1); truth h(Y) − ½ ln(2πe) by quadrature", [0.5, 0.5], [-1, 1]),
        Classes("mixed-categorical-x-gaussian-y", "X ∈ {0,1,2,3} (p = .1,.2,.3,.4), Y | X ~ N(X, 1); truth by quadrature", [0.1, 0.2, 0.3, 0.4], [0, 1, 2, 3]),
        MixedColumns(),
        BinaryGivenZ(),
    ];

    private static CmiTask Gaussian(string name, string description, double[] cov, int dx, int dy, int dz)
    {
        var factor = Cholesky.TryFactor(cov, dx + dy + dz) ?? throw new InvalidOperationException($"{name}: covariance not positive definite");
        return new(name, description, GaussianCmi.Exact(cov, dx, dy, dz), (n, rng) => DrawGaussian(factor, n, rng, dx, dy, dz));
    }

    private static ConditionalSamples DrawGaussian(Cholesky factor, int n, Rng rng, int dx, int dy, int dz)
    {
        var (x, y, z) = GaussianXyzSampler.Draw(factor, n, rng, dx, dy, dz);
        return new(Block(x, dx, "X"), Block(y, dy, "Y"), Block(z, dz, "Z"));
    }

    private static ConditionalSamples.Block Block(double[] values, int dim, string prefix, bool discrete = false) =>
        new(values, dim, Enumerable.Range(1, dim).Select(i => dim == 1 ? prefix : $"{prefix}{i}").ToArray(), Enumerable.Repeat(discrete, dim).ToArray());

    private static double[] Equicorrelated()
    {
        const int d = 6;
        var cov = new double[d * d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++) cov[a * d + b] = a == b ? 1 : 0.4;
        foreach (var (a, b) in new[] { (0, 2), (1, 3) }) cov[a * d + b] = cov[b * d + a] = 0.7;
        return cov;
    }

    // Var X = 1; Z = 0.8X + 0.6ε (Var 1); Y = 0.8Z + 0.6ε' (Var 1); Cov(X,Y) = 0.64.
    private static double[] Chain() => [1, 0.64, 0.8, 0.64, 1, 0.8, 0.8, 0.8, 1];

    // X, Y ~ N(0,1) independent; Z = X + Y + 0.5ε: Var Z = 2.25, Cov(X,Z) = Cov(Y,Z) = 1.
    private static double[] Collider() => [1, 0, 1, 0, 1, 1, 1, 1, 2.25];

    private static CmiTask Mapped(string name, string description, double[] cov)
    {
        var factor = Cholesky.TryFactor(cov, 3)!;
        return new(name, description, GaussianCmi.Exact(cov, 1, 1, 1), (n, rng) =>
        {
            var s = DrawGaussian(factor, n, rng, 1, 1, 1);
            return new(Map(s.X, v => v * v * v), Map(s.Y, v => Math.Asinh(3 * v)), Map(s.Z, Math.Exp));
        });
    }

    private static ConditionalSamples.Block Map(ConditionalSamples.Block b, Func<double, double> f) =>
        new(b.Values.Select(f).ToArray(), b.Dim, b.Names, b.Discrete);

    // Z ∈ {0,1,2} with p = (.3,.3,.4); (X,Y) | Z standard bivariate Gaussian with ρ = 0.8, 0, −0.6.
    private static CmiTask Switch()
    {
        double[] p = [0.3, 0.3, 0.4], rho = [0.8, 0, -0.6];
        double truth = Enumerable.Range(0, 3).Sum(z => p[z] * -0.5 * Math.Log(1 - rho[z] * rho[z]));
        return new("cmi-switch-categorical-z", "categorical Z ∈ {0,1,2} (p = .3,.3,.4) switching corr(X,Y) between 0.8, 0, −0.6; truth Σ p(z) (−½ ln(1 − ρ_z²))", truth, (n, rng) =>
        {
            var (x, y, z) = (new double[n], new double[n], new double[n]);
            for (int i = 0; i < n; i++)
            {
                int c = Categorical(rng, p);
                double a = rng.NextGaussian(), b = rng.NextGaussian();
                (x[i], y[i], z[i]) = (a, rho[c] * a + Math.Sqrt(1 - rho[c] * rho[c]) * b, c);
            }
            return new(Block(x, 1, "X"), Block(y, 1, "Y"), Block(z, 1, "Z", discrete: true));
        });
    }

    private static CmiTask DiscreteTable(string name, string description, double[,] table)
    {
        var family = new DiscreteFamily(table);
        return new(name, description, family.MutualInformation, (n, rng) =>
        {
            var (x, y) = (new double[n], new double[n]);
            for (int i = 0; i < n; i++) family.SampleJoint(rng, x.AsSpan(i, 1), y.AsSpan(i, 1));
            return new(Block(x, 1, "X", true), Block(y, 1, "Y", true), ConditionalSamples.Block.Empty);
        });
    }

    // Z ∈ {0,1} fair; X | Z and Y | Z from 3×3 tables that differ by Z: exact Σ p(z) I(X;Y|Z=z).
    private static CmiTask DiscreteCmi()
    {
        double[][,] tables =
        [
            new double[,] { { 0.2, 0.05, 0.05 }, { 0.05, 0.2, 0.05 }, { 0.05, 0.05, 0.3 } },
            new double[,] { { 0.1, 0.1, 0.1 }, { 0.1, 0.2, 0.05 }, { 0.15, 0.05, 0.15 } },
        ];
        var families = tables.Select(t => new DiscreteFamily(t)).ToArray();
        double truth = families.Average(f => f.MutualInformation);
        return new("cmi-discrete-xyz", "discrete X, Y (3 levels) and Z (fair binary), a different 3×3 table per Z; truth ½ Σ_z I(X;Y|Z=z) exactly", truth, (n, rng) =>
        {
            var (x, y, z) = (new double[n], new double[n], new double[n]);
            for (int i = 0; i < n; i++)
            {
                int c = rng.NextInt(2);
                families[c].SampleJoint(rng, x.AsSpan(i, 1), y.AsSpan(i, 1));
                z[i] = c;
            }
            return new(Block(x, 1, "X", true), Block(y, 1, "Y", true), Block(z, 1, "Z", true));
        });
    }

    private static CmiTask Classes(string name, string description, double[] p, double[] means)
    {
        double truth = MixtureEntropy(p, means, 1) - 0.5 * Math.Log(2 * Math.PI * Math.E);
        return new(name, description, truth, (n, rng) =>
        {
            var (x, y) = (new double[n], new double[n]);
            for (int i = 0; i < n; i++)
            {
                int c = Categorical(rng, p);
                (x[i], y[i]) = (c, means[c] + rng.NextGaussian());
            }
            return new(Block(x, 1, "X", true), Block(y, 1, "Y"), ConditionalSamples.Block.Empty);
        });
    }

    // X = (B, G) with B ∈ {0,1} fair and G ~ N(0,1); Y = 1.5B + 0.8G + 0.6ε. Y | X ~ N(·, 0.36), so
    // I = h(Y) − ½ ln(2πe·0.36), and Y is the two-component mixture ½N(0,1) + ½N(1.5,1) (0.64 + 0.36 = 1).
    private static CmiTask MixedColumns()
    {
        double truth = MixtureEntropy([0.5, 0.5], [0, 1.5], 1) - 0.5 * Math.Log(2 * Math.PI * Math.E * 0.36);
        return new("mixed-columns-x-gaussian-y", "X = (binary B, Gaussian G) in one block, Y = 1.5B + 0.8G + 0.6ε; truth h(Y) − h(Y|X) by quadrature", truth, (n, rng) =>
        {
            var (x, y) = (new double[2 * n], new double[n]);
            for (int i = 0; i < n; i++)
            {
                int b = rng.NextInt(2);
                double g = rng.NextGaussian();
                (x[2 * i], x[2 * i + 1], y[i]) = (b, g, 1.5 * b + 0.8 * g + 0.6 * rng.NextGaussian());
            }
            return new(new ConditionalSamples.Block(x, 2, ["B", "G"], [true, false]), Block(y, 1, "Y"), ConditionalSamples.Block.Empty);
        });
    }

    // X ∈ {0,1} fair and Z ~ N(0,1) independent; Y = (2X − 1) + Z + ε. Given Z, Y − Z = ±1 + ε, so
    // I(X;Y|Z) = I(X; ±1 + ε) = the binary task's truth (quadrature); unconditionally Z only adds noise.
    private static CmiTask BinaryGivenZ()
    {
        double truth = MixtureEntropy([0.5, 0.5], [-1, 1], 1) - 0.5 * Math.Log(2 * Math.PI * Math.E);
        return new("cmi-binary-x-gaussian-y-given-z", "X ∈ {0,1}, Z ~ N(0,1), Y = (2X − 1) + Z + ε: I(X;Y|Z) = I(X; ±1 + ε) by quadrature (mixed-ksg with a continuous Z)", truth, (n, rng) =>
        {
            var (x, y, z) = (new double[n], new double[n], new double[n]);
            for (int i = 0; i < n; i++)
            {
                int b = rng.NextInt(2);
                double g = rng.NextGaussian();
                (x[i], y[i], z[i]) = (b, 2 * b - 1 + g + rng.NextGaussian(), g);
            }
            return new(Block(x, 1, "X", true), Block(y, 1, "Y"), Block(z, 1, "Z"));
        });
    }

    private static int Categorical(Rng rng, double[] p)
    {
        double u = rng.NextDouble(), cumulative = 0;
        for (int c = 0; c < p.Length - 1; c++)
            if (u < (cumulative += p[c])) return c;
        return p.Length - 1;
    }

    /// <summary>Differential entropy of Σ pᵢ N(μᵢ, σ²) by composite Simpson quadrature over μ ± 12σ (error far below 1e-9 nats).</summary>
    internal static double MixtureEntropy(double[] p, double[] means, double sigma)
    {
        double lo = means.Min() - 12 * sigma, hi = means.Max() + 12 * sigma;
        const int intervals = 20_000;
        double h = (hi - lo) / intervals, sum = 0;
        for (int j = 0; j <= intervals; j++)
        {
            double y = lo + j * h, density = 0;
            for (int c = 0; c < p.Length; c++) density += p[c] * Math.Exp(-0.5 * Math.Pow((y - means[c]) / sigma, 2)) / (sigma * Math.Sqrt(2 * Math.PI));
            double f = density > 0 ? -density * Math.Log(density) : 0;
            sum += f * (j == 0 || j == intervals ? 1 : j % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }
}
