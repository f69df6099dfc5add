using MutualInfo.Neural.Native;
using MutualInfo.Neural.Objectives;
using MutualInfo.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Tests;

/// <summary>What each training objective reports and which gradient it follows.</summary>
public sealed class ObjectiveTests
{
    static ObjectiveTests() => TorchRuntime.EnsureLoaded();

    private static Tensor RandomScores(ulong seed, int n = 16)
    {
        var rng = new Rng(seed);
        var values = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) values[i, j] = 2 * rng.NextGaussian() + (i == j ? 3 : 0);
        return tensor(values, dtype: ScalarType.Float64).requires_grad_();
    }

    private static (double Value, Tensor Gradient) Run(Func<Tensor, ObjectiveOutput> evaluate, Tensor scores)
    {
        scores.grad?.zero_();
        var output = evaluate(scores);
        output.Loss.backward();
        return (output.Estimate.ToDouble(), scores.grad!.clone());
    }

    private static Tensor GradientOfMinus(Func<Tensor, Tensor> bound, Tensor scores)
    {
        scores.grad?.zero_();
        (-bound(scores)).backward();
        return scores.grad!.clone();
    }

    [Fact]
    public void Js_reports_nwj_of_shifted_scores_and_follows_the_fgan_gradient()
    {
        using var scope = NewDisposeScope();
        var s = RandomScores(1);
        var (value, gradient) = Run(x => new JsObjective().Evaluate(x), s);
        Assert.Equal(TorchBounds.JsValue(s).ToDouble(), value, 12);
        Assert.True(gradient.allclose(GradientOfMinus(TorchBounds.JsFGan, s), rtol: 1e-12, atol: 1e-14));
    }

    [Fact]
    public void Smile_reports_clipped_dv_and_follows_the_fgan_gradient()
    {
        using var scope = NewDisposeScope();
        var s = RandomScores(2);
        var (value, gradient) = Run(x => new SmileObjective(1.5).Evaluate(x), s);
        Assert.Equal(TorchBounds.Smile(s, 1.5).ToDouble(), value, 12);
        Assert.True(gradient.allclose(GradientOfMinus(TorchBounds.JsFGan, s), rtol: 1e-12, atol: 1e-14));
    }

    [Fact]
    public void Mine_reports_dv_and_its_first_gradient_is_dv_then_uses_the_moving_average()
    {
        using var scope = NewDisposeScope();
        var mine = new MineObjective(0.1);
        var first = RandomScores(3);
        var (value, gradient) = Run(x => mine.Evaluate(x), first);
        Assert.Equal(TorchBounds.Dv(first).ToDouble(), value, 12);
        Assert.True(gradient.allclose(GradientOfMinus(TorchBounds.Dv, first), rtol: 1e-10, atol: 1e-14));

        double afterFirst = mine.LogMovingAverage;
        var second = RandomScores(4);
        var (_, secondGradient) = Run(x => mine.Evaluate(x), second);
        double batchLme = TorchBounds.OffDiagonalLogMeanExp(second).ToDouble();
        Assert.Equal(Math.Log(0.9 * Math.Exp(afterFirst) + 0.1 * Math.Exp(batchLme)), mine.LogMovingAverage, 10);
        // The marginal term's gradient is ∇E[e^f] / m with m the moving average, not the batch mean.
        double scale = Math.Exp(batchLme - mine.LogMovingAverage);
        using var expected = Expected(second, scale);
        Assert.True(secondGradient.allclose(expected, rtol: 1e-10, atol: 1e-14));
    }

    private static Tensor Expected(Tensor scores, double scale)
    {
        // −∇(mean diag S) + scale · ∇ logmeanexp_offdiag S, the latter being softmax over the off-diagonal.
        var dvGradient = GradientOfMinus(TorchBounds.Dv, scores);
        var jointPart = GradientOfMinus(s => s.diagonal().mean(), scores);
        return jointPart + (dvGradient - jointPart) * scale;
    }

    [Fact]
    public void Bound_objectives_report_their_bound_and_follow_its_gradient()
    {
        using var scope = NewDisposeScope();
        var s = RandomScores(5);
        var logA = tensor(new double[16], dtype: ScalarType.Float64) + 0.3;
        foreach (var (objective, bound) in new (MiObjective, Func<Tensor, Tensor>)[]
                 {
                     (new InfoNceObjective(), TorchBounds.InfoNce), (new NwjObjective(), TorchBounds.Nwj), (new DvObjective(), TorchBounds.Dv),
                     (new TubaObjective(), x => TorchBounds.Tuba(x, logA)), (new AlphaInfoNceObjective(0.2), x => TorchBounds.AlphaInfoNce(x, logA, 0.2)),
                 })
        {
            var (value, gradient) = Run(x => objective.Evaluate(x, logA), s);
            Assert.Equal(bound(s).ToDouble(), value, 12);
            Assert.True(gradient.allclose(GradientOfMinus(bound, s), rtol: 1e-12, atol: 1e-14), objective.Name);
        }
    }

    [Fact]
    public void Baseline_objectives_refuse_a_missing_baseline()
    {
        using var scope = NewDisposeScope();
        var s = RandomScores(6);
        Assert.Throws<ArgumentNullException>(() => new TubaObjective().Evaluate(s));
        Assert.Throws<ArgumentNullException>(() => new AlphaInfoNceObjective().Evaluate(s));
    }

    [Theory]
    [InlineData("infonce", "infonce")]
    [InlineData("smile:5", "smile:tau=5")]
    [InlineData("smile:tau=2.5", "smile:tau=2.5")]
    [InlineData("smile", "smile:tau=5")]
    [InlineData("alpha-infonce", "alpha-infonce:alpha=0.5")]
    [InlineData("alpha-infonce:alpha=0.01", "alpha-infonce:alpha=0.01")]
    [InlineData(" MINE ", "mine:rate=0.01")]
    public void Spec_parses_names_and_parameters_and_round_trips(string text, string spec)
    {
        Assert.Equal(spec, ObjectiveSpec.Parse(text).Spec);
        Assert.Equal(spec, ObjectiveSpec.Parse(spec).Spec);
    }

    [Fact]
    public void Alpha_infonce_has_one_default_in_training_and_in_the_simulator()
    {
        // `mi staircase --estimators alpha-infonce` and `mi simulate --bounds alpha-infonce` name the same bound.
        var objective = (AlphaInfoNceObjective)ObjectiveSpec.Parse("alpha-infonce");
        var bound = (MutualInfo.Bounds.AlphaInfoNceBound)MutualInfo.Bounds.BoundSpec.Parse("alpha-infonce");
        Assert.Equal(bound.Alpha, objective.Alpha);
        Assert.Equal(0.5, objective.Alpha);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("smile:abc")]
    [InlineData("smile:-1")]
    [InlineData("alpha-infonce:2")]
    [InlineData("nwj:3")]
    [InlineData("smile:alpha=3")]
    [InlineData("smile:tau=1:tau=2")]
    public void Spec_rejects_bad_input_with_a_usage_error(string text) =>
        Assert.Equal("estimators", Assert.ThrowsAny<ArgumentException>(() => ObjectiveSpec.Parse(text)).ParamName);
}
