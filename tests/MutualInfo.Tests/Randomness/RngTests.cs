using MutualInfo.Randomness;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Randomness;

public class RngTests
{
    [Fact]
    public void Streams_are_reproducible_and_distinct()
    {
        Assert.Equal(Rng.ForStream(5, 3).NextUInt64(), Rng.ForStream(5, 3).NextUInt64());
        Assert.NotEqual(Rng.ForStream(5, 3).NextUInt64(), Rng.ForStream(5, 4).NextUInt64());
        Assert.NotEqual(Rng.ForStream(5, 3).NextUInt64(), Rng.ForStream(6, 3).NextUInt64());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(9.5)]
    public void Gamma_sampler_draws_the_same_stream_as_NextGamma(double shape)
    {
        Rng a = new(11), b = new(11);
        var sampler = new GammaSampler(shape);
        for (int i = 0; i < 1000; i++) Assert.Equal(a.NextGamma(shape), sampler.Next(b));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(19.0)]
    [InlineData(0.5)]
    public void Chi_square_has_mean_dof_and_variance_twice_dof(double dof)
    {
        var rng = new Rng(21);
        var moments = new RunningMoments();
        for (int i = 0; i < 200_000; i++) moments.Add(rng.NextChiSquare(dof));
        Assert.InRange(moments.Mean, dof - 4 * moments.StdError, dof + 4 * moments.StdError);
        // Var of the sample variance of χ²: the fourth central moment is 12ν + 3(2ν)², so SE(s²) ≈ √((μ4 − σ⁴)/N).
        double sigma2 = 2 * dof, seVariance = Math.Sqrt((12 * dof + 3 * sigma2 * sigma2 - sigma2 * sigma2) / 200_000.0);
        Assert.InRange(moments.Variance, sigma2 - 4 * seVariance, sigma2 + 4 * seVariance);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(4.5)]
    [InlineData(9.5)]
    public void Gamma_bulk_fill_has_the_gamma_mean_and_variance(double shape)
    {
        var values = new double[200_000];
        new GammaSampler(shape).Fill(new Rng(33), values);
        var moments = new RunningMoments();
        foreach (double v in values) moments.Add(v);
        Assert.InRange(moments.Mean, shape - 4 * moments.StdError, shape + 4 * moments.StdError);
        // Gamma(k): variance k, fourth central moment 3k² + 6k.
        double seVariance = Math.Sqrt((3 * shape * shape + 6 * shape - shape * shape) / values.Length);
        Assert.InRange(moments.Variance, shape - 4 * seVariance, shape + 4 * seVariance);
    }

    [Fact]
    public void Bulk_fills_draw_what_single_draws_give()
    {
        Rng a = new(8), b = new(8);
        var normals = new double[5000];
        var uniforms = new double[300];
        a.FillGaussian(normals);
        a.FillUniform(uniforms);
        Assert.Equal(normals, Enumerable.Range(0, normals.Length).Select(_ => b.NextGaussian()));
        Assert.Equal(uniforms, Enumerable.Range(0, uniforms.Length).Select(_ => b.NextDouble()));
    }

    [Fact]
    public void Gaussian_has_unit_variance_and_light_tails()
    {
        var rng = new Rng(4);
        var moments = new RunningMoments();
        int beyond3 = 0;
        const int n = 400_000;
        for (int i = 0; i < n; i++)
        {
            double z = rng.NextGaussian();
            moments.Add(z);
            if (Math.Abs(z) > 3) beyond3++;
        }
        Assert.InRange(moments.Mean, -4 * moments.StdError, 4 * moments.StdError);
        Assert.InRange(moments.Variance, 1 - 4 * Math.Sqrt(2.0 / n), 1 + 4 * Math.Sqrt(2.0 / n));
        double p = 0.0026997960632601866, se = Math.Sqrt(p * (1 - p) / n);
        Assert.InRange(beyond3 / (double)n, p - 4 * se, p + 4 * se);
    }

    [Fact]
    public void Uniform_is_strictly_inside_the_unit_interval()
    {
        var rng = new Rng(8);
        for (int i = 0; i < 100_000; i++) Assert.InRange(rng.NextDouble(), double.Epsilon, 1 - 1e-17);
    }
}
