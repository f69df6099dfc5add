using MutualInfo.Families;

namespace MutualInfo.Benchmarking;

/// <summary>
/// One benchmark task: a known-MI family under a stable name (BMI-style, e.g. <c>1v1-normal-0.75</c>). The name,
/// dimensions and ground truth never change between releases, so results from different runs can be compared.
/// </summary>
internal sealed record BenchTask
{
    /// <summary>Creates the task; the family specification is parsed (and so validated) at once.</summary>
    /// <param name="name">Stable task name.</param>
    /// <param name="familySpec">Family specification accepted by <see cref="FamilySpec.Parse"/>.</param>
    /// <param name="inDefaultRun">Whether `mi bench` runs this task when no --tasks is given.</param>
    /// <param name="bmiAlias">The task's id in BMI's benchmark (Czyż et al. 2023), when it is one of BMI's tasks.</param>
    public BenchTask(string name, string familySpec, bool inDefaultRun, string? bmiAlias = null)
    {
        Name = name;
        BmiAlias = bmiAlias;
        FamilySpecification = familySpec;
        InDefaultRun = inDefaultRun;
        Family = FamilySpec.Parse(familySpec);
    }

    /// <summary>Stable task name.</summary>
    public string Name { get; }

    /// <summary>BMI's id of the same task (e.g. <c>student-identity-2-2-1</c>), accepted wherever a task name is; null if none.</summary>
    public string? BmiAlias { get; }

    /// <summary>The family specification the task samples from.</summary>
    public string FamilySpecification { get; }

    /// <summary>Whether the default `mi bench` run includes this task.</summary>
    public bool InDefaultRun { get; }

    /// <summary>The distribution itself.</summary>
    public IKnownMiFamily Family { get; }

    /// <summary>Dimension of X.</summary>
    public int DimX => Family.DimX;

    /// <summary>Dimension of Y.</summary>
    public int DimY => Family.DimY;

    /// <summary>The exact I(X;Y) in nats (never −0, which independent families can produce).</summary>
    public double Mi => Family.MutualInformation + 0.0;
}
