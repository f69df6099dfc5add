using MutualInfo.Randomness;

namespace MutualInfo.Families;

/// <summary>
/// Refuses a family that double precision cannot represent — draws that overflow (stacked power maps, Student-t
/// with a tiny ν) or a log ratio that is not finite at a joint draw (a noise width below the resolution of the
/// data) — from a small fixed-seed probe, before a simulation spends time on it and ends in NaN or ±∞.
/// </summary>
internal static class FamilyRepresentability
{
    private const int ProbeRows = 4096;
    /// <summary>Bound on the probe's work: a log ratio can cost (dx + dy)² operations (multinormal).</summary>
    private const double ProbeOperations = 1 << 26;
    private const ulong ProbeSeed = 0x5EED_0F_F00D;

    /// <summary>Throws an <see cref="ArgumentException"/> (parameter <c>family</c>) naming the family when a probe draw or its log ratio is not finite.</summary>
    public static void Require(IKnownMiFamily family)
    {
        if (!double.IsFinite(family.MutualInformation))
            throw Fail(family, $"its mutual information is {family.MutualInformation}");
        int dx = family.DimX, dy = family.DimY;
        double d = (double)dx + dy;
        int rows = (int)Math.Clamp(ProbeOperations / (d * d), 1, ProbeRows);
        var x = new double[rows * dx];
        var y = new double[rows * dy];
        family.SampleJoint(new Rng(ProbeSeed), x, y);
        var logRatio = new double[1];
        for (int r = 0; r < rows; r++)
        {
            var xr = x.AsSpan(r * dx, dx);
            var yr = y.AsSpan(r * dy, dy);
            foreach (double v in xr) if (!double.IsFinite(v)) throw Fail(family, $"a draw of X is {v}");
            foreach (double v in yr) if (!double.IsFinite(v)) throw Fail(family, $"a draw of Y is {v}");
            family.LogRatioMatrix(xr, yr, logRatio);
            if (!double.IsFinite(logRatio[0])) throw Fail(family, $"the log density ratio at a joint draw is {logRatio[0]}");
        }
    }

    private static ArgumentException Fail(IKnownMiFamily family, string detail) =>
        new($"{family.Name} cannot be represented in double precision ({detail}); use less extreme parameters or fewer transforms", nameof(family));
}
