using MutualInfo.Families;
using MutualInfo.Neural.Training;

namespace MutualInfo.Cli.Staircase;

/// <summary>
/// The staircase's data: <see cref="GaussianFamily.FromMutualInformation"/> at each level, optionally seen through
/// y → y³ (<see cref="TransformedFamily"/> with <see cref="CoordinateMap.Cubic"/>: same MI, harder for the critic).
/// </summary>
internal static class StaircaseData
{
    public static Func<double, JointSampler> For(int dim, bool cubic) => mi => Family(dim, mi, cubic).SampleJoint;

    public static IKnownMiFamily Family(int dim, double mi, bool cubic)
    {
        IKnownMiFamily gaussian;
        try
        {
            gaussian = GaussianFamily.FromMutualInformation(dim, mi);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--levels: {ArgumentMessages.RuleOf(e)}");
        }
        return cubic ? new TransformedFamily(gaussian, null, CoordinateMap.Cubic) : gaussian;
    }
}
