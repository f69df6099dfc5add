using MutualInfo.Cli.Bench;
using MutualInfo.Cli.Commands;

namespace MutualInfo.Cli.Tests;

/// <summary>The keys table of `mi bench --estimators` is total: no estimator silently accepts every key.</summary>
public class BenchEstimatorKeysTests
{
    [Fact]
    public void Every_catalog_estimator_has_its_keys_listed_and_nothing_else_is_listed() =>
        Assert.Equal(DataEstimatorCatalog.Names.Order(), BenchEstimatorParser.KeysByEstimator.Keys.Order());

    [Fact]
    public void An_estimator_missing_from_the_table_is_refused_rather_than_given_every_key()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BenchEstimatorParser.AllowedKeys("new-estimator"));
        Assert.Contains("KeysByEstimator", e.Message);
    }

    [Theory]
    [InlineData("infonce:k=5", "infonce")]
    [InlineData("gaussian:splits=3", "gaussian")]
    [InlineData("ksg-copula:variant=2", "ksg-copula")]
    public void A_key_that_does_not_apply_is_refused(string spec, string name)
    {
        var e = Assert.Throws<UsageException>(() => BenchEstimatorParser.Parse(spec, 1));
        Assert.Contains($"does not apply to {name}", e.Message);
    }
}
