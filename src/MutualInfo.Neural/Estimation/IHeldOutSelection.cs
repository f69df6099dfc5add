namespace MutualInfo.Neural.Estimation;

/// <summary>
/// How the held-out evaluations during training become the estimate: each evaluation's n_test × n_test score matrix
/// is offered (its answer drives early stopping), and at the end the kept scores give the value and its SE.
/// </summary>
internal interface IHeldOutSelection
{
    /// <summary>Rows in each batch the estimate is computed on (InfoNCE's ceiling is log of it).</summary>
    int BatchRows { get; }

    /// <summary>Reads one evaluation's full score matrix (row-major); true when it counts as a new best.</summary>
    bool Offer(ReadOnlySpan<double> scores);

    /// <summary>The estimate from the kept scores, and its SE (<see cref="HeldOutScores.StandardError"/>).</summary>
    (double Mi, double StdError) Estimate(NeuralObjectiveKind kind, double tau);
}
