using MutualInfo.Cli.Bench;
using MutualInfo.Estimators;

namespace MutualInfo.Cli.Tests;

public class BenchEstimatorParserTests
{
    [Theory]
    [InlineData(new[] { "ksg,gaussian" }, new[] { "ksg", "gaussian" })]
    [InlineData(new[] { "ksg:k=5,variant=2,gaussian" }, new[] { "ksg:k=5,variant=2", "gaussian" })]
    [InlineData(new[] { "ksg:k=5", "ksg2:splits=0,tie-noise=0", "gaussian:resamples=4" }, new[] { "ksg:k=5", "ksg2:splits=0,tie-noise=0", "gaussian:resamples=4" })]
    public void Lists_split_on_commas_that_do_not_continue_a_spec(string[] values, string[] expected) =>
        Assert.Equal(expected, BenchLists.Specs(values));

    [Theory]
    [InlineData("ksg", "ksg", "ksg", 3)]
    [InlineData(" KSG:variant=2 , k=05", "ksg:k=5,variant=2", "ksg2", 5)]
    [InlineData("ksg2:splits=0,k=1", "ksg2:k=1,splits=0", "ksg2", 1)]
    [InlineData("ksg:search=BruteForce", "ksg:search=bruteforce", "ksg", 3)]
    public void Ksg_specs_configure_the_estimator_and_have_a_canonical_label(string spec, string canonical, string name, int k)
    {
        var parsed = BenchEstimatorParser.Parse(spec, threads: 1);
        Assert.Equal(canonical, parsed.Spec);
        var ksg = Assert.IsType<KsgEstimator>(parsed.Estimator);
        Assert.Equal(name, ksg.Name);
        Assert.Equal(k, ksg.Options.K);
        Assert.Equal(spec.Contains("splits=0") ? 0 : BenchEstimatorParser.DefaultSplits, ksg.Options.Splits);
    }

    [Fact]
    public void Ksg_copula_spec_configures_its_inner_ksg()
    {
        var parsed = BenchEstimatorParser.Parse("ksg-copula:k=5,bias-allowance=0", threads: 1);
        Assert.Equal("ksg-copula:bias-allowance=0,k=5", parsed.Spec);
        var copula = Assert.IsType<CopulaKsgEstimator>(parsed.Estimator);
        Assert.Equal(5, copula.Options.Ksg.K);
        Assert.Equal(BenchEstimatorParser.DefaultSplits, copula.Options.Ksg.Splits);
        Assert.Equal(0, copula.Options.ResidualBiasAllowance);
        Assert.Equal(CopulaKsgOptions.DefaultSurrogates, copula.Options.Surrogates);
    }

    [Fact]
    public void Gaussian_spec_sets_resamples()
    {
        var parsed = BenchEstimatorParser.Parse("gaussian:resamples=7", threads: 1);
        Assert.Equal("gaussian:resamples=7", parsed.Spec);
        Assert.Equal("gaussian", parsed.Estimator.Name);
    }

    [Theory]
    [InlineData("ksg-copula", true)]
    [InlineData("ksg-copula:lower-bound=1", true)]
    [InlineData("ksg-copula:lower-bound=0", false)]
    public void Ksg_copula_consults_the_neural_lower_bound_unless_told_not_to(string spec, bool consults)
    {
        var parsed = BenchEstimatorParser.Parse(spec, threads: 1);
        var estimator = Assert.IsType<global::MutualInfo.Estimators.CopulaKsgEstimator>(parsed.Estimator);
        Assert.Equal(consults, estimator.Options.HeldOutLowerBound is global::MutualInfo.Neural.Estimation.NeuralEstimator);
        if (consults) Assert.True(((global::MutualInfo.Neural.Estimation.NeuralEstimator)estimator.Options.HeldOutLowerBound!).Options.CrossSelection);
    }

    [Theory]
    [InlineData("nope", "--estimators: unknown estimator 'nope'")]
    [InlineData("ksg:k", "--estimators: expected key=value, got 'k'")]
    [InlineData("ksg:k=x", "--estimators: k must be an integer, got 'x'")]
    [InlineData("ksg:k=3,k=4", "--estimators: key 'k' given twice")]
    [InlineData("ksg:variant=3", "--estimators: variant must be 1 or 2")]
    [InlineData("ksg2:variant=2", "--estimators: key 'variant' does not apply to ksg2")]
    [InlineData("ksg:search=fast", "--estimators: search must be one of")]
    [InlineData("ksg:splits=1", "--estimators: 'ksg:splits=1': --splits: must be 0 (no CI) or at least 2")]
    [InlineData("ksg-copula:variant=2", "--estimators: key 'variant' does not apply to ksg-copula")]
    [InlineData("ksg-copula:resamples=9", "--estimators: key 'resamples' does not apply to ksg-copula")]
    [InlineData("ksg-copula:lower-bound=2", "--estimators: lower-bound must be 0 or 1, got 2")]
    [InlineData("ksg:lower-bound=0", "--estimators: key 'lower-bound' does not apply to ksg")]
    public void Bad_specs_are_one_line_usage_errors(string spec, string expected)
    {
        var e = Assert.Throws<UsageException>(() => BenchEstimatorParser.Parse(spec, threads: 1));
        Assert.StartsWith(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
