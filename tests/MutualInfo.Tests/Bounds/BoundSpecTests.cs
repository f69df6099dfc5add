using MutualInfo.Bounds;

namespace MutualInfo.Tests.Bounds;

/// <summary>The <c>name:key=value</c> grammar, its round trips and every error message.</summary>
public sealed class BoundSpecTests
{
    [Fact]
    public void EveryKnownNameParsesToABoundOfThatName()
    {
        Assert.Equal(11, BoundSpec.Known.Count);
        foreach (string name in BoundSpec.Known)
        {
            var bound = BoundSpec.Parse(name);
            Assert.Equal(name, bound.Name);
            Assert.Equal(name, bound.Spec);
        }
    }

    [Theory]
    [InlineData("tuba:log_a=0.5", "tuba", "tuba(log a=0.5)")]
    [InlineData("smile:tau=10", "smile", "smile(τ=10)")]
    [InlineData("smile", "smile", "smile(τ=5)")]
    [InlineData("alpha-infonce:alpha=0.25", "alpha-infonce", "alpha-infonce(α=0.25)")]
    [InlineData("alpha-infonce:alpha=0.25:log_a=-1.5", "alpha-infonce", "alpha-infonce(α=0.25, log a=-1.5)")]
    [InlineData("alpha-infonce:log_a=2", "alpha-infonce", "alpha-infonce(α=0.5, log a=2)")]
    public void ParametersParseAndRoundTrip(string spec, string name, string label)
    {
        var bound = BoundSpec.Parse(spec);
        Assert.Equal(name, bound.Name);
        Assert.Equal(label, bound.Label);
        Assert.Equal(spec, bound.Spec);
        var again = BoundSpec.Parse(bound.Spec);
        Assert.Equal(bound.Label, again.Label);
        Assert.Equal(bound.OptimalCriticShift, again.OptimalCriticShift);
    }

    [Fact]
    public void ParsedParametersReachTheBound()
    {
        var alpha = Assert.IsType<AlphaInfoNceBound>(BoundSpec.Parse(" Alpha-InfoNCE : log_a = 0.125 : alpha = 1e-1 "));
        Assert.Equal(0.1, alpha.Alpha);
        Assert.Equal(0.125, alpha.LogBaseline);
        Assert.Equal(0.7, Assert.IsType<SmileBound>(BoundSpec.Parse("smile:tau=0.7")).Tau);
        Assert.Equal(-3.0, Assert.IsType<TubaBound>(BoundSpec.Parse("tuba:log_a=-3")).LogBaseline);
        Assert.Equal(0.1, Assert.IsType<AlphaInfoNceBound>(BoundSpec.Parse("alpha-infonce:alpha=0.1")).Alpha);
    }

    [Fact]
    public void ListsSplitOnCommasAndKeepOrder()
    {
        var bounds = BoundSpec.ParseList("infonce, smile:tau=5,alpha-infonce:alpha=0.5:log_a=0,nwj");
        Assert.Equal(["infonce", "smile", "alpha-infonce", "nwj"], bounds.Select(b => b.Name));
        Assert.Equal(5.0, Assert.IsType<SmileBound>(bounds[1]).Tau);
        Assert.Equal(["infonce", "nwj", "tuba", "dv", "mine", "smile", "js", "alpha-infonce", "loo-upper", "club", "mean-field"],
            BoundSpec.ParseList(string.Join(",", BoundSpec.Known)).Select(b => b.Name));
    }

    [Theory]
    [InlineData("bogus", "bounds: unknown bound 'bogus'; known: infonce, nwj, tuba, dv, mine, smile, js, alpha-infonce, loo-upper, club, mean-field")]
    [InlineData("smile:temperature=3", "bounds: smile: unknown parameter 'temperature'; known: tau")]
    [InlineData("alpha-infonce:tau=3", "bounds: alpha-infonce: unknown parameter 'tau'; known: alpha, log_a")]
    [InlineData("infonce:tau=3", "bounds: infonce takes no parameters, got 'tau'")]
    [InlineData("smile:tau=abc", "bounds: smile: tau must be a finite number, got 'abc'")]
    [InlineData("smile:tau=NaN", "bounds: smile: tau must be a finite number, got 'NaN'")]
    [InlineData("tuba:log_a=", "bounds: tuba: log_a must be a finite number, got ''")]
    [InlineData("smile:tau=0", "bounds: smile: tau must be > 0, got 0")]
    [InlineData("smile:tau=-2", "bounds: smile: tau must be > 0, got -2")]
    [InlineData("alpha-infonce:alpha=1.5", "bounds: alpha-infonce: alpha must lie in [0, 1], got 1.5")]
    [InlineData("alpha-infonce:alpha=-0.1", "bounds: alpha-infonce: alpha must lie in [0, 1], got -0.1")]
    [InlineData("smile:tau", "bounds: smile: expected key=value, got 'tau'")]
    [InlineData("smile:tau=1:tau=2", "bounds: smile: tau given twice")]
    [InlineData(":tau=1", "bounds: empty bound name in ':tau=1'")]
    public void BadSpecsRaiseOneLineUsageErrors(string spec, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => BoundSpec.Parse(spec));
        Assert.Equal(message, ErrorLine.Of(error));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("", "bounds: no bound given; known: infonce, nwj, tuba, dv, mine, smile, js, alpha-infonce, loo-upper, club, mean-field")]
    [InlineData("infonce,,nwj", "bounds: empty entry in 'infonce,,nwj'")]
    [InlineData("infonce,", "bounds: empty entry in 'infonce,'")]
    [InlineData("infonce,smile:tau=0", "bounds: smile: tau must be > 0, got 0")]
    public void BadListsRaiseUsageErrors(string specs, string message)
    {
        Assert.Equal(message, ErrorLine.Of(Assert.ThrowsAny<ArgumentException>(() => BoundSpec.ParseList(specs))));
    }

    [Fact]
    public void ConstructorsRejectOutOfRangeParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmileBound(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlphaInfoNceBound(1.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlphaInfoNceBound(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TubaBound(double.PositiveInfinity));
    }
}
