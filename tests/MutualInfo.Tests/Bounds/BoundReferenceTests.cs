using CsCheck;
using MutualInfo.Bounds;

namespace MutualInfo.Tests.Bounds;

/// <summary>Every bound against the plain-loop reference in <see cref="NaiveBounds"/>, on random scores.</summary>
public sealed class BoundReferenceTests
{
    public static TheoryData<string> BatchBounds =>
        ["infonce", "nwj", "tuba", "tuba:log_a=1.5", "tuba:log_a=-2", "dv", "mine", "smile", "smile:tau=0.7",
         "js", "alpha-infonce", "alpha-infonce:alpha=0:log_a=0.3", "alpha-infonce:alpha=1", "alpha-infonce:alpha=0.2:log_a=-1",
         "loo-upper", "club", "mean-field"];

    [Theory]
    [MemberData(nameof(BatchBounds))]
    public void BatchMatchesReference(string spec)
    {
        var bound = BoundSpec.Parse(spec);
        ScoreGen.Matrix.Sample(m =>
            ScoreGen.AssertClose(NaiveBounds.ForBatch(bound, m.Scores, m.N), bound.EvaluateBatch(m.Scores, m.N)), iter: 100);
    }

    [Theory]
    [MemberData(nameof(BatchBounds))]
    public void SingleMatchesReference(string spec)
    {
        var bound = BoundSpec.Parse(spec);
        ScoreGen.Vector.Sample(v => ScoreGen.AssertClose(NaiveBounds.ForSingle(bound, v), bound.EvaluateSingle(v)), iter: 100);
    }

    [Theory]
    [MemberData(nameof(BatchBounds))]
    public void ZeroDensityNegativesGiveTheLimitingValue(string spec)
    {
        var bound = BoundSpec.Parse(spec);
        // The plain formula is 0/0 only for α = 1 with every negative −∞; that limit has its own test.
        if (bound is AlphaInfoNceBound { Alpha: 1.0 }) return;
        ScoreGen.MatrixWithZeroDensities.Sample(m =>
            ScoreGen.AssertClose(NaiveBounds.ForBatch(bound, m.Scores, m.N), bound.EvaluateBatch(m.Scores, m.N)), iter: 100);
    }

    [Fact]
    public void JsTrainingObjectiveMatchesReference()
    {
        ScoreGen.Matrix.Sample(m =>
            ScoreGen.AssertClose(NaiveBounds.JsObjective(m.Scores, m.N), JensenShannonBound.TrainingObjective(m.Scores, m.N)), iter: 100);
    }

    [Fact]
    public void JsTrainingObjectiveSingleIsTheColumnTerm()
    {
        ScoreGen.Vector.Sample(v =>
        {
            double expected = -Math.Log(1 + Math.Exp(-v[0])) - v.Skip(1).Sum(x => Math.Log(1 + Math.Exp(x))) / (v.Length - 1);
            ScoreGen.AssertClose(expected, JensenShannonBound.TrainingObjectiveSingle(v));
        }, iter: 100);
    }

    [Fact]
    public void OptimalCriticShiftsAreTheKnownOnes()
    {
        Assert.Equal(1.0, BoundSpec.Parse("nwj").OptimalCriticShift);
        Assert.Equal(0.75, BoundSpec.Parse("tuba:log_a=0.75").OptimalCriticShift);
        foreach (string name in new[] { "infonce", "dv", "mine", "smile", "js", "alpha-infonce", "loo-upper", "mean-field" })
            Assert.Equal(0.0, BoundSpec.Parse(name).OptimalCriticShift);
    }
}
