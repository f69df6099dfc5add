using MutualInfo.Bounds;
using MutualInfo.Neural.Estimation;
using MutualInfo.Randomness;

namespace MutualInfo.Neural.Tests;

/// <summary>
/// Cross-selection keeps, for each half of the held-out rows, the other half's value at the step that half found
/// best: checked against a direct computation on random score matrices, and its point against plain early stopping.
/// </summary>
public sealed class CrossSelectionTests
{
    private static double[] Block(double[] scores, int n, int start, int size)
    {
        var block = new double[size * size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++) block[i * size + j] = scores[(start + i) * n + start + j];
        return block;
    }

    [Theory]
    [InlineData(9, 5, 1UL)]
    [InlineData(12, 8, 2UL)]
    public void KeepsTheOtherHalfsValueAtEachHalfsBestStep(int n, int evaluations, ulong seed)
    {
        var bound = new InfoNceBound();
        var rng = new Rng(seed);
        var steps = new List<double[]>();
        var selection = new CrossSelection(n, bound);
        for (int t = 0; t < evaluations; t++)
        {
            var scores = new double[n * n];
            rng.FillGaussian(scores);
            for (int i = 0; i < n; i++) scores[i * n + i] += t % 3;   // the diagonal's lift varies by step
            steps.Add(scores);
            selection.Offer(scores);
        }
        int half = n / 2, rest = n - half;
        int bestA = Enumerable.Range(0, evaluations).MaxBy(t => bound.EvaluateBatch(Block(steps[t], n, 0, half), half));
        int bestB = Enumerable.Range(0, evaluations).MaxBy(t => bound.EvaluateBatch(Block(steps[t], n, half, rest), rest));
        double expected = 0.5 * (bound.EvaluateBatch(Block(steps[bestA], n, half, rest), rest) + bound.EvaluateBatch(Block(steps[bestB], n, 0, half), half));
        var (mi, se) = selection.Estimate(NeuralObjectiveKind.InfoNce, 0);
        Assert.Equal(expected, mi, 12);
        double seA = Sd(HeldOutScores.ColumnTerms(Block(steps[bestB], n, 0, half), half, NeuralObjectiveKind.InfoNce, 0));
        double seB = Sd(HeldOutScores.ColumnTerms(Block(steps[bestA], n, half, rest), rest, NeuralObjectiveKind.InfoNce, 0));
        Assert.Equal(0.5 * Math.Sqrt(seA * seA + seB * seB), se, 12);
        Assert.Equal(half, selection.BatchRows);
    }

    [Fact]
    public void OfferSaysWhetherEitherHalfImproved()
    {
        int n = 6;
        var selection = new CrossSelection(n, new InfoNceBound());
        var low = new double[n * n];
        var high = new double[n * n];
        for (int i = 0; i < n; i++) high[i * n + i] = 3;
        Assert.True(selection.Offer(low));
        Assert.True(selection.Offer(high));
        Assert.False(selection.Offer(low));
        Assert.False(selection.Offer(high));   // ties are not improvements
    }

    [Fact]
    public void WithoutAFiniteEvaluationTheEstimateIsWhatTheEvaluationsGaveNotTheValueOfAnEmptyMatrix()
    {
        // All scores −∞: every InfoNCE value is −∞, so no step is ever a best; an all-zero kept block would have read
        // 0 nats, a plausible number instead of a diverged critic.
        int n = 6;
        var selection = new CrossSelection(n, new InfoNceBound());
        Assert.False(selection.Offer(Enumerable.Repeat(double.NegativeInfinity, n * n).ToArray()));
        Assert.Equal(double.NegativeInfinity, selection.Estimate(NeuralObjectiveKind.InfoNce, 0).Mi);
    }

    private static double Sd(double[] terms)
    {
        double mean = terms.Average();
        return Math.Sqrt(terms.Sum(t => (t - mean) * (t - mean)) / (terms.Length - 1) / terms.Length);
    }
}
