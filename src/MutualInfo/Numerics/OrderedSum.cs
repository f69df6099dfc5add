using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MutualInfo.Numerics;

/// <summary>
/// Sums whose rounding depends only on the values and their order, never on where the span sits in memory.
/// TensorPrimitives.Sum aligns its vector loop to the buffer's address, so the same numbers in two buffers can sum to
/// different last bits; that would break "same seed → same numbers, whatever the thread count" (each worker
/// thread owns differently aligned scratch buffers).
/// </summary>
internal static class OrderedSum
{
    /// <summary>Σ x_i, grouped by index (16-wide vector lanes, then the tail in order).</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        int i = 0;
        double total = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= 16)
        {
            ref double start = ref MemoryMarshal.GetReference(x);
            Vector256<double> a0 = Vector256<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (; i <= x.Length - 16; i += 16)
            {
                a0 += Vector256.LoadUnsafe(ref start, (nuint)i);
                a1 += Vector256.LoadUnsafe(ref start, (nuint)(i + 4));
                a2 += Vector256.LoadUnsafe(ref start, (nuint)(i + 8));
                a3 += Vector256.LoadUnsafe(ref start, (nuint)(i + 12));
            }
            total = LanesInOrder((a0 + a1) + (a2 + a3));
        }
        for (; i < x.Length; i++) total += x[i];
        return total;
    }

    /// <summary>
    /// The lanes summed in a fixed order. Vector256.Sum is not used: its software fallback (unoptimised code, before
    /// tiered compilation kicks in) and its hardware expansion group the lanes differently, so a process's first calls
    /// could round differently from its later ones.
    /// </summary>
    private static double LanesInOrder(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));

    /// <summary>Σ x_i², grouped by index like <see cref="Sum"/>.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x)
    {
        int i = 0;
        double total = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= 8)
        {
            ref double start = ref MemoryMarshal.GetReference(x);
            Vector256<double> a0 = Vector256<double>.Zero, a1 = a0;
            for (; i <= x.Length - 8; i += 8)
            {
                Vector256<double> v0 = Vector256.LoadUnsafe(ref start, (nuint)i), v1 = Vector256.LoadUnsafe(ref start, (nuint)(i + 4));
                a0 += v0 * v0;
                a1 += v1 * v1;
            }
            total = LanesInOrder(a0 + a1);
        }
        for (; i < x.Length; i++) total += x[i] * x[i];
        return total;
    }
}
