using MutualInfo.Families;

namespace MutualInfo.Tests.Families;

public class FamilySpecTests
{
    [Theory]
    [InlineData("gaussian:dim=20,mi=10")]
    [InlineData("gaussian:dim=1,rho=0.8")]
    [InlineData("gaussian:dim=3,rho=-0.25")]
    [InlineData("multinormal:dense=0.5,dx=3,dy=3")]
    [InlineData("multinormal:sparse=2,rho=0.8,dx=5,dy=5")]
    [InlineData("multinormal:dx=1,cov=1/0.5;0.5/1")]
    [InlineData("student-t:dx=2,dy=2,dof=2")]
    [InlineData("uniform-additive:eps=0.1")]
    [InlineData("discrete:table=0.4/0.1;0.1/0.4")]
    [InlineData("gaussian:dim=2,rho=0.5+cubic")]
    [InlineData("gaussian:dim=2,rho=0.5+asinh:x")]
    [InlineData("gaussian:dim=1,rho=0.3+normal-cdf:x+half-cube:y")]
    [InlineData("uniform-additive:eps=0.3+normal-cdf")]
    public void CanonicalSpecsRoundTrip(string spec)
    {
        var family = FamilySpec.Parse(spec);
        Assert.Equal(spec, family.Name);
        Assert.Equal(spec, FamilySpec.Parse(family.Name).Name);
    }

    [Fact]
    public void EveryTestFamilyNameParsesBackToTheSameFamily()
    {
        foreach (string key in TestFamilies.Keys)
        {
            var family = TestFamilies.Get(key);
            var parsed = FamilySpec.Parse(family.Name);
            Assert.Equal(family.Name, parsed.Name);
            Assert.Equal(family.MutualInformation, parsed.MutualInformation, 12);
            Assert.Equal((family.DimX, family.DimY), (parsed.DimX, parsed.DimY));
        }
    }

    [Theory]
    [InlineData("gaussian:rho=0.8", "gaussian:dim=1,rho=0.8")]
    [InlineData(" gaussian: dim = 2 , mi = 1e+0 ", "gaussian:dim=2,mi=1")]
    [InlineData("multinormal:dx=3,dy=3,dense=0.5", "multinormal:dense=0.5,dx=3,dy=3")]
    [InlineData("discrete:table=0.25 0.25;0.25 0.25", "discrete:table=0.25/0.25;0.25/0.25")]
    [InlineData("multinormal:dx=1,dy=1,cov=2/0.5;0.5/1", "multinormal:dx=1,cov=2/0.5;0.5/1")]
    public void AlternativeSpellingsNormalise(string spec, string canonical) =>
        Assert.Equal(canonical, FamilySpec.Parse(spec).Name);

    [Fact]
    public void ParsedFamiliesHaveTheDocumentedValues()
    {
        Assert.Equal(0.5108, FamilySpec.Parse("gaussian:rho=0.8").MutualInformation, 4);
        Assert.Equal(10, FamilySpec.Parse("gaussian:dim=20,mi=10").MutualInformation, 12);
        Assert.Equal(0.4133, FamilySpec.Parse("multinormal:dense=0.5,dx=3,dy=3").MutualInformation, 4);
        Assert.Equal(0.1931, FamilySpec.Parse("student-t:dx=2,dy=2,dof=2").MutualInformation, 4);
        Assert.Equal(1.7094, FamilySpec.Parse("uniform-additive:eps=0.1").MutualInformation, 4);
        var transformed = Assert.IsType<TransformedFamily>(FamilySpec.Parse("gaussian:rho=0.8+cubic:y"));
        Assert.Null(transformed.XMap);
        Assert.Same(CoordinateMap.Cubic, transformed.YMap);
    }

    [Theory]
    [InlineData("", "empty specification")]
    [InlineData("gauss:rho=0.8", "unknown family 'gauss'; known families: gaussian, multinormal, student-t, uniform-additive, discrete")]
    [InlineData("gaussian:rho=0.8,sigma=2", "unknown key 'sigma' for gaussian; known keys: dim, rho, mi")]
    [InlineData("gaussian:dim=2", "gaussian needs exactly one of the keys rho and mi")]
    [InlineData("gaussian:rho=0.5,mi=1", "gaussian needs exactly one of the keys rho and mi")]
    [InlineData("student-t:dx=2,dy=2", "student-t needs the key 'dof'")]
    [InlineData("gaussian:rho=0,8", "expected key=value in gaussian, got '8'")]
    [InlineData("gaussian:rho=0.8x", "rho must be a number, got '0.8x'")]
    [InlineData("gaussian:dim=2.5,rho=0.1", "dim must be an integer, got '2.5'")]
    [InlineData("gaussian:rho=1.2", "rho must satisfy |rho| < 1, got 1.2")]
    [InlineData("gaussian:rho=-1", "rho must satisfy |rho| < 1, got -1")]
    [InlineData("gaussian:dim=0,rho=0.5", "dim must be a positive integer, got 0")]
    [InlineData("gaussian:dim=2,mi=-1", "mi must be a finite number >= 0, got -1")]
    [InlineData("gaussian:rho=0.5,rho=0.6", "key 'rho' is given twice in gaussian")]
    [InlineData("uniform-additive:eps=0", "eps must be a finite number > 0, got 0")]
    [InlineData("uniform-additive:eps=-0.1", "eps must be a finite number > 0, got -0.1")]
    [InlineData("student-t:dx=2,dy=2,dof=0", "dof must be a finite number > 0, got 0")]
    [InlineData("student-t:dx=0,dy=2,dof=1", "dx must be a positive integer, got 0")]
    [InlineData("multinormal:dense=0.5,dx=3", "multinormal needs the key 'dy'")]
    [InlineData("multinormal:dense=0.5,sparse=1,dx=3,dy=3", "multinormal needs exactly one of the keys dense, sparse and cov")]
    [InlineData("multinormal:dense=1,dx=3,dy=3", "dense must lie in (-0.2, 1) for dx + dy = 6, got 1")]
    [InlineData("multinormal:sparse=4,rho=0.5,dx=3,dy=3", "sparse must lie between 0 and min(dx, dy) = 3, got 4")]
    [InlineData("multinormal:dx=1,cov=1/2;2/1", "cov is not positive definite")]
    [InlineData("multinormal:dx=1,cov=1/0.5;0.4/1", "cov must be symmetric")]
    [InlineData("discrete:table=0.5/0.5;0.5/0.5", "table entries must sum to 1 (tolerance 1e-9), they sum to 2")]
    [InlineData("discrete:table=0.5/-0.1;0.3/0.3", "table entry (row 1, column 2) must be a finite number >= 0, got -0.1")]
    [InlineData("discrete:table=0.5/0.5;0/0", "table row 2 is all zero")]
    [InlineData("discrete:table=0.5/0.5;0.1", "bad table: row 2 has 1 entries but row 1 has 2")]
    [InlineData("discrete:table=0.5/0.5;", "bad table: row 2 is empty")]
    [InlineData("discrete:table=0.5/a;0.5/0", "bad table: entry 'a' (row 1, column 2) is not a number")]
    [InlineData("gaussian:rho=0.5+square", "unknown transform 'square'; known transforms: cubic, half-cube, asinh, normal-cdf")]
    [InlineData("gaussian:rho=0.5+cubic:z", "transform 'cubic' applies to x or y, got ':z'")]
    [InlineData("discrete:table=0.5/0;0/0.5+cubic", "transforms apply to continuous families only")]
    [InlineData("student-t:dx=1,dy=1,dof=3+normal-cdf", "normal-cdf needs a gaussian, multinormal with variances ≤ 1 or uniform-additive family")]
    [InlineData("gaussian:rho=0.5+cubic+normal-cdf:y", "normal-cdf needs a gaussian")]
    [InlineData("multinormal:dx=1,cov=4/1;1/4+normal-cdf", "normal-cdf needs a gaussian")]
    public void BadSpecsGiveOneLineMessages(string spec, string expected)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => FamilySpec.Parse(spec));
        Assert.Equal("family", e.ParamName);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
