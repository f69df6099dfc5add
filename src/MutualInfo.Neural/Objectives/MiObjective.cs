using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// A training objective for a learned critic: what to minimise and what to report, from an n×n score matrix
/// S[i, j] = f(x_i, y_j). Most objectives are a bound (loss = −bound, estimate = bound); JS, SMILE and MINE train
/// with a different surrogate than the value they report.
/// </summary>
public abstract class MiObjective
{
    /// <summary>Stable name used on the command line and in JSON (e.g. <c>infonce</c>, <c>smile</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Canonical specification, parseable by <see cref="ObjectiveSpec.Parse(string)"/> (e.g. <c>smile:tau=5</c>).</summary>
    public virtual string Spec => Name;

    /// <summary>Whether <see cref="Evaluate"/> needs a learned log-baseline log a(y_j) per column.</summary>
    public virtual bool NeedsBaseline => false;

    /// <summary>Evaluates the objective on one batch; <paramref name="logBaseline"/> is used only when <see cref="NeedsBaseline"/>.</summary>
    public abstract ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null);

    /// <summary>Loss = −bound, estimate = the detached bound.</summary>
    protected static ObjectiveOutput FromBound(Tensor bound) => new(-bound, bound.detach());

    /// <summary>Gradient from <paramref name="surrogate"/>, reported value <paramref name="value"/>.</summary>
    protected static ObjectiveOutput FromSurrogate(Tensor surrogate, Tensor value) => new(-surrogate, value.detach());

    /// <summary>The baseline, or a clear error when the caller forgot it.</summary>
    protected Tensor RequireBaseline(Tensor? logBaseline) =>
        logBaseline ?? throw new ArgumentNullException(nameof(logBaseline), $"the {Name} objective needs a log-baseline log a(y)");
}
