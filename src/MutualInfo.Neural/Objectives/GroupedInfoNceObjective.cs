using static TorchSharp.torch;

namespace MutualInfo.Neural.Objectives;

/// <summary>
/// InfoNCE within groups: the batch's rows form consecutive groups of <see cref="GroupSize"/>, and each row i
/// contrasts its positive S[i, i] only against the candidates of its own group:
/// log K + mean_i (S[i, i] − logsumexp_{j ∈ group(i)} S[i, j]), K = the group size, rows = anchors. When a group's
/// rows share (nearly) the same z, the negatives are draws from p(y | z) and the bound is on I(X;Y|Z) (the critic
/// scores f((x, z), y)); never above log K. Internal to the neural CMI estimator: the batches must be laid out in
/// groups, which the general trainer's samplers do not do, so <see cref="ObjectiveSpec"/> does not offer it.
/// </summary>
internal sealed class GroupedInfoNceObjective : MiObjective
{
    /// <summary>Creates the objective for groups of <paramref name="groupSize"/> rows (at least 2).</summary>
    public GroupedInfoNceObjective(int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groupSize, 2);
        GroupSize = groupSize;
    }

    /// <summary>Rows per group K.</summary>
    public int GroupSize { get; }

    /// <inheritdoc />
    public override string Name => "grouped-infonce";

    /// <summary>Name and group size, for messages (not parseable by <see cref="ObjectiveSpec.Parse(string)"/>).</summary>
    public override string Spec => $"grouped-infonce:k={GroupSize}";

    /// <inheritdoc />
    public override ObjectiveOutput Evaluate(Tensor scores, Tensor? logBaseline = null) => FromBound(Bound(scores, GroupSize));

    /// <summary>The grouped InfoNCE value of an n×n score matrix, n a multiple of <paramref name="groupSize"/>.</summary>
    public static Tensor Bound(Tensor scores, int groupSize)
    {
        long n = scores.shape[0];
        if (scores.dim() != 2 || scores.shape[1] != n || n % groupSize != 0)
            throw new ArgumentException($"scores must be n×n with n a multiple of {groupSize}, got [{string.Join(", ", scores.shape)}]");
        long groups = n / groupSize;
        // The diagonal blocks: [a, b, g] = S[g·K + a, g·K + b]; softmax over the candidates b of anchor a.
        using var blocks = scores.view(groups, groupSize, groups, groupSize).diagonal(0, 0, 2);
        using var logSoftmax = blocks.log_softmax(1);
        using var positives = logSoftmax.diagonal(0, 0, 1);
        using var mean = positives.mean();
        return mean + Math.Log(groupSize);
    }
}
