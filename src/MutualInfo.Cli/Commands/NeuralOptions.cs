using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// Command-line flags of the neural estimators (`--estimator infonce|nwj|smile|js|dv` of `mi estimate` and `mi bmi`).
/// Unset flags keep the estimator's defaults, quoted in the descriptions (docs/estimate.md, "Neural estimators").
/// </summary>
internal sealed class NeuralOptions
{
    public Option<string?> Critic { get; } = new("--critic") { Description = "Neural: critic separable (default: g(x)ᵀh(y)), bilinear (g(x)ᵀW h(y)) or concat (MLP on [x, y]; needs n_test² × hidden activations)" };
    public Option<int?> Layers { get; } = IntOption("Neural: hidden layers per MLP (default 2)", "--layers");
    public Option<int?> Hidden { get; } = IntOption("Neural: units per hidden layer (default 256)", "--hidden");
    public Option<int?> Embedding { get; } = IntOption("Neural: embedding size of separable/bilinear critics (default 32)", "--embedding", "--embed");
    public Option<string?> Activation { get; } = new("--activation") { Description = "Neural: relu (default), tanh, elu, gelu, silu or leaky-relu" };
    public Option<int?> Steps { get; } = IntOption("Neural: most training steps (default 2000; early stopping usually ends sooner)", "--steps");
    public Option<int?> Batch { get; } = IntOption("Neural: training pairs per step (default 128; all training rows when fewer)", "--batch");
    public Option<double?> LearningRate { get; } = DoubleOption("Neural: Adam learning rate (default 5e-4)", "--lr");
    public Option<double?> TestFraction { get; } = DoubleOption("Neural: share of rows held out for early stopping and the estimate (default 0.5)", "--test-fraction");
    public Option<int?> MaxTest { get; } = IntOption("Neural: most held-out rows (default 5000; the n_test × n_test score matrix is held in memory)", "--max-test");
    public Option<int?> EvalEvery { get; } = IntOption("Neural: training steps between held-out evaluations (default 50)", "--eval-every");
    public Option<int?> Patience { get; } = IntOption("Neural: stop after this many evaluations without a new best (default 5)", "--patience");
    public Option<bool> CrossSelection { get; } = new("--cross-selection") { Description = "Neural: early-stop on one half of the held-out rows and estimate on the other, both ways, averaged (no upward bias from picking the best evaluation; batches of n_test/2)" };
    public Option<bool> SquaredNormFeatures { get; } = new("--squared-norm-features") { Description = "Neural: append each side's squared norm as one more critic input (MI unchanged; a radial coordinate for the critic)" };
    public Option<double?> Tau { get; } = DoubleOption("SMILE's clipping threshold τ (default 5; --estimator smile only)", "--tau");

    // Own parsers so that a malformed value gets a one-line message naming the flag (not the CLR type name).
    private static Option<int?> IntOption(string description, string name, params string[] aliases) =>
        new(name, aliases)
        {
            Description = description,
            CustomParser = result => int.TryParse(Token(result), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : Fail<int>(result, name, "an integer"),
        };

    private static Option<double?> DoubleOption(string description, string name) =>
        new(name)
        {
            Description = description,
            CustomParser = result => double.TryParse(Token(result), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : Fail<double>(result, name, "a number"),
        };

    private static string Token(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";

    private static T? Fail<T>(ArgumentResult result, string name, string what) where T : struct
    {
        result.AddError($"{name}: expected {what}, got '{Token(result)}'");
        return null;
    }

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Critic, Layers, Hidden, Embedding, Activation, Steps, Batch, LearningRate, TestFraction, MaxTest, EvalEvery, Patience, CrossSelection, SquaredNormFeatures, Tau })
            command.Options.Add(option);
    }

    public NeuralSettings Get(ParseResult parsed) => new(
        parsed.GetValue(Critic), parsed.GetValue(Layers), parsed.GetValue(Hidden), parsed.GetValue(Embedding), parsed.GetValue(Activation),
        parsed.GetValue(Steps), parsed.GetValue(Batch), parsed.GetValue(LearningRate), parsed.GetValue(TestFraction), parsed.GetValue(MaxTest),
        parsed.GetValue(EvalEvery), parsed.GetValue(Patience), parsed.GetValue(Tau), parsed.GetValue(CrossSelection) ? true : null,
        parsed.GetValue(SquaredNormFeatures) ? true : null);
}
