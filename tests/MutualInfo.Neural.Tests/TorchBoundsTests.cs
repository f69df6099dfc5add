using CsCheck;
using MutualInfo.Neural.Native;
using MutualInfo.Neural.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Tests;

/// <summary>Each torch bound equals an independent loop-by-loop double reference on random score matrices.</summary>
public sealed class TorchBoundsTests
{
    private const double Tolerance = 1e-9;

    static TorchBoundsTests() => TorchRuntime.EnsureLoaded();

    private static readonly Gen<(double[,] Scores, double[] LogA)> Matrices =
        Gen.Int[2, 12].SelectMany(n => Gen.Double[-8, 8].Array2D[n, n].SelectMany(s => Gen.Double[-3, 3].Array[n].Select(a => (s, a))));

    private static double Eval(Func<Tensor, Tensor> bound, double[,] scores)
    {
        using var scope = NewDisposeScope();
        var s = tensor(scores, dtype: ScalarType.Float64);
        return bound(s).ToDouble();
    }

    private static void Same(Func<double[,], double[], double> reference, Func<Tensor, Tensor, Tensor> bound) =>
        Matrices.Sample(m =>
        {
            using var scope = NewDisposeScope();
            var s = tensor(m.Scores, dtype: ScalarType.Float64);
            var a = tensor(m.LogA, dtype: ScalarType.Float64);
            double expected = reference(m.Scores, m.LogA), actual = bound(s, a).ToDouble();
            return Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected));
        }, iter: 200);

    [Fact] public void InfoNce_matches_reference() => Same((s, _) => NaiveBounds.InfoNce(s), (s, _) => TorchBounds.InfoNce(s));

    [Fact] public void Nwj_matches_reference() => Same((s, _) => NaiveBounds.Nwj(s), (s, _) => TorchBounds.Nwj(s));

    [Fact] public void Tuba_matches_reference() => Same(NaiveBounds.Tuba, TorchBounds.Tuba);

    [Fact] public void Dv_matches_reference() => Same((s, _) => NaiveBounds.Dv(s), (s, _) => TorchBounds.Dv(s));

    [Fact] public void Smile_matches_reference() => Same((s, _) => NaiveBounds.Smile(s, 2), (s, _) => TorchBounds.Smile(s, 2));

    [Fact] public void JsFGan_matches_reference() => Same((s, _) => NaiveBounds.JsFGan(s), (s, _) => TorchBounds.JsFGan(s));

    [Fact] public void JsValue_matches_reference() => Same((s, _) => NaiveBounds.JsValue(s), (s, _) => TorchBounds.JsValue(s));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void AlphaInfoNce_matches_reference(double alpha) =>
        Same((s, a) => NaiveBounds.AlphaInfoNce(s, a, alpha), (s, a) => TorchBounds.AlphaInfoNce(s, a, alpha));

    [Fact]
    public void AlphaInfoNce_at_alpha_zero_is_Tuba() => Same(NaiveBounds.Tuba, (s, a) => TorchBounds.AlphaInfoNce(s, a, 0));

    [Fact]
    public void Scalar_baseline_broadcasts_like_a_constant_vector()
    {
        var scores = new double[,] { { 1, -2, 0.5 }, { 0.3, 2, -1 }, { -0.7, 0.1, 1.5 } };
        using var scope = NewDisposeScope();
        var s = tensor(scores, dtype: ScalarType.Float64);
        double scalar = TorchBounds.Tuba(s, tensor(0.4, dtype: ScalarType.Float64)).ToDouble();
        Assert.Equal(NaiveBounds.Tuba(scores, [0.4, 0.4, 0.4]), scalar, 12);
        double alphaScalar = TorchBounds.AlphaInfoNce(s, tensor(0.4, dtype: ScalarType.Float64), 0.3).ToDouble();
        Assert.Equal(NaiveBounds.AlphaInfoNce(scores, [0.4, 0.4, 0.4], 0.3), alphaScalar, 12);
    }

    [Fact]
    public void InfoNce_never_exceeds_log_n_even_for_extreme_scores()
    {
        var scores = new double[,] { { 50, -50, -50 }, { -50, 50, -50 }, { -50, -50, 50 } };
        Assert.Equal(Math.Log(3), Eval(TorchBounds.InfoNce, scores), 9);
    }

    [Fact]
    public void Minus_infinity_negatives_do_not_produce_NaN()
    {
        double ni = double.NegativeInfinity;
        var scores = new double[,] { { 1, ni, 0 }, { ni, 2, ni }, { 0.5, ni, 0 } };
        foreach (var bound in new Func<Tensor, Tensor>[] { TorchBounds.InfoNce, TorchBounds.Nwj, TorchBounds.Dv, s => TorchBounds.Smile(s, 5), TorchBounds.JsFGan })
            Assert.False(double.IsNaN(Eval(bound, scores)));
    }

    [Fact]
    public void Float32_scores_agree_with_float64_to_single_precision()
    {
        var rng = new MutualInfo.Randomness.Rng(7);
        var scores = new double[64, 64];
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < 64; j++) scores[i, j] = 3 * rng.NextGaussian() + (i == j ? 4 : 0);
        using var scope = NewDisposeScope();
        var s32 = tensor(scores, dtype: ScalarType.Float32);
        Assert.Equal(NaiveBounds.InfoNce(scores), TorchBounds.InfoNce(s32).ToDouble(), 4);
        Assert.Equal(NaiveBounds.Smile(scores, 5), TorchBounds.Smile(s32, 5).ToDouble(), 4);
    }
}
