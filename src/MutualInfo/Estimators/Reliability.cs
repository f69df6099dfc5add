namespace MutualInfo.Estimators;

/// <summary>
/// Whether an estimate can be trusted, and why not: <c>"ok"</c>, or <c>"unreliable"</c> with the reasons (the
/// estimators disagree beyond their CIs, too few rows for the dimension, a deterministic relation, a diverged
/// critic …). An unreliable estimate's CI has already been widened to what the evidence allows.
/// </summary>
/// <param name="Verdict"><see cref="OkVerdict"/> or <see cref="UnreliableVerdict"/>.</param>
/// <param name="Reasons">One sentence per reason; empty when the verdict is ok.</param>
public sealed record Reliability(string Verdict, IReadOnlyList<string> Reasons)
{
    /// <summary>The verdict of an estimate with no known problem.</summary>
    public const string OkVerdict = "ok";

    /// <summary>The verdict of an estimate the evidence says not to trust as it stands.</summary>
    public const string UnreliableVerdict = "unreliable";

    /// <summary>No known problem.</summary>
    public static Reliability Ok { get; } = new(OkVerdict, []);

    /// <summary>Unreliable for these reasons, or <see cref="Ok"/> when there are none.</summary>
    public static Reliability From(IReadOnlyList<string> reasons) =>
        reasons.Count == 0 ? Ok : new Reliability(UnreliableVerdict, reasons.ToArray());

    /// <summary>True when the verdict is <see cref="OkVerdict"/>.</summary>
    public bool IsOk => Verdict == OkVerdict;

    /// <summary>This verdict with more reasons (unreliable as soon as there is one).</summary>
    public Reliability With(IEnumerable<string> reasons) => From(Reasons.Concat(reasons).ToArray());
}
