using MutualInfo.Families;
using MutualInfo.Numerics;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Families;

public class ConditionalSamplingTests
{
    private const int Draws = 20_000;

    [Theory]
    [InlineData(1, 0.8)]
    [InlineData(5, 0.7)]
    [InlineData(20, 0.9)]
    public void Positive_sampler_matches_log_r_at_x_drawn_from_p_x_given_y(int dim, double rho)
    {
        IConditionalSamplingFamily family = new GaussianFamily(dim, rho);
        var x = new double[dim];
        var y = new double[dim];
        family.SampleJoint(new Rng(11), x, y);
        var reduced = new double[Draws];
        family.SamplePositiveLogRatios(new Rng(1), y, reduced);
        // x ~ p(x | y) = N(ρy, (1 − ρ²)I), scored by the generic log r.
        var rng = new Rng(2);
        var xs = new double[Draws * dim];
        for (int i = 0; i < Draws; i++)
            for (int k = 0; k < dim; k++) xs[i * dim + k] = rho * y[k] + Math.Sqrt(1 - rho * rho) * rng.NextGaussian();
        var generic = new double[Draws];
        family.LogRatioMatrix(xs, y, generic);
        double critical = Math.Sqrt(-Math.Log(0.0005) / 2) * Math.Sqrt(2.0 / Draws);
        double d = NegativeSamplerTests.KolmogorovSmirnov(reduced, generic);
        Assert.True(d < critical, $"KS statistic {d} ≥ critical {critical}");
        // E[log r | y] = I + ρ²(|y|² − d)/2 in closed form.
        double yy = y.Sum(v => v * v), expected = family.MutualInformation + 0.5 * rho * rho * (yy - dim);
        (double mean, double variance) = NegativeSamplerTests.MeanVariance(reduced);
        Assert.True(Math.Abs(mean - expected) < 4 * Math.Sqrt(variance / Draws), $"mean {mean} vs {expected}");
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Negative_moment_closed_form_matches_Monte_Carlo(double alpha)
    {
        IConditionalSamplingFamily family = GaussianFamily.FromMutualInformation(3, 1);
        var x = new double[3];
        var y = new double[3];
        family.SampleJoint(new Rng(5), x, y);
        var scores = new double[200_000];
        family.SampleNegativeLogRatios(new Rng(6), y, scores);
        double[] powers = scores.Select(s => Math.Exp(alpha * s)).ToArray();
        (double mean, double variance) = NegativeSamplerTests.MeanVariance(powers);
        double expected = Math.Exp(family.LogRatioMoment(alpha, y));
        Assert.True(Math.Abs(mean - expected) < 4 * Math.Sqrt(variance / powers.Length), $"E r^{alpha}: MC {mean} vs {expected}");
        if (alpha == 1.0) Assert.Equal(0, family.LogRatioMoment(1, y), 12);
    }

    [Fact]
    public void Y_controls_are_bounded_with_mean_zero_under_p_y()
    {
        IConditionalSamplingFamily family = GaussianFamily.FromMutualInformation(7, 2);
        var x = new double[7];
        var y = new double[7];
        var controls = new double[family.YControlCount];
        var sums = new double[controls.Length];
        var rng = new Rng(8);
        const int draws = 40_000;
        for (int i = 0; i < draws; i++)
        {
            family.SampleJoint(rng, x, y);
            family.WriteYControls(y, controls);
            for (int k = 0; k < controls.Length; k++)
            {
                Assert.InRange(controls[k], -1, 1);
                sums[k] += controls[k];
            }
        }
        // P_k(U) for U uniform on [−1, 1] has variance 1/(2k + 1) ≤ 1/3: the mean of 40 000 is within 4·√(1/3/40 000).
        Assert.All(sums, s => Assert.InRange(s / draws, -0.012, 0.012));
    }

    [Theory]
    [InlineData(0.5, 0.3)]
    [InlineData(1.0, 2.0)]
    [InlineData(3.5, 1.0)]
    [InlineData(10.0, 25.0)]
    [InlineData(10.0, 3.0)]
    public void Regularized_gamma_matches_closed_forms(double a, double x)
    {
        // P(1/2, x) = erf(√x); P(k, x) = 1 − e^{−x} Σ_{j<k} x^j/j! for integer k; P(7/2, x) by the recurrence from 1/2.
        double expected;
        if (a == 0.5) expected = SpecialFunctions.Erf(Math.Sqrt(x));
        else if (a == 3.5)
        {
            expected = SpecialFunctions.Erf(Math.Sqrt(x));
            for (double s = 0.5; s < 3.5; s++) expected -= Math.Exp(s * Math.Log(x) - x - SpecialFunctions.LogGamma(s + 1));
        }
        else
        {
            double term = 1, sum = 1;
            for (int j = 1; j < (int)a; j++) sum += term *= x / j;
            expected = 1 - Math.Exp(-x) * sum;
        }
        Assert.Equal(expected, SpecialFunctions.RegularizedGammaP(a, x), 12);
    }

    [Theory]
    [InlineData(20, 10.0, 15)]
    [InlineData(3, 1.0, 255)]
    public void Uniform_transform_of_the_negatives_maximum_is_uniform(int dim, double mi, int negatives)
    {
        // G(M)^{n−1} with G the exact tail of a negative's score: mean 1/2 and variance 1/12 over 4000 maxima.
        IConditionalSamplingFamily family = GaussianFamily.FromMutualInformation(dim, mi);
        var x = new double[dim];
        var y = new double[dim];
        var rng = new Rng(21);
        var scores = new double[negatives];
        var uniforms = new double[4000];
        for (int i = 0; i < uniforms.Length; i++)
        {
            family.SampleJoint(rng, x, y);
            family.SampleNegativeLogRatios(rng, y, scores);
            double tail = family.NegativeTailProbability(scores.Max(), y);
            uniforms[i] = Math.Pow(1 - tail, negatives);
        }
        (double mean, double variance) = NegativeSamplerTests.MeanVariance(uniforms);
        Assert.InRange(mean, 0.5 - 4 * Math.Sqrt(1.0 / 12 / uniforms.Length), 0.5 + 4 * Math.Sqrt(1.0 / 12 / uniforms.Length));
        Assert.InRange(variance, 1.0 / 12 * 0.9, 1.0 / 12 * 1.1);
    }

    [Fact]
    public void Negative_tail_probability_matches_the_empirical_tail()
    {
        IConditionalSamplingFamily family = GaussianFamily.FromMutualInformation(5, 3);
        var x = new double[5];
        var y = new double[5];
        family.SampleJoint(new Rng(31), x, y);
        var scores = new double[200_000];
        family.SampleNegativeLogRatios(new Rng(32), y, scores);
        Array.Sort(scores);
        foreach (double q in new[] { 0.5, 0.9, 0.999 })
        {
            double t = scores[(int)(q * scores.Length)];
            double p = 1 - q, se = Math.Sqrt(p * (1 - p) / scores.Length);
            Assert.InRange(family.NegativeTailProbability(t, y), p - 4 * se, p + 4 * se);
        }
        Assert.Equal(0, family.NegativeTailProbability(1e6, y));
    }
}
