namespace MutualInfo.Tests;

public class ArgumentMessagesTests
{
    [Fact]
    public void Rule_drops_the_parameter_suffix_and_the_actual_value_line()
    {
        Assert.Equal("must be at least 1", ArgumentMessages.RuleOf(new ArgumentException("must be at least 1", "k")));
        Assert.Equal("must be at least 1", ArgumentMessages.RuleOf(new ArgumentOutOfRangeException("k", 0, "must be at least 1")));
        Assert.Equal("no name", ArgumentMessages.RuleOf(new ArgumentException("no name")));
    }

    [Fact]
    public void Rename_keeps_the_rule_and_the_cause_under_the_new_name()
    {
        var inner = new ArgumentOutOfRangeException("dim", "dim must be a positive integer, got 0");
        var renamed = ArgumentMessages.Rename(inner, "family", "gaussian: ");
        Assert.Equal("family", renamed.ParamName);
        Assert.Equal("gaussian: dim must be a positive integer, got 0", ArgumentMessages.RuleOf(renamed));
        Assert.Same(inner, renamed.InnerException);
    }

    [Fact]
    public void Family_constructor_errors_surface_under_the_family_spec()
    {
        var e = Assert.Throws<ArgumentException>(() => MutualInfo.Families.FamilySpec.Parse("gaussian:dim=0,rho=0.5"));
        Assert.Equal("family", e.ParamName);
        Assert.Contains("dim must be a positive integer, got 0", e.Message);
        Assert.Equal("dim", Assert.IsType<ArgumentOutOfRangeException>(e.InnerException).ParamName);
    }
}
