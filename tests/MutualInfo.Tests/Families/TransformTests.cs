using MutualInfo.Families;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Families;

public class TransformTests
{
    public static TheoryData<string> MapNames() => new(CoordinateMap.All.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(MapNames))]
    public void MapsAreIncreasingAndInvertible(string name)
    {
        var map = CoordinateMap.Find(name)!;
        double previous = double.NegativeInfinity;
        for (double t = -6; t <= 6; t += 0.37)
        {
            double s = map.Forward(t);
            Assert.True(s > previous, $"{name} not increasing at {t}");
            previous = s;
            Assert.True(Math.Abs(map.Inverse(s) - t) <= 1e-12 * Math.Max(1, Math.Abs(t)) + RoundingOfTheImage(map, t),
                $"{name}: inverse({s}) = {map.Inverse(s)} ≠ {t}");
        }
    }

    // Φ(t) near 1 is stored with absolute spacing 2.2e-16, which the inverse turns into 2.2e-16/φ(t) in t.
    private static double RoundingOfTheImage(CoordinateMap map, double t) =>
        map == CoordinateMap.NormalCdf && t > 0 ? 4.5e-16 * Math.Sqrt(2 * Math.PI) * Math.Exp(t * t / 2) : 0;

    [Theory]
    [MemberData(nameof(MapNames))]
    public void LogRatioIsUnchangedAtMappedPoints(string name)
    {
        var map = CoordinateMap.Find(name)!;
        // Student-t's heavy tail passes Φ's upper-tail resolution (t > 8.3 maps to exactly 1), so it is paired with
        // the unbounded-range maps only.
        IKnownMiFamily[] inners = map == CoordinateMap.NormalCdf || map == CoordinateMap.BimodalX || map == CoordinateMap.BimodalY
            ? [new GaussianFamily(3, 0.6), new UniformAdditiveFamily(0.3)]
            : [new GaussianFamily(3, 0.6), new StudentTFamily(2, 1, 3), new UniformAdditiveFamily(0.3)];
        foreach (var inner in inners)
        {
            var transformed = new TransformedFamily(inner, map, map);
            var rng = new Rng(31);
            var x = new double[7 * inner.DimX];
            var y = new double[7 * inner.DimY];
            inner.SampleJoint(rng, x, y);
            var expected = new double[49];
            inner.LogRatioMatrix(x, y, expected);
            var actual = new double[49];
            transformed.LogRatioMatrix(x.Select(map.Forward).ToArray(), y.Select(map.Forward).ToArray(), actual);
            for (int k = 0; k < 49; k++) LogRatioMatrixTests.AssertSame(expected[k], actual[k], $"{inner.Name}+{name} #{k}");
        }
    }

    [Fact]
    public void SamplesAreTheInnerSamplesMapped()
    {
        var inner = new GaussianFamily(2, 0.5);
        var family = new TransformedFamily(inner, CoordinateMap.HalfCube, null);
        var (x0, y0) = (new double[10], new double[10]);
        inner.SampleJoint(new Rng(3), x0, y0);
        var (x1, y1) = (new double[10], new double[10]);
        family.SampleJoint(new Rng(3), x1, y1);
        for (int k = 0; k < 10; k++)
        {
            Assert.Equal(CoordinateMap.HalfCube.Forward(x0[k]), x1[k]);
            Assert.Equal(y0[k], y1[k]);
        }
    }

    [Fact]
    public void DiscreteFamiliesCannotBeTransformed()
    {
        var discrete = new DiscreteFamily(new[,] { { 0.5, 0.0 }, { 0.0, 0.5 } });
        var e = Assert.ThrowsAny<ArgumentException>(() => new TransformedFamily(discrete, CoordinateMap.Cubic, null));
        Assert.Contains("continuous", e.Message);
    }
}
