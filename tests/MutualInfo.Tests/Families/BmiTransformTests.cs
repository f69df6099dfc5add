using CsCheck;
using MutualInfo.Families;
using MutualInfo.Numerics;
using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Families;

/// <summary>BMI's transforms: spiral, wiggly, bimodal and the Swiss-roll embedding.</summary>
public class BmiTransformTests
{
    public static TheoryData<string> MonotoneMaps() => new("wiggly-x", "wiggly-y", "bimodal-x", "bimodal-y");

    [Theory]
    [MemberData(nameof(MonotoneMaps))]
    public void Monotone_map_inverse_round_trips(string name)
    {
        var map = CoordinateMap.Find(name)!;
        Gen.Double[-8, 8].Sample(t =>
        {
            double back = map.Inverse(map.Forward(t));
            Assert.True(Math.Abs(back - t) <= 1e-10 * Math.Max(1, Math.Abs(t)), $"{name}: {t:R} → {map.Forward(t):R} → {back:R}");
        }, iter: 2000);
        Gen.Double[-30, 30].Sample(s =>
        {
            double forth = map.Forward(map.Inverse(s));
            Assert.True(Math.Abs(forth - s) <= 1e-9 * Math.Max(1, Math.Abs(s)), $"{name}: {s:R} → {map.Inverse(s):R} → {forth:R}");
        }, iter: 2000);
    }

    [Fact]
    public void Wiggly_maps_are_bmis_formulas()
    {
        foreach (double t in new[] { -3.1, 0.0, 0.4, 2.5 })
        {
            Assert.Equal(t + 0.4 * Math.Sin(t) + 0.2 * Math.Sin(1.7 * t + 1) + 0.03 * Math.Sin(3.3 * t - 2.5), CoordinateMap.WigglyX.Forward(t), 14);
            Assert.Equal(t - 0.4 * Math.Sin(0.4 * t) + 0.17 * Math.Sin(1.3 * t + 3.5) + 0.02 * Math.Sin(4.3 * t - 2.5), CoordinateMap.WigglyY.Forward(t), 14);
        }
    }

    [Fact]
    public void Bimodal_maps_push_a_standard_normal_to_bmis_mixtures()
    {
        // F(s) = Φ(t) at s = forward(t): the mixture CDF written out here, evaluated at the image.
        foreach (double t in new[] { -2.0, -0.3, 0.0, 1.1, 3.0 })
        {
            double sx = CoordinateMap.BimodalX.Forward(t), sy = CoordinateMap.BimodalY.Forward(t);
            double fx = 0.3 * SpecialFunctions.NormalCdf(sx) + 0.7 * SpecialFunctions.NormalCdf(sx - 5);
            double fy = 0.5 * SpecialFunctions.NormalCdf(sy + 1) + 0.5 * SpecialFunctions.NormalCdf(sy - 3);
            Assert.Equal(SpecialFunctions.NormalCdf(t), fx, 12);
            Assert.Equal(SpecialFunctions.NormalCdf(t), fy, 12);
        }
    }

    [Fact]
    public void Bimodal_task_has_bmis_mixture_marginals()
    {
        // P(X ≤ 2.5) = 0.3 Φ(2.5) + 0.7 Φ(−2.5); P(Y ≤ 1) = 0.5 Φ(2) + 0.5 Φ(−2) = 0.5; checked within 4 binomial SE.
        var family = FamilySpec.Parse("gaussian:dim=1,rho=0.75+bimodal");
        const int n = 40_000;
        var (x, y) = (new double[n], new double[n]);
        family.SampleJoint(new Rng(5), x, y);
        AssertFraction(x.Count(v => v <= 2.5), n, 0.3 * SpecialFunctions.NormalCdf(2.5) + 0.7 * SpecialFunctions.NormalCdf(-2.5));
        AssertFraction(y.Count(v => v <= 1), n, 0.5);
        AssertFraction(y.Count(v => v <= -1), n, 0.5 * 0.5 + 0.5 * SpecialFunctions.NormalCdf(-4));
    }

    [Fact]
    public void Normal_cdf_task_has_uniform_margins()
    {
        var family = FamilySpec.Parse("gaussian:dim=1,rho=0.75+normal-cdf");
        const int n = 40_000;
        var (x, y) = (new double[n], new double[n]);
        family.SampleJoint(new Rng(6), x, y);
        foreach (double q in new[] { 0.1, 0.3, 0.75 })
        {
            AssertFraction(x.Count(v => v <= q), n, q);
            AssertFraction(y.Count(v => v <= q), n, q);
        }
    }

    private static void AssertFraction(int count, int n, double p)
    {
        double se = Math.Sqrt(p * (1 - p) / n);
        Assert.True(Math.Abs((double)count / n - p) < 4 * se, $"fraction {(double)count / n:R} vs {p:R} (SE {se:R})");
    }

    [Fact]
    public void Spiral_inverse_round_trips_and_keeps_the_norm()
    {
        Gen.Select(Gen.Int[2, 9], Gen.Double[-3, 3], Gen.ULong).Sample((dim, speed, seed) =>
        {
            var rng = new Rng(seed);
            var v = new double[3 * dim];
            rng.FillGaussian(v);
            var map = new SpiralMap(dim, 0, 1, speed);
            var w = (double[])v.Clone();
            map.Forward(w);
            for (int r = 0; r < 3; r++)
                Assert.Equal(Norm2(v.AsSpan(r * dim, dim)), Norm2(w.AsSpan(r * dim, dim)), 10);
            map.Inverse(w);
            for (int k = 0; k < v.Length; k++) Assert.True(Math.Abs(w[k] - v[k]) < 1e-10, $"d={dim} speed={speed}: {w[k]:R} vs {v[k]:R}");
        }, iter: 300);
    }

    [Fact]
    public void Spiral_is_bmis_rotation_and_preserves_volume()
    {
        // BMI's docstring example: generator [[0,−1],[1,0]] at speed π/2 maps (1, 0) to (0, 1).
        var v = new[] { 1.0, 0.0 };
        new SpiralMap(2, 0, 1, Math.PI / 2).Forward(v);
        Assert.Equal(0.0, v[0], 14);
        Assert.Equal(1.0, v[1], 14);
        // BMI v1's spirals: X turns coordinates 1 and 2, Y coordinates 2 and 3 (1-based), both at speed 1/3.
        var x = SpiralFamily.BmiX(5);
        var y = SpiralFamily.BmiY(5);
        Assert.Equal((0, 1, 1 / 3.0), (x.First, x.Second, x.Speed));
        Assert.Equal((1, 2, 1 / 3.0), (y.First, y.Second, y.Speed));
        // Jacobian determinant 1, by central differences at a random point of R^3.
        var map = new SpiralMap(3, 0, 1, 0.9);
        double[] p = [0.7, -1.1, 0.4];
        const double h = 1e-6;
        var jac = new double[3, 3];
        for (int c = 0; c < 3; c++)
        {
            double[] plus = (double[])p.Clone(), minus = (double[])p.Clone();
            plus[c] += h;
            minus[c] -= h;
            map.Forward(plus);
            map.Forward(minus);
            for (int r = 0; r < 3; r++) jac[r, c] = (plus[r] - minus[r]) / (2 * h);
        }
        double det = jac[0, 0] * (jac[1, 1] * jac[2, 2] - jac[1, 2] * jac[2, 1])
                     - jac[0, 1] * (jac[1, 0] * jac[2, 2] - jac[1, 2] * jac[2, 0])
                     + jac[0, 2] * (jac[1, 0] * jac[2, 1] - jac[1, 1] * jac[2, 0]);
        Assert.Equal(1.0, det, 7);
    }

    private static double Norm2(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (double x in v) s += x * x;
        return s;
    }

    [Theory]
    [InlineData("multinormal:sparse=2,rho=0.8,dx=3,dy=3+spiral", 200_000)]
    [InlineData("multinormal:sparse=2,rho=0.8,dx=5,dy=5+normal-cdf+spiral", 100_000)]
    [InlineData("gaussian:dim=1,rho=0.75+wiggly", 100_000)]
    public void Mean_log_ratio_over_the_joint_is_the_closed_form_mi(string spec, int n)
    {
        var family = FamilySpec.Parse(spec);
        var x = new double[n * family.DimX];
        var y = new double[n * family.DimY];
        family.SampleJoint(new Rng(424242), x, y);
        var moments = new RunningMoments();
        var score = new double[1];
        for (int i = 0; i < n; i++)
        {
            family.LogRatioMatrix(x.AsSpan(i * family.DimX, family.DimX), y.AsSpan(i * family.DimY, family.DimY), score);
            moments.Add(score[0]);
        }
        double truth = spec.StartsWith("gaussian", StringComparison.Ordinal) ? -0.5 * Math.Log(1 - 0.75 * 0.75) : -Math.Log(1 - 0.8 * 0.8);
        Assert.True(Math.Abs(moments.Mean - truth) < 4 * moments.StdError, $"{spec}: {moments.Mean:R} vs {truth:R} (SE {moments.StdError:R})");
    }

    [Fact]
    public void Swiss_roll_samples_lie_on_bmis_curve_with_uniform_parameter_and_unchanged_y()
    {
        var inner = FamilySpec.Parse("gaussian:dim=1,rho=0.75+normal-cdf");
        var family = FamilySpec.Parse("gaussian:dim=1,rho=0.75+normal-cdf+swiss-roll:x");
        Assert.Equal((2, 1), (family.DimX, family.DimY));
        Assert.Equal(inner.MutualInformation, family.MutualInformation);
        const int n = 20_000;
        var (u, yInner) = (new double[n], new double[n]);
        inner.SampleJoint(new Rng(9), u, yInner);
        var (x, y) = (new double[2 * n], new double[n]);
        family.SampleJoint(new Rng(9), x, y);
        Assert.Equal(yInner, y);
        var parameter = new RunningMoments();
        for (int i = 0; i < n; i++)
        {
            // Radius r = t/21 and angle t mod 2π with t = 1.5π(1 + 2u).
            double t = 1.5 * Math.PI * (1 + 2 * u[i]);
            Assert.Equal(t * Math.Cos(t) / 21, x[2 * i], 12);
            Assert.Equal(t * Math.Sin(t) / 21, x[2 * i + 1], 12);
            double r = Math.Sqrt(x[2 * i] * x[2 * i] + x[2 * i + 1] * x[2 * i + 1]);
            parameter.Add((21 * r / (1.5 * Math.PI) - 1) / 2);
        }
        // The curve's parameter is U(0, 1): mean ½ within 4 SE.
        Assert.True(Math.Abs(parameter.Mean - 0.5) < 4 * parameter.StdError, $"{parameter.Mean}");
    }

    [Fact]
    public void Swiss_roll_has_no_log_ratio_and_simulation_refuses_it_in_one_line()
    {
        const string spec = "gaussian:dim=1,rho=0.75+normal-cdf+swiss-roll:x";
        var family = FamilySpec.Parse(spec);
        Assert.False(family.HasExactLogRatio);
        Assert.Throws<NotSupportedException>(() => family.LogRatioMatrix(new double[2], new double[1], new double[1]));
        var e = Assert.ThrowsAny<ArgumentException>(() => FamilySpec.ParseWithLogRatio(spec));
        Assert.Equal("family", e.ParamName);
        Assert.Contains("no exact log ratio", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.True(FamilySpec.ParseWithLogRatio("gaussian:dim=1,rho=0.75+wiggly").HasExactLogRatio);
    }

    [Theory]
    [InlineData("gaussian:dim=2,rho=0.5+swiss-roll:x", "one-dimensional X")]
    [InlineData("gaussian:dim=1,rho=0.5+swiss-roll:x", "X in [0, 1]")]
    [InlineData("gaussian:dim=1,rho=0.5+normal-cdf+swiss-roll", "+swiss-roll:x")]
    [InlineData("gaussian:dim=1,rho=0.5+normal-cdf+swiss-roll:x+cubic", "cannot follow an embedding")]
    [InlineData("multinormal:sparse=2,rho=0.8,dx=3,dy=2+spiral", "dim_y ≥ 3")]
    [InlineData("gaussian:dim=1,rho=0.5+spiral:x", "dimension ≥ 2")]
    [InlineData("gaussian:dim=3,rho=0.5+spiral:z", "spiral takes x, y and speed")]
    [InlineData("student-t:dx=1,dy=1,dof=1+bimodal", "bimodal-x needs")]
    public void Bad_transform_specs_fail_in_one_line(string spec, string expected)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => FamilySpec.Parse(spec));
        Assert.Equal("family", e.ParamName);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("multinormal:sparse=2,rho=0.8,dx=3,dy=3+spiral")]
    [InlineData("multinormal:sparse=2,rho=0.8,dx=3,dy=3+spiral:y,speed=0.25")]
    [InlineData("gaussian:dim=2,rho=0.5+spiral:x")]
    [InlineData("gaussian:dim=1,rho=0.75+normal-cdf+swiss-roll:x")]
    public void New_transform_names_parse_back(string spec) => Assert.Equal(spec, FamilySpec.Parse(FamilySpec.Parse(spec).Name).Name);

    [Fact]
    public void Paired_maps_name_each_side()
    {
        Assert.Equal("gaussian:dim=1,rho=0.75+wiggly-x:x+wiggly-y:y", FamilySpec.Parse("gaussian:dim=1,rho=0.75+wiggly").Name);
        Assert.Equal("gaussian:dim=1,rho=0.75+bimodal-y:y", FamilySpec.Parse("gaussian:dim=1,rho=0.75+bimodal:y").Name);
    }
}
