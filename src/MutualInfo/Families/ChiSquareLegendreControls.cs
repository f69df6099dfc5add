using MutualInfo.Numerics;

namespace MutualInfo.Families;

/// <summary>
/// Control variates from a χ²_d variable u: P_k(2F(u) − 1) for k = 1..<see cref="Count"/>, with F the χ²_d
/// distribution function and P_k the Legendre polynomials. F(u) is uniform on (0, 1), so each has mean exactly 0
/// (up to the rounding of F) and lies in [−1, 1]; together they fit any smooth function of u.
/// </summary>
internal static class ChiSquareLegendreControls
{
    /// <summary>Number of polynomials written.</summary>
    public const int Count = 4;

    /// <summary>Writes P_1..P_Count of 2F(u) − 1 for u ~ χ²_dof.</summary>
    public static void Write(int dof, double u, Span<double> dest)
    {
        if (dest.Length != Count) throw new ArgumentException($"need {Count} slots, got {dest.Length}", nameof(dest));
        Legendre(2 * SpecialFunctions.RegularizedGammaP(0.5 * dof, 0.5 * u) - 1, dest);
    }

    /// <summary>Writes P_1(t)..P_{dest.Length}(t), the Legendre polynomials on [−1, 1].</summary>
    public static void Legendre(double t, Span<double> dest)
    {
        double previous = 1, current = t;
        dest[0] = t;
        for (int k = 1; k < dest.Length; k++)
        {
            // Bonnet's recursion: (k + 1) P_{k+1} = (2k + 1) t P_k − k P_{k−1}.
            double next = ((2 * k + 1) * t * current - k * previous) / (k + 1);
            previous = current;
            current = next;
            dest[k] = next;
        }
    }
}
