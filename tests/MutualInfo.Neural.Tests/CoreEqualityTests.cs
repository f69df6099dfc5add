using CsCheck;
using MutualInfo.Bounds;
using MutualInfo.Neural.Native;
using MutualInfo.Neural.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace MutualInfo.Neural.Tests;

/// <summary>
/// Every torch bound and every training objective's reported value equals the core library's double-precision
/// bound on random score matrices, so each formula has one meaning across MutualInfo and MutualInfo.Neural.
/// </summary>
public sealed class CoreEqualityTests
{
    private const double Tolerance = 1e-6;

    static CoreEqualityTests() => TorchRuntime.EnsureLoaded();

    private static readonly Gen<(int N, double[] Scores, double LogA)> Batches =
        Gen.Int[2, 24].SelectMany(n => Gen.Double[-10, 10].Array[n * n].SelectMany(s => Gen.Double[-2, 2].Select(a => (n, s, a))));

    private static void Agrees(Func<double, IBound> core, Func<Tensor, double, Tensor> torchValue) =>
        Batches.Sample(b =>
        {
            using var scope = NewDisposeScope();
            var scores = tensor(b.Scores, [b.N, b.N], dtype: ScalarType.Float64);
            double expected = core(b.LogA).EvaluateBatch(b.Scores, b.N);
            double actual = torchValue(scores, b.LogA).ToDouble();
            return Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected));
        }, iter: 100);

    private static Tensor Scalar(double value) => tensor(value, dtype: ScalarType.Float64);

    private static Tensor Reported(MiObjective objective, Tensor scores, double logA) =>
        objective.Evaluate(scores, objective.NeedsBaseline ? Scalar(logA) : null).Estimate;

    [Fact] public void InfoNce() => Agrees(_ => new InfoNceBound(), (s, _) => TorchBounds.InfoNce(s));

    [Fact] public void Nwj() => Agrees(_ => new NwjBound(), (s, _) => TorchBounds.Nwj(s));

    [Fact] public void Tuba() => Agrees(a => new TubaBound(a), (s, a) => TorchBounds.Tuba(s, Scalar(a)));

    [Fact] public void Dv() => Agrees(_ => new DonskerVaradhanBound(), (s, _) => TorchBounds.Dv(s));

    [Fact] public void Smile() => Agrees(_ => new SmileBound(5), (s, _) => TorchBounds.Smile(s, 5));

    [Fact] public void Js_value() => Agrees(_ => new JensenShannonBound(), (s, _) => TorchBounds.JsValue(s));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void AlphaInfoNce(double alpha) =>
        Agrees(a => new AlphaInfoNceBound(alpha, a), (s, a) => TorchBounds.AlphaInfoNce(s, Scalar(a), alpha));

    [Fact]
    public void Js_training_objective() =>
        Batches.Sample(b =>
        {
            using var scope = NewDisposeScope();
            var scores = tensor(b.Scores, [b.N, b.N], dtype: ScalarType.Float64);
            double expected = JensenShannonBound.TrainingObjective(b.Scores, b.N);
            return Math.Abs(expected - TorchBounds.JsFGan(scores).ToDouble()) <= Tolerance * Math.Max(1, Math.Abs(expected));
        }, iter: 100);

    [Theory]
    [InlineData("infonce", "infonce")]
    [InlineData("nwj", "nwj")]
    [InlineData("tuba", "tuba")]
    [InlineData("dv", "dv")]
    [InlineData("mine", "mine")]
    [InlineData("js", "js")]
    [InlineData("smile:tau=5", "smile:tau=5")]
    [InlineData("smile:tau=1.5", "smile:tau=1.5")]
    [InlineData("alpha-infonce:alpha=0.01", "alpha-infonce:alpha=0.01")]
    [InlineData("alpha-infonce:alpha=0.7", "alpha-infonce:alpha=0.7")]
    public void Objective_reports_the_core_value(string objective, string bound) =>
        Agrees(a => BoundWithBaseline(bound, a), (s, a) => Reported(ObjectiveSpec.Parse(objective), s, a));

    /// <summary>The core bound with the same constant baseline the objective receives (bounds without one ignore it).</summary>
    private static IBound BoundWithBaseline(string spec, double logA) => spec switch
    {
        "tuba" => new TubaBound(logA),
        _ when spec.StartsWith("alpha-infonce", StringComparison.Ordinal) => new AlphaInfoNceBound(((AlphaInfoNceBound)BoundSpec.Parse(spec)).Alpha, logA),
        _ => BoundSpec.Parse(spec),
    };
}
