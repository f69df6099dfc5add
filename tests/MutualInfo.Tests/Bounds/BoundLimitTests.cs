using CsCheck;
using MutualInfo.Bounds;

namespace MutualInfo.Tests.Bounds;

/// <summary>Zero densities (−∞ scores), huge scores and long inputs: exact limiting values, never NaN.</summary>
public sealed class BoundLimitTests
{
    public static TheoryData<string> AllBounds =>
        ["infonce", "nwj", "tuba", "tuba:log_a=2", "dv", "mine", "smile", "smile:tau=2", "js",
         "alpha-infonce", "alpha-infonce:alpha=1", "alpha-infonce:alpha=0", "alpha-infonce:alpha=0.3:log_a=-1",
         "loo-upper", "mean-field"];

    private static double[] Diagonal(int n, double[] positives, double offDiagonal)
    {
        var s = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) s[i * n + j] = i == j ? positives[i] : offDiagonal;
        return s;
    }

    /// <summary>The value when every negative has zero density (−∞ score), derived by hand per bound.</summary>
    private static double WithoutNegatives(IBound bound, double[] positives)
    {
        int n = positives.Length;
        double mean = positives.Average();
        return bound switch
        {
            InfoNceBound => Math.Log(n),
            NwjBound => mean,
            TubaBound t => 1 + mean - t.LogBaseline,
            JensenShannonBound => 1 + mean,
            DonskerVaradhanBound or MineBound or LeaveOneOutUpperBound => double.PositiveInfinity,
            SmileBound b => mean + b.Tau,
            MeanFieldBound => Math.Log(n) + positives.Average(p => p - Math.Log(Math.Exp(p) + n - 1)),
            // Every leave-one-out set keeps only the positive; at α = 1 the marginal ratio stays 1, otherwise it is 0.
            AlphaInfoNceBound { Alpha: 1.0 } => Math.Log(n - 1),
            AlphaInfoNceBound a => 1 + positives.Average(p =>
                p - Math.Log(a.Alpha * Math.Exp(p) / (n - 1) + (1 - a.Alpha) * Math.Exp(a.LogBaseline))),
            _ => throw new ArgumentException(bound.Name),
        };
    }

    [Theory]
    [MemberData(nameof(AllBounds))]
    public void NegativesWithZeroDensityGiveTheExactLimit(string spec)
    {
        var bound = BoundSpec.Parse(spec);
        double[] positives = [0.3, -1.2, 2.5, 0.0, 4.1];
        int n = positives.Length;
        ScoreGen.AssertClose(WithoutNegatives(bound, positives), bound.EvaluateBatch(Diagonal(n, positives, double.NegativeInfinity), n));
        double[] single = [positives[2], .. Enumerable.Repeat(double.NegativeInfinity, n - 1)];
        // A constant positive makes the batch formula the single one (every average is over equal terms).
        ScoreGen.AssertClose(WithoutNegatives(bound, Enumerable.Repeat(positives[2], n).ToArray()), bound.EvaluateSingle(single));
    }

    [Theory]
    [MemberData(nameof(AllBounds))]
    public void APositiveWithZeroDensityMakesTheValueMinusInfinity(string spec)
    {
        var bound = BoundSpec.Parse(spec);
        double[] positives = [0.3, double.NegativeInfinity, 2.5];
        Assert.Equal(double.NegativeInfinity, bound.EvaluateBatch(Diagonal(3, positives, -0.5), 3));
        Assert.Equal(double.NegativeInfinity, bound.EvaluateBatch(Diagonal(3, positives, double.NegativeInfinity), 3));
        Assert.Equal(double.NegativeInfinity, bound.EvaluateBatch(Enumerable.Repeat(double.NegativeInfinity, 9).ToArray(), 3));
        Assert.Equal(double.NegativeInfinity, bound.EvaluateSingle([double.NegativeInfinity, 1.0, -2.0]));
        Assert.Equal(double.NegativeInfinity, bound.EvaluateSingle([double.NegativeInfinity, double.NegativeInfinity]));
    }

    [Theory]
    [MemberData(nameof(AllBounds))]
    public void ScoresNearPlusMinus700MatchTheReference(string spec)
    {
        // e^700 ≈ 1e304: forty of them still fit in a double, so the plain reference remains valid here.
        var bound = BoundSpec.Parse(spec);
        var gen = from n in Gen.Int[2, 40] from s in Gen.Double[-700, 700].Array[n * n] select (n, s);
        gen.Sample(t => ScoreGen.AssertClose(NaiveBounds.ForBatch(bound, t.s, t.n), bound.EvaluateBatch(t.s, t.n)), iter: 60);
    }

    [Theory]
    [InlineData(700.0)]
    [InlineData(-700.0)]
    [InlineData(5000.0)]
    [InlineData(-5000.0)]
    public void ConstantScoresGiveTheClosedFormValue(double c)
    {
        const int n = 6;
        double[] s = Enumerable.Repeat(c, n * n).ToArray();
        double[] v = Enumerable.Repeat(c, n).ToArray();
        foreach (IBound bound in new IBound[] { new InfoNceBound(), new DonskerVaradhanBound(), new LeaveOneOutUpperBound() })
        {
            ScoreGen.AssertClose(0.0, bound.EvaluateBatch(s, n));
            ScoreGen.AssertClose(0.0, bound.EvaluateSingle(v));
        }
        ScoreGen.AssertClose(c - 5.0 * Math.Sign(c), new SmileBound().EvaluateBatch(s, n));
        double meanField = Math.Log(n) + c - Math.Max(c, Math.Log(n - 1)) - Math.Log(1 + Math.Exp(-Math.Abs(c - Math.Log(n - 1))));
        ScoreGen.AssertClose(meanField, new MeanFieldBound().EvaluateBatch(s, n));
        // α = 1: every leave-one-out InfoNCE term is log(n−1) + c − (c + log(n−1)) = 0, the marginal ratio is 1.
        ScoreGen.AssertClose(0.0, new AlphaInfoNceBound(1.0).EvaluateBatch(s, n));
        double nwj = c - Math.Exp(c - 1);
        ScoreGen.AssertClose(nwj, new NwjBound().EvaluateBatch(s, n));
        Assert.False(double.IsNaN(new AlphaInfoNceBound(0.5).EvaluateBatch(s, n)));
    }

    [Fact]
    public void AlphaInfoNceAt700IsTheHandDerivedValue()
    {
        const int n = 5;
        // Each leave-one-out set holds n − 1 equal terms, so its mean is e^{700}:
        // joint = 700 − log(½e^{700} + ½) = log 2, marginal = e^{700}/(½e^{700} + ½) = 2 in double precision.
        double[] s = Enumerable.Repeat(700.0, n * n).ToArray();
        ScoreGen.AssertClose(1 + Math.Log(2) - 2, new AlphaInfoNceBound(0.5).EvaluateBatch(s, n));
        double[] low = Enumerable.Repeat(-700.0, n * n).ToArray();
        ScoreGen.AssertClose(1 - 700 + Math.Log(2), new AlphaInfoNceBound(0.5).EvaluateBatch(low, n));
    }

    [Theory]
    [MemberData(nameof(AllBounds))]
    public void LongInputsCrossingChunkBoundariesMatchTheReference(string spec)
    {
        var bound = BoundSpec.Parse(spec);
        var rng = new MutualInfo.Randomness.Rng(20261129);
        double[] v = new double[1537];
        for (int i = 0; i < v.Length; i++) v[i] = 3 * rng.NextGaussian();
        v[1100] = 25; // the column maximum, a negative, sits in the third chunk
        ScoreGen.AssertClose(NaiveBounds.ForSingle(bound, v), bound.EvaluateSingle(v));
        const int n = 130;
        double[] s = new double[n * n];
        for (int i = 0; i < s.Length; i++) s[i] = 3 * rng.NextGaussian();
        ScoreGen.AssertClose(NaiveBounds.ForBatch(bound, s, n), bound.EvaluateBatch(s, n));
    }

    [Fact]
    public void ADominantNegativeIsLeftOutExactly()
    {
        // One negative outweighs the rest by e^{40}: log(e^L − e^{s_m}) by subtraction would lose every other term.
        double[] v = [0.0, 40.0, -1.0, 0.5, -3.0];
        foreach (double alpha in new[] { 0.25, 1.0 })
        {
            var bound = new AlphaInfoNceBound(alpha);
            ScoreGen.AssertClose(NaiveBounds.AlphaInfoNce(v, alpha, 0.0), bound.EvaluateSingle(v), 1e-12);
        }
        ScoreGen.AssertClose(NaiveBounds.LeaveOneOutInfoNce(v), new AlphaInfoNceBound(1.0).EvaluateSingle(v), 1e-12);
    }

    [Fact]
    public void ANegativeFarAboveEverythingElseIsLeftOutExactly()
    {
        // e^{−1000} underflows: the others must be summed around their own maximum, not around the top score.
        double[] v = [0.0, 1000.0, -1.0];
        double dropTop = Math.Log(0.5 * (1 + Math.Exp(-1)) / 2 + 0.5);
        double dropOther = 1000 + Math.Log(0.25);
        double expected = 1 + (0.0 - (dropTop + dropOther) / 2) - 2.0;
        ScoreGen.AssertClose(expected, new AlphaInfoNceBound(0.5).EvaluateSingle(v), 1e-12);
        double looInfoNce = ((Math.Log(2) - Math.Log(1 + Math.Exp(-1))) + (Math.Log(2) - 1000)) / 2;
        ScoreGen.AssertClose(looInfoNce, new AlphaInfoNceBound(1.0).EvaluateSingle(v), 1e-12);

        // The same column inside a batch (column 0), next to ordinary columns.
        double[] s = [0.0, 0.3, -0.2,
                      1000.0, 1.1, 0.4,
                      -1.0, -0.7, 2.0];
        foreach (double alpha in new[] { 0.5, 1.0 })
        {
            var bound = new AlphaInfoNceBound(alpha);
            double mean = Enumerable.Range(0, 3).Average(j => bound.EvaluateSingle(NaiveBounds.Column(s, 3, j)));
            ScoreGen.AssertClose(mean, bound.EvaluateBatch(s, 3), 1e-12);
        }
        ScoreGen.AssertClose((expected + new AlphaInfoNceBound(0.5).EvaluateSingle([1.1, 0.3, -0.7])
                              + new AlphaInfoNceBound(0.5).EvaluateSingle([2.0, -0.2, 0.4])) / 3,
            new AlphaInfoNceBound(0.5).EvaluateBatch(s, 3), 1e-12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void IllegalScoresAreRejected(double bad)
    {
        // mean-field reads only the positives, so an illegal negative never reaches it.
        foreach (string name in BoundSpec.Known.Where(name => name != "mean-field"))
        {
            var bound = BoundSpec.Parse(name);
            double[] s = [1, 0, bad, 1];
            Assert.Throws<ArgumentException>(() => bound.EvaluateBatch(s, 2));
            Assert.Throws<ArgumentException>(() => bound.EvaluateSingle([1, bad]));
        }
    }

    [Fact]
    public void ShapeErrorsAreRejected()
    {
        var bound = new InfoNceBound();
        Assert.Throws<ArgumentException>(() => bound.EvaluateBatch(new double[5], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => bound.EvaluateBatch(new double[1], 1));
        Assert.Throws<ArgumentException>(() => bound.EvaluateSingle([1.0]));
    }
}
