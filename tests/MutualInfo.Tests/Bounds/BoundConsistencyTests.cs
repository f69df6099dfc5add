using CsCheck;
using MutualInfo.Bounds;

namespace MutualInfo.Tests.Bounds;

/// <summary>Relations between bounds and between the batch and single-positive forms.</summary>
public sealed class BoundConsistencyTests
{
    public static TheoryData<string> ColumnSeparableBounds =>
        ["infonce", "nwj", "tuba:log_a=0.4", "js", "loo-upper", "mean-field",
         "alpha-infonce", "alpha-infonce:alpha=1", "alpha-infonce:alpha=0", "alpha-infonce:alpha=0.8:log_a=2"];

    [Theory]
    [MemberData(nameof(ColumnSeparableBounds))]
    public void BatchIsTheMeanOfTheColumnsSingleForms(string spec)
    {
        var bound = BoundSpec.Parse(spec);
        ScoreGen.Matrix.Sample(m =>
        {
            double sum = 0;
            for (int j = 0; j < m.N; j++) sum += bound.EvaluateSingle(NaiveBounds.Column(m.Scores, m.N, j));
            ScoreGen.AssertClose(sum / m.N, bound.EvaluateBatch(m.Scores, m.N));
        }, iter: 100);
    }

    [Fact]
    public void InfoNceNeverExceedsLogN()
    {
        var infoNce = new InfoNceBound();
        ScoreGen.Matrix.Sample(m => Assert.True(infoNce.EvaluateBatch(m.Scores, m.N) <= Math.Log(m.N) + 1e-12));
        ScoreGen.Vector.Sample(v => Assert.True(infoNce.EvaluateSingle(v) <= Math.Log(v.Length) + 1e-12));
    }

    [Fact]
    public void InfoNceIsInvariantToAddingAFunctionOfYToEachColumn()
    {
        var infoNce = new InfoNceBound();
        var gen = from m in ScoreGen.Matrix
                  from shifts in Gen.Double[-600, 600].Array[m.N]
                  select (m.N, m.Scores, shifts);
        gen.Sample(t =>
        {
            var shifted = (double[])t.Scores.Clone();
            for (int i = 0; i < t.N; i++)
                for (int j = 0; j < t.N; j++) shifted[i * t.N + j] += t.shifts[j];
            ScoreGen.AssertClose(infoNce.EvaluateBatch(t.Scores, t.N), infoNce.EvaluateBatch(shifted, t.N));
        });
    }

    [Fact]
    public void JsReportsNwjOfTheScoresPlusOne()
    {
        var js = new JensenShannonBound();
        var nwj = new NwjBound();
        ScoreGen.Matrix.Sample(m =>
        {
            double[] plusOne = m.Scores.Select(s => s + 1).ToArray();
            ScoreGen.AssertClose(nwj.EvaluateBatch(plusOne, m.N), js.EvaluateBatch(m.Scores, m.N));
        });
        ScoreGen.Vector.Sample(v =>
            ScoreGen.AssertClose(nwj.EvaluateSingle(v.Select(s => s + 1).ToArray()), js.EvaluateSingle(v)));
    }

    [Fact]
    public void AlphaOneIsLeaveOneOutInfoNceWithBatchNMinusOne()
    {
        var alphaOne = new AlphaInfoNceBound(alpha: 1.0, logBaseline: 3.0);
        ScoreGen.Vector.Where(v => v.Length >= 3).Sample(v =>
            ScoreGen.AssertClose(NaiveBounds.LeaveOneOutInfoNce(v), alphaOne.EvaluateSingle(v)));
        ScoreGen.Matrix.Where(m => m.N >= 3).Sample(m =>
        {
            double sum = 0;
            for (int j = 0; j < m.N; j++) sum += NaiveBounds.LeaveOneOutInfoNce(NaiveBounds.Column(m.Scores, m.N, j));
            ScoreGen.AssertClose(sum / m.N, alphaOne.EvaluateBatch(m.Scores, m.N));
        });
    }

    [Fact]
    public void AlphaZeroIsTubaWithTheSameBaseline()
    {
        var gen = from m in ScoreGen.Matrix from logA in Gen.Double[-5, 5] select (m.N, m.Scores, logA);
        gen.Sample(t =>
        {
            var alphaZero = new AlphaInfoNceBound(alpha: 0.0, logBaseline: t.logA);
            var tuba = new TubaBound(t.logA);
            ScoreGen.AssertClose(tuba.EvaluateBatch(t.Scores, t.N), alphaZero.EvaluateBatch(t.Scores, t.N));
            var column = NaiveBounds.Column(t.Scores, t.N, 0);
            ScoreGen.AssertClose(tuba.EvaluateSingle(column), alphaZero.EvaluateSingle(column));
        });
    }

    [Fact]
    public void BaselineBoundsAreInvariantToShiftingScoresAndLogBaselineTogether()
    {
        var gen = from m in ScoreGen.Matrix
                  from alpha in Gen.Double[0, 1]
                  from positive in Gen.Bool
                  select (m.N, m.Scores, alpha, shift: positive ? 700.0 : -700.0);
        gen.Sample(t =>
        {
            double[] shifted = t.Scores.Select(s => s + t.shift).ToArray();
            foreach (var (plain, moved) in new (IBound, IBound)[]
                     {
                         (new TubaBound(0.5), new TubaBound(0.5 + t.shift)),
                         (new AlphaInfoNceBound(t.alpha, 0.5), new AlphaInfoNceBound(t.alpha, 0.5 + t.shift)),
                     })
            {
                ScoreGen.AssertClose(plain.EvaluateBatch(t.Scores, t.N), moved.EvaluateBatch(shifted, t.N), 1e-8);
                ScoreGen.AssertClose(plain.EvaluateSingle(t.Scores.AsSpan(0, t.N)), moved.EvaluateSingle(shifted.AsSpan(0, t.N)), 1e-8);
            }
        });
    }

    [Fact]
    public void MineHasTheValueOfDv()
    {
        // MINE differs from DV only in training; its value must be the DV formula on every evaluation path. The
        // reference is computed here, not by DonskerVaradhanBound (which MineBound calls), so a wrong delegation fails.
        var mine = new MineBound();
        double[] two = [0.3, -1.2, 2.5, 1.1];
        double expected = (0.3 + 1.1) / 2 - Math.Log((Math.Exp(-1.2) + Math.Exp(2.5)) / 2);
        Assert.Equal(expected, mine.EvaluateBatch(two, 2), 1e-14);
        ScoreGen.Matrix.Sample(m =>
        {
            ScoreGen.AssertClose(NaiveBounds.Dv(m.Scores, m.N), mine.EvaluateBatch(m.Scores, m.N));
            var positives = new double[m.N];
            var negatives = new double[m.N];
            for (int j = 0; j < m.N; j++)
            {
                positives[j] = m.Scores[j * m.N + j];
                negatives[j] = Math.Log(Enumerable.Range(0, m.N).Where(i => i != j).Sum(i => Math.Exp(m.Scores[i * m.N + j])));
            }
            ScoreGen.AssertClose(NaiveBounds.Dv(m.Scores, m.N), mine.EvaluateFromColumns(positives, negatives));
        }, iter: 100);
        ScoreGen.Vector.Sample(v =>
        {
            ScoreGen.AssertClose(NaiveBounds.Dv(v), mine.EvaluateSingle(v));
            double negatives = Math.Log(v.Skip(1).Sum(Math.Exp));
            ScoreGen.AssertClose(NaiveBounds.Dv(v), mine.EvaluateSingleFromSummary(v[0], negatives, v.Length));
        }, iter: 100);
    }
}
