using MutualInfo.Families;
using MutualInfo.Numerics;
using MutualInfo.Randomness;
using MutualInfo.Simulation;

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
    [InlineData(0.5, 0.95, 1.920729410347062)]
    [InlineData(1.0, 0.5, 0.6931471805599453)]
    [InlineData(9.5, 1e-12, 0)]
    [InlineData(9.5, 0.3, 0)]
    [InlineData(9.5, 1 - 1e-9, 0)]
    [InlineData(200.0, 0.01, 0)]
    [InlineData(0.5, 1e-20, 0)]
    public void Inverse_regularized_gamma_inverts_it(double a, double p, double known)
    {
        // χ²_1's 95% point is 3.841458820694124 = 2 · 1.9207…; Gamma(1) = Exp(1) has median ln 2. Elsewhere P(a, ·) must
        // come back to p, to P's own precision (its prefactor e^{−x + a ln x − ln Γ(a)} loses ~1e-13 at a = 200).
        double x = SpecialFunctions.InverseRegularizedGammaP(a, p);
        if (known != 0) Assert.Equal(known, x, 1e-13 * known);
        double slope = Math.Exp((a - 1) * Math.Log(x) - x - SpecialFunctions.LogGamma(a));
        Assert.Equal(p, SpecialFunctions.RegularizedGammaP(a, x), Math.Max(1e-12 * p, 4e-16 * slope * x) + 1e-16);
        Assert.Equal(0, SpecialFunctions.InverseRegularizedGammaP(a, 0));
    }

    [Fact]
    public void Stratified_positives_keep_the_mean_and_average_with_less_spread_than_independent_draws()
    {
        // The average of 64 draws for one y: over 2000 repetitions its mean is E[log r | y] (closed form) and its
        // variance is below a fifth of the independent draws' σ²/64 (the Latin hypercube removes most of it).
        IConditionalSamplingFamily family = GaussianFamily.FromMutualInformation(20, 15);
        var x = new double[20];
        var y = new double[20];
        family.SampleJoint(new Rng(41), x, y);
        double rho2 = 1 - Math.Exp(-2 * 15.0 / 20), yy = y.Sum(v => v * v);
        double expected = family.MutualInformation + 0.5 * rho2 * (yy - 20);
        var draws = new double[64];
        var averages = new double[2000];
        var rng = new Rng(42);
        var pooled = new List<double>();
        for (int i = 0; i < averages.Length; i++)
        {
            family.SamplePositiveLogRatios(rng, y, draws);
            averages[i] = draws.Average();
            pooled.AddRange(draws);
        }
        (double mean, double variance) = NegativeSamplerTests.MeanVariance(averages);
        (_, double drawVariance) = NegativeSamplerTests.MeanVariance(pooled.ToArray());
        Assert.True(Math.Abs(mean - expected) < 4 * Math.Sqrt(variance / averages.Length), $"mean {mean} vs {expected}");
        Assert.True(variance < 0.2 * drawVariance / draws.Length, $"variance of the average {variance} vs independent {drawVariance / draws.Length}");
    }

    [Theory]
    [InlineData(20, 15.0, 4095)]
    [InlineData(3, 1.0, 63)]
    public void Order_statistic_controls_have_mean_zero_given_the_family_s_exact_tail(int dim, double mi, int negatives)
    {
        // Each control over 4000 trials of n − 1 negatives (y drawn afresh) averages 0 within 4.5 SE; ℓ + γ and the first
        // gap have the spread of ln Exp(1) (π²/6) and of 1 − Exp(1) (1).
        IConditionalSamplingFamily family = GaussianFamily.FromMutualInformation(dim, mi);
        var x = new double[dim];
        var y = new double[dim];
        var rng = new Rng(51);
        var scores = new double[negatives];
        var yControls = new double[family.YControlCount];
        int count = OrderStatisticControls.Count(yControls.Length);
        var columns = Enumerable.Range(0, count).Select(_ => new double[4000]).ToArray();
        var controls = new double[count];
        var tails = new double[OrderStatisticControls.Gaps + 1];
        for (int i = 0; i < 4000; i++)
        {
            family.SampleJoint(rng, x, y);
            family.SampleNegativeLogRatios(rng, y, scores);
            family.WriteYControls(y, yControls);
            double[] top = scores.OrderByDescending(s => s).Take(tails.Length).ToArray();
            for (int j = 0; j < tails.Length; j++) tails[j] = family.NegativeTailProbability(top[j], y);
            OrderStatisticControls.Write(tails, negatives, yControls, controls);
            for (int c = 0; c < count; c++) columns[c][i] = controls[c];
        }
        foreach (double[] column in columns)
        {
            (double mean, double variance) = NegativeSamplerTests.MeanVariance(column);
            Assert.True(Math.Abs(mean) < 4.5 * Math.Sqrt(variance / column.Length), $"control mean {mean} ± {Math.Sqrt(variance / column.Length)}");
        }
        Assert.InRange(NegativeSamplerTests.MeanVariance(columns[0]).Variance, Math.PI * Math.PI / 6 * 0.9, Math.PI * Math.PI / 6 * 1.1);
        int firstGap = OrderStatisticControls.LogPowers * (1 + yControls.Length);
        Assert.InRange(NegativeSamplerTests.MeanVariance(columns[firstGap]).Variance, 0.9, 1.1);
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

    [Theory]
    [InlineData(20, 15.0, 0.0)]
    [InlineData(20, 15.0, 1.0)]
    [InlineData(20, 15.0, 3.0)]
    [InlineData(3, 1.0, 1.0)]
    [InlineData(1, 0.5, 0.1)]
    public void Negative_tail_probability_equals_the_noncentral_chi_square_mixture_term_by_term(int dim, double mi, double yScale)
    {
        // The recurrence against the Poisson mixture summed directly, one incomplete gamma function per term, at
        // thresholds from the bulk to far in the tail (P down to ~1e-30).
        var family = GaussianFamily.FromMutualInformation(dim, mi);
        double rho2 = 1 - Math.Exp(-2 * mi / dim), c = mi, a = -rho2 / (2 * (1 - rho2));
        var y = Enumerable.Repeat(yScale, dim).ToArray();
        double yy = yScale * yScale * dim, halfLambda = 0.5 * yy / rho2;
        foreach (double below in new[] { 0.5, 5, 20, 40 })
        {
            double ceiling = c + a * yy * (1 - 1 / rho2), t = ceiling - below;
            double x = 0.5 * (t - ceiling) / a, direct = 0;
            for (int j = 0; j < 400; j++)
            {
                double weight = halfLambda > 0 ? Math.Exp(-halfLambda + j * Math.Log(halfLambda) - SpecialFunctions.LogGamma(j + 1)) : (j == 0 ? 1 : 0);
                direct += weight * SpecialFunctions.RegularizedGammaP(0.5 * dim + j, x);
            }
            Assert.Equal(direct, ((IConditionalSamplingFamily)family).NegativeTailProbability(t, y), 1e-12 * direct);
        }
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
