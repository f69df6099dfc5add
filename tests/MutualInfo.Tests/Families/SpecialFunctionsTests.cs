using MutualInfo.Numerics;

namespace MutualInfo.Tests.Families;

public class SpecialFunctionsTests
{
    // Reference values from mpmath at 30 digits.
    [Theory]
    [InlineData(0.1, 2.252712651734205902)]
    [InlineData(0.5, 0.57236494292470008707)]
    [InlineData(1.0, 0.0)]
    [InlineData(1.5, -0.12078223763524522235)]
    [InlineData(2.5, 0.28468287047291915963)]
    [InlineData(3.0, 0.69314718055994530942)]
    [InlineData(7.5, 7.5343642367587329552)]
    [InlineData(10.0, 12.801827480081469611)]
    [InlineData(100.0, 359.13420536957539878)]
    [InlineData(1e-5, 11.512919692895825626)]
    [InlineData(171.5, 709.14316303092824227)]
    public void LogGammaMatchesReference(double x, double expected) =>
        AssertClose(expected, SpecialFunctions.LogGamma(x), 1e-13);

    [Theory]
    [InlineData(0.1, -10.423754940411076232)]
    [InlineData(0.5, -1.9635100260214234794)]
    [InlineData(1.0, -0.57721566490153286061)]
    [InlineData(2.5, 0.70315664064524318723)]
    [InlineData(7.3, 1.9178203356379860723)]
    [InlineData(10.0, 2.2517525890667211076)]
    [InlineData(100.0, 4.6001618527380874002)]
    public void DigammaMatchesReference(double x, double expected) =>
        AssertClose(expected, SpecialFunctions.Digamma(x), 1e-13);

    [Theory]
    [InlineData(-1.5, 1.9661051464753107271)]
    [InlineData(0.0, 1.0)]
    [InlineData(0.2, 0.77729741078952153382)]
    [InlineData(0.49, 0.48833173881147690867)]
    [InlineData(0.5, 0.47950012218695346232)]
    [InlineData(0.7, 0.32219880616258155772)]
    [InlineData(1.0, 0.15729920705028513066)]
    [InlineData(1.5, 0.033894853524689272933)]
    [InlineData(2.0, 0.0046777349810472658379)]
    [InlineData(3.0, 0.000022090496998585441373)]
    [InlineData(5.0, 1.5374597944280348502e-12)]
    [InlineData(10.0, 2.088487583762544757e-45)]
    [InlineData(26.0, 5.6631924088561428465e-296)]
    [InlineData(0.62, 0.38058853810127874285)]
    [InlineData(1.3, 0.06599205505934755415)]
    [InlineData(1.874, 0.008043551124215901376)]
    [InlineData(2.37, 0.00080321021637361866062)]
    [InlineData(2.9, 0.000041097878099458857996)]
    [InlineData(3.12, 0.000010225637666313562564)]
    [InlineData(3.13, 9.5779508254146711242e-6)]
    [InlineData(4.2, 2.8554941795921842402e-9)]
    public void ErfcMatchesReferenceInRelativeTerms(double x, double expected) =>
        AssertRelative(expected, SpecialFunctions.Erfc(x), 1e-14);

    [Theory]
    [InlineData(-37.0, 5.7255712225245768227e-300)]
    [InlineData(-20.0, 2.7536241186062336951e-89)]
    [InlineData(-8.0, 6.2209605742717841235e-16)]
    [InlineData(-1.96, 0.024997895148220436213)]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.84134474606854294859)]
    [InlineData(3.0, 0.99865010196836990547)]
    [InlineData(8.0, 0.9999999999999993779)]
    [InlineData(-4.4, 5.4125439077038509806e-6)]
    [InlineData(-4.6, 2.1124547025028533719e-6)]
    [InlineData(-6.0, 9.865876450376981407e-10)]
    [InlineData(-2.5, 0.006209665325776135167)]
    [InlineData(0.3, 0.61791142218895263307)]
    public void NormalCdfMatchesReference(double x, double expected) =>
        AssertRelative(expected, SpecialFunctions.NormalCdf(x), 1e-14);

    // Root of Φ(x) = p for the exact double value of p (mpmath, 50 digits).
    [Theory]
    [InlineData(1e-20, -9.2623400897984075796)]
    [InlineData(1e-5, -4.2648907939228246102)]
    [InlineData(0.01, -2.3263478740408410931)]
    [InlineData(0.02425, -1.9729610513118848376)]
    [InlineData(0.3, -0.52440051270804081597)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.9599639845400538556)]
    [InlineData(0.999999, 4.7534243088170877657)]
    public void NormalQuantileMatchesReference(double p, double expected) =>
        AssertClose(expected, SpecialFunctions.NormalQuantile(p), 1e-14);

    [Fact]
    public void NormalQuantileInvertsTheCdfDeepInTheLowerTail()
    {
        foreach (double p in new[] { 1e-300, 1e-200, 1e-100, 1e-50, 3e-10, 0.0242, 0.4 })
            AssertRelative(p, SpecialFunctions.NormalCdf(SpecialFunctions.NormalQuantile(p)), 1e-13);
    }

    [Fact]
    public void NormalQuantileHasInfiniteEnds()
    {
        Assert.Equal(double.NegativeInfinity, SpecialFunctions.NormalQuantile(0));
        Assert.Equal(double.PositiveInfinity, SpecialFunctions.NormalQuantile(1));
    }

    [Fact]
    public void ErfIsOddAndComplementsErfc()
    {
        foreach (double x in new[] { 0.1, 0.45, 0.8, 2.2 })
        {
            Assert.Equal(-SpecialFunctions.Erf(x), SpecialFunctions.Erf(-x), 15);
            Assert.Equal(1.0, SpecialFunctions.Erf(x) + SpecialFunctions.Erfc(x), 14);
        }
    }

    [Theory]
    [InlineData(1e-20, 1e-20)]
    [InlineData(-3e-9, -2.99999999549999998454962e-9)]
    [InlineData(0.5, 0.64872127070012814685)]
    [InlineData(-2.0, -0.86466471676338730811)]
    public void ExpM1MatchesReference(double x, double expected) =>
        AssertRelative(expected, SpecialFunctions.ExpM1(x), 1e-14);

    [Theory]
    [InlineData(1e-20, 1e-20)]
    [InlineData(-3e-9, -3.00000000449999998904962e-9)]
    [InlineData(0.5, 0.40546510810816438198)]
    [InlineData(-0.36, -0.44628710262841949072)]
    public void Log1PMatchesReference(double x, double expected) =>
        AssertRelative(expected, SpecialFunctions.Log1P(x), 1e-14);

    private static void AssertClose(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R}");

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
