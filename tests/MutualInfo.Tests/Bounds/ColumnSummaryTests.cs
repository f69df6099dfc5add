using CsCheck;
using MutualInfo.Bounds;

namespace MutualInfo.Tests.Bounds;

/// <summary>The column-summary form of a bound equals its batch form on the matrix the summary came from.</summary>
public sealed class ColumnSummaryTests
{
    public static TheoryData<string> SummaryBounds =>
        ["infonce", "nwj", "tuba:log_a=0.4", "dv", "mine", "js", "loo-upper", "mean-field"];

    [Theory]
    [MemberData(nameof(SummaryBounds))]
    public void FromColumnsEqualsTheBatchValue(string spec)
    {
        var bound = (IColumnSummaryBound)BoundSpec.Parse(spec);
        ScoreGen.MatrixWithZeroDensities.Sample(m =>
        {
            (double[] positives, double[] negatives) = NaiveSummary(m.Scores, m.N);
            ScoreGen.AssertClose(bound.EvaluateBatch(m.Scores, m.N), bound.EvaluateFromColumns(positives, negatives));
        }, iter: 100);
    }

    [Theory]
    [MemberData(nameof(SummaryBounds))]
    public void SingleFromSummaryMatchesTheNaiveSingleForm(string spec)
    {
        var bound = (IColumnSummaryBound)BoundSpec.Parse(spec);
        ScoreGen.Vector.Sample(v =>
        {
            double max = v.Skip(1).Max();
            double logSumExp = max == double.NegativeInfinity ? max : max + Math.Log(v.Skip(1).Sum(s => Math.Exp(s - max)));
            ScoreGen.AssertClose(NaiveBounds.ForSingle(bound, v), bound.EvaluateSingleFromSummary(v[0], logSumExp, v.Length));
        }, iter: 100);
    }

    [Theory]
    [InlineData("smile")]
    [InlineData("alpha-infonce")]
    public void BoundsThatNeedEveryPairDoNotClaimTheSummaryForm(string spec) =>
        Assert.IsNotAssignableFrom<IColumnSummaryBound>(BoundSpec.Parse(spec));

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        var infoNce = new InfoNceBound();
        Assert.Throws<ArgumentException>(() => infoNce.EvaluateFromColumns([0.0, 1.0], [0.0]));
        Assert.Throws<ArgumentException>(() => infoNce.EvaluateFromColumns([0.0], [0.0]));
    }

    /// <summary>Plain loops: the diagonal and log Σ_{i≠j} e^{S[i,j]} per column.</summary>
    private static (double[] Positives, double[] Negatives) NaiveSummary(double[] scores, int n)
    {
        var positives = new double[n];
        var negatives = new double[n];
        for (int j = 0; j < n; j++)
        {
            positives[j] = scores[j * n + j];
            double max = double.NegativeInfinity;
            for (int i = 0; i < n; i++) if (i != j) max = Math.Max(max, scores[i * n + j]);
            double sum = 0;
            if (max > double.NegativeInfinity)
                for (int i = 0; i < n; i++) if (i != j) sum += Math.Exp(scores[i * n + j] - max);
            negatives[j] = max == double.NegativeInfinity ? double.NegativeInfinity : max + Math.Log(sum);
        }
        return (positives, negatives);
    }
}
