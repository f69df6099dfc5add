using MutualInfo.Bounds;
using MutualInfo.Randomness;

namespace MutualInfo.Tests.Api;

public class BoundTests
{
    private static double[,] RandomScores(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var s = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) s[i, j] = rng.NextGaussian() + (i == j ? 2.0 : 0.0);
        return s;
    }

    private static double[] Flat(double[,] s) => s.Cast<double>().ToArray();

    [Fact]
    public void InfoNce_of_a_two_by_two_matrix_is_the_formula()
    {
        double[,] s = { { 1.0, -0.5 }, { 0.25, 2.0 } };
        static double Lse(double a, double b) => Math.Max(a, b) + Math.Log(1 + Math.Exp(-Math.Abs(a - b)));
        double expected = Math.Log(2) + 0.5 * ((1.0 - Lse(1.0, 0.25)) + (2.0 - Lse(-0.5, 2.0)));
        Assert.Equal(expected, Bound.InfoNce(s), 1e-14);
    }

    [Fact]
    public void Every_one_liner_is_its_bound_on_the_row_major_matrix()
    {
        var s = RandomScores(9, 4);
        double[] flat = Flat(s);
        Assert.Equal(new InfoNceBound().EvaluateBatch(flat, 9), Bound.InfoNce(s));
        Assert.Equal(new NwjBound().EvaluateBatch(flat, 9), Bound.Nwj(s));
        Assert.Equal(new TubaBound(0.3).EvaluateBatch(flat, 9), Bound.Tuba(s, 0.3));
        Assert.Equal(new DonskerVaradhanBound().EvaluateBatch(flat, 9), Bound.Dv(s));
        Assert.Equal(new MineBound().EvaluateBatch(flat, 9), Bound.Mine(s));
        Assert.Equal(new SmileBound(2).EvaluateBatch(flat, 9), Bound.Smile(s, tau: 2));
        Assert.Equal(new JensenShannonBound().EvaluateBatch(flat, 9), Bound.Js(s));
        Assert.Equal(new AlphaInfoNceBound(0.2, -0.1).EvaluateBatch(flat, 9), Bound.AlphaInfoNce(s, 0.2, -0.1));
        Assert.Equal(new LeaveOneOutUpperBound().EvaluateBatch(flat, 9), Bound.LeaveOneOutUpper(s));
        Assert.Equal(new MeanFieldBound().EvaluateBatch(flat, 9), Bound.MeanField(s));
    }

    [Fact]
    public void InfoNce_never_exceeds_log_n_and_lies_below_the_leave_one_out_value()
    {
        var s = RandomScores(16, 8);
        Assert.True(Bound.InfoNce(s) <= Math.Log(16));
        Assert.True(Bound.InfoNce(s) <= Bound.LeaveOneOutUpper(s) + Math.Log(16.0 / 15.0));
    }

    [Fact]
    public void Negative_infinity_scores_are_legal()
    {
        double[,] s = { { 1.0, double.NegativeInfinity }, { double.NegativeInfinity, 1.0 } };
        Assert.Equal(Math.Log(2), Bound.InfoNce(s), 1e-14);
    }

    [Fact]
    public void Bad_matrices_are_rejected_naming_scores()
    {
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => Bound.InfoNce(new double[2, 3])).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => Bound.Nwj(new double[1, 1])).ParamName);
        var nan = RandomScores(3, 1);
        nan[1, 2] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Bound.Dv(nan));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("scores[1, 2]", e.Message);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() => Bound.Smile(RandomScores(3, 1), tau: 0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Bound.AlphaInfoNce(RandomScores(3, 1), alpha: 1.5)).ParamName);
    }
}
