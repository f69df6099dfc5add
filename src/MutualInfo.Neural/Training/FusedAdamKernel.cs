using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MutualInfo.Neural.Training;

/// <summary>
/// One Adam update of float32 buffers in a single managed pass: read g, m, v, p once, write m, v, p, and zero g.
/// </summary>
/// <remarks>
/// The arithmetic is <see cref="FlatAdam"/>'s native sequence element by element, in float32 with the same
/// float32-rounded coefficients: m ← m + (1 − β₁)(g − m) (torch's <c>lerp_</c>), v ← β₂v + ((1 − β₂)g)g (<c>mul_</c>,
/// <c>addcmul_</c>), p ← p + (−step · m) / (√v + ε′) (<c>addcdiv_</c>). Each element is independent and the vector
/// body and the scalar tail use the same IEEE operations (the JIT never contracts a multiply and an add into an FMA,
/// and vector and scalar square roots and divisions are both correctly rounded), so the result does not depend on
/// where the vector loop ends.
/// </remarks>
internal static class FusedAdamKernel
{
    /// <summary>Updates <paramref name="expAvg"/>, <paramref name="expAvgSq"/> and <paramref name="values"/>, then zeroes <paramref name="gradients"/>.</summary>
    public static void Step(Span<float> values, Span<float> gradients, Span<float> expAvg, Span<float> expAvgSq, in AdamCoefficients c)
    {
        int n = values.Length;
        if (gradients.Length != n || expAvg.Length != n || expAvgSq.Length != n)
            throw new ArgumentException("Adam's buffers must have one length");
        ref float p = ref MemoryMarshal.GetReference(values);
        ref float g = ref MemoryMarshal.GetReference(gradients);
        ref float m = ref MemoryMarshal.GetReference(expAvg);
        ref float v = ref MemoryMarshal.GetReference(expAvgSq);
        int i = Vector256.IsHardwareAccelerated ? VectorBody(ref p, ref g, ref m, ref v, n, c) : 0;
        for (; i < n; i++)
        {
            float gi = Unsafe.Add(ref g, i);
            float mi = Unsafe.Add(ref m, i);
            mi += c.OneMinusBeta1 * (gi - mi);
            float vi = Unsafe.Add(ref v, i) * c.Beta2 + c.OneMinusBeta2 * gi * gi;
            Unsafe.Add(ref m, i) = mi;
            Unsafe.Add(ref v, i) = vi;
            Unsafe.Add(ref p, i) += c.NegativeStepSize * mi / (MathF.Sqrt(vi) + c.ScaledEps);
            Unsafe.Add(ref g, i) = 0f;
        }
    }

    private static int VectorBody(ref float p, ref float g, ref float m, ref float v, int n, in AdamCoefficients c)
    {
        var oneMinusBeta1 = Vector256.Create(c.OneMinusBeta1);
        var beta2 = Vector256.Create(c.Beta2);
        var oneMinusBeta2 = Vector256.Create(c.OneMinusBeta2);
        var negativeStepSize = Vector256.Create(c.NegativeStepSize);
        var scaledEps = Vector256.Create(c.ScaledEps);
        int width = Vector256<float>.Count, i = 0;
        for (; i <= n - width; i += width)
        {
            nuint at = (nuint)i;
            var gi = Vector256.LoadUnsafe(ref g, at);
            var mi = Vector256.LoadUnsafe(ref m, at);
            mi += oneMinusBeta1 * (gi - mi);
            var vi = Vector256.LoadUnsafe(ref v, at) * beta2 + oneMinusBeta2 * gi * gi;
            var pi = Vector256.LoadUnsafe(ref p, at) + negativeStepSize * mi / (Vector256.Sqrt(vi) + scaledEps);
            mi.StoreUnsafe(ref m, at);
            vi.StoreUnsafe(ref v, at);
            pi.StoreUnsafe(ref p, at);
            Vector256<float>.Zero.StoreUnsafe(ref g, at);
        }
        return i;
    }
}
