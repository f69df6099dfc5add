using MutualInfo.Data;

namespace MutualInfo.Tests.Conditional;

/// <summary>The warning for an unmarked column with few distinct values speaks to library callers, not of CLI flags.</summary>
public class FewValuesWarningTests
{
    [Fact]
    public void NamesTheColumnAndTheRemedyWithoutAFlag()
    {
        double[] codes = [.. Enumerable.Range(0, 40).Select(i => (double)(i % 3))];
        double[] values = [.. Enumerable.Range(0, 40).Select(i => Math.Sin(i))];
        var s = new ConditionalSamples(CmiTestData.Column(codes, "grade"), CmiTestData.Column(values, "y"), ConditionalSamples.Block.Empty);
        var warning = Assert.Single(ConditionalMi.FewValuesWarnings(s));
        Assert.Contains("'grade' has only 3 distinct values", warning);
        Assert.EndsWith("mark it as discrete: grade", warning);
        Assert.DoesNotContain("--", warning);
    }

    [Fact]
    public void SaysNothingOfAColumnMarkedDiscrete()
    {
        double[] codes = [.. Enumerable.Range(0, 40).Select(i => (double)(i % 3))];
        double[] values = [.. Enumerable.Range(0, 40).Select(i => Math.Sin(i))];
        var s = new ConditionalSamples(CmiTestData.Column(codes, "grade", discrete: true), CmiTestData.Column(values, "y"), ConditionalSamples.Block.Empty);
        Assert.Empty(ConditionalMi.FewValuesWarnings(s));
    }
}
