using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Objectives;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// The neural estimators' settings given on the command line; null means "not given: keep the estimator's default"
/// (<c>MutualInfo.Neural.Estimation.NeuralEstimatorOptions</c>), so the defaults live in one place.
/// </summary>
internal sealed record NeuralSettings(
    string? Critic = null, int? Layers = null, int? Hidden = null, int? Embedding = null, string? Activation = null,
    int? Steps = null, int? Batch = null, double? LearningRate = null, double? TestFraction = null, int? MaxTest = null,
    int? EvalEvery = null, int? Patience = null, double? Tau = null, bool? CrossSelection = null, bool? SquaredNormFeatures = null)
{
    /// <summary>No neural flag given.</summary>
    public static NeuralSettings None { get; } = new();

    /// <summary>The flags that were given, by their command-line names.</summary>
    public IEnumerable<string> GivenFlags()
    {
        (string Flag, object? Value)[] all =
        [
            ("--critic", Critic), ("--layers", Layers), ("--hidden", Hidden), ("--embedding", Embedding), ("--activation", Activation),
            ("--steps", Steps), ("--batch", Batch), ("--lr", LearningRate), ("--test-fraction", TestFraction), ("--max-test", MaxTest),
            ("--eval-every", EvalEvery), ("--patience", Patience), ("--tau", Tau), ("--cross-selection", CrossSelection), ("--squared-norm-features", SquaredNormFeatures),
        ];
        return all.Where(f => f.Value is not null).Select(f => f.Flag);
    }

    /// <summary>Throws a one-line <see cref="UsageException"/> when a neural flag is given to a non-neural estimator.</summary>
    public void RequireNoneFor(string estimator)
    {
        if (GivenFlags().FirstOrDefault() is { } flag)
            throw new UsageException($"{flag}: applies only to the neural estimators ({string.Join(", ", ObjectiveNames.DataEstimatorNames)}), not to {estimator}");
    }

    /// <summary>The critic given by --critic, --layers, --hidden, --embedding and --activation over <paramref name="defaults"/>.</summary>
    public CriticOptions CriticOver(CriticOptions defaults) => defaults with
    {
        Kind = Critic is { } kind ? CriticOptions.ParseKind(kind) : defaults.Kind,
        Layers = Layers ?? defaults.Layers,
        Hidden = Hidden ?? defaults.Hidden,
        Embedding = Embedding ?? defaults.Embedding,
        Activation = Activation is { } activation ? CriticOptions.ParseActivation(activation) : defaults.Activation,
    };

    /// <summary>The objective spec for the neural estimator, with --tau applied (SMILE only).</summary>
    public string Objective(string objective)
    {
        if (Tau is not { } tau) return objective;
        if (!objective.StartsWith("smile", StringComparison.Ordinal))
            throw new UsageException($"--tau: applies only to --estimator smile, not to --estimator {objective.Split(':')[0]}");
        if (!(tau > 0) || !double.IsFinite(tau)) throw new UsageException($"--tau: must be a finite number > 0, got {tau}");
        return FormattableString.Invariant($"smile:tau={tau:R}");
    }
}
