using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MutualInfo.Numerics;

/// <summary>
/// Element-wise exp and log over spans whose result for each element depends only on that element's value.
/// TensorPrimitives.Exp does not guarantee this: we observed identical inputs in freshly allocated buffers come out
/// with different last bits from one call to the next (the simulator's results then depended on the thread count).
/// Here every element goes through the same vector kernel (a padded vector for the tail) with explicit fused
/// multiply-adds, and log is the scalar libm call. Accuracy of exp: within 2 ulp of libm (tested).
/// </summary>
internal static class DeterministicMath
{
    private static readonly Vector256<double> Log2E = Vector256.Create(1.4426950408889634);
    private static readonly Vector256<double> Ln2Hi = Vector256.Create(0.6931471803691238);
    private static readonly Vector256<double> Ln2Lo = Vector256.Create(1.9082149292705877e-10);
    private static readonly Vector256<double> Shifter = Vector256.Create(6755399441055744.0); // 1.5·2^52: adding it rounds to an integer
    private static readonly Vector256<double> Lowest = Vector256.Create(-746.0);              // e^-746 rounds to 0
    private static readonly Vector256<double> Highest = Vector256.Create(710.0);              // e^710 overflows to +∞
    private static readonly Vector256<double> LowestNormal = Vector256.Create(-708.0);       // 2^k is normal from here up

    /// <summary>dest[i] = e^{x[i]}: +∞ above ≈ 709.78, 0 below ≈ −745.13 and for −∞, NaN for NaN.</summary>
    public static void Exp(ReadOnlySpan<double> x, Span<double> dest)
    {
        if (dest.Length < x.Length) throw new ArgumentException("destination is shorter than the input");
        ref double source = ref MemoryMarshal.GetReference(x);
        ref double target = ref MemoryMarshal.GetReference(dest);
        int i = 0;
        for (; i <= x.Length - 4; i += 4) Exp(Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        if (i == x.Length) return;
        Span<double> tail = stackalloc double[4];
        tail.Clear();
        x[i..].CopyTo(tail);
        Vector256<double> result = Exp(Vector256.Create<double>(tail));
        for (int t = 0; i < x.Length; i++, t++) dest[i] = result.GetElement(t);
    }

    /// <summary>sum[i] += e^{x[i] − shift[i]} in one pass (bit-identical to subtracting, <see cref="Exp(ReadOnlySpan{double}, Span{double})"/> and adding).</summary>
    public static void AccumulateExp(ReadOnlySpan<double> x, ReadOnlySpan<double> shift, Span<double> sum)
    {
        if (shift.Length != x.Length || sum.Length != x.Length) throw new ArgumentException("spans differ in length");
        ref double source = ref MemoryMarshal.GetReference(x);
        ref double offsets = ref MemoryMarshal.GetReference(shift);
        ref double target = ref MemoryMarshal.GetReference(sum);
        int i = 0;
        for (; i <= x.Length - 4; i += 4)
        {
            Vector256<double> e = Exp(Vector256.LoadUnsafe(ref source, (nuint)i) - Vector256.LoadUnsafe(ref offsets, (nuint)i));
            (Vector256.LoadUnsafe(ref target, (nuint)i) + e).StoreUnsafe(ref target, (nuint)i);
        }
        for (; i < x.Length; i++) sum[i] += Exp(x[i] - shift[i]);
    }

    /// <summary>
    /// Σ e^{min(max(x[i], lo), hi) − shift} in one pass (pass ±∞ bounds for no clamping), summed in a fixed order:
    /// two 4-lane accumulators over blocks of 8, then blocks of 4, lanes in order, then the tail in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumExp(ReadOnlySpan<double> x, double shift, double lo = double.NegativeInfinity, double hi = double.PositiveInfinity)
    {
        ref double source = ref MemoryMarshal.GetReference(x);
        Vector256<double> s = Vector256.Create(shift), low = Vector256.Create(lo), high = Vector256.Create(hi);
        Vector256<double> a0 = Vector256<double>.Zero, a1 = Vector256<double>.Zero;
        int i = 0;
        for (; i <= x.Length - 8; i += 8)
        {
            a0 += Exp(Vector256.Min(Vector256.Max(Vector256.LoadUnsafe(ref source, (nuint)i), low), high) - s);
            a1 += Exp(Vector256.Min(Vector256.Max(Vector256.LoadUnsafe(ref source, (nuint)(i + 4)), low), high) - s);
        }
        for (; i <= x.Length - 4; i += 4)
            a0 += Exp(Vector256.Min(Vector256.Max(Vector256.LoadUnsafe(ref source, (nuint)i), low), high) - s);
        Vector256<double> lanes = a0 + a1;
        double total = (lanes.GetElement(0) + lanes.GetElement(1)) + (lanes.GetElement(2) + lanes.GetElement(3));
        for (; i < x.Length; i++) total += Exp(Math.Min(Math.Max(x[i], lo), hi) - shift);
        return total;
    }

    /// <summary>
    /// Σ e^{x[i] − shift} through <see cref="ExpForSum(Vector256{double})"/>, for a shift at or above every x[i] (the
    /// maximum, in a log-sum-exp): terms below e^−708 count as 0, which changes nothing next to the maximum's term 1.
    /// Summed in the fixed order of <see cref="SumExp"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double SumExpForSum(ReadOnlySpan<double> x, double shift)
    {
        ref double source = ref MemoryMarshal.GetReference(x);
        Vector256<double> s = Vector256.Create(shift);
        Vector256<double> a0 = Vector256<double>.Zero, a1 = Vector256<double>.Zero;
        int i = 0;
        for (; i <= x.Length - 8; i += 8)
        {
            a0 += ExpForSum(Vector256.LoadUnsafe(ref source, (nuint)i) - s);
            a1 += ExpForSum(Vector256.LoadUnsafe(ref source, (nuint)(i + 4)) - s);
        }
        for (; i <= x.Length - 4; i += 4) a0 += ExpForSum(Vector256.LoadUnsafe(ref source, (nuint)i) - s);
        Vector256<double> lanes = a0 + a1;
        double total = (lanes.GetElement(0) + lanes.GetElement(1)) + (lanes.GetElement(2) + lanes.GetElement(3));
        for (; i < x.Length; i++) total += ExpForSum(x[i] - shift);
        return total;
    }

    /// <summary>e^x for one value, through the same kernel as the span version (bit-identical to it).</summary>
    public static double Exp(double x) => Exp(Vector256.Create(x)).GetElement(0);

    /// <summary>dest[i] = ln x[i] (Math.Log: a scalar libm call, the same for every element).</summary>
    public static void Log(ReadOnlySpan<double> x, Span<double> dest)
    {
        if (dest.Length < x.Length) throw new ArgumentException("destination is shorter than the input");
        for (int i = 0; i < x.Length; i++) dest[i] = Math.Log(x[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Exp(Vector256<double> x)
    {
        Vector256<double> clamped = Vector256.Min(Vector256.Max(x, Lowest), Highest);
        Vector256<double> k = (clamped * Log2E + Shifter) - Shifter;
        Vector256<double> r = Vector256.FusedMultiplyAdd(-k, Ln2Hi, clamped);
        r = Vector256.FusedMultiplyAdd(-k, Ln2Lo, r);
        Vector256<double> p = TaylorExp(r);
        // 2^k as two factors, so that results in the subnormal range (k < −1022) and k = 1024 come out right.
        Vector256<double> k1 = Vector256.Floor(k * 0.5), k2 = k - k1;
        Vector256<double> result = p * PowerOfTwo(k1) * PowerOfTwo(k2);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    /// <summary>
    /// e^x for the terms of a sum: x ≤ 709 (finite or −∞, never NaN). Inputs below −708, whose results would be
    /// subnormal, give exactly 0, which lets 2^k come from the bits of the rounded x·log₂e in one step; the rest go
    /// through the same reduction and polynomial as <see cref="Exp(double)"/>. A sum of such terms is accurate as long
    /// as it is far above n · e^−708 (callers check).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ExpForSum(Vector256<double> x)
    {
        Vector256<double> shifted = Vector256.FusedMultiplyAdd(x, Log2E, Shifter);
        Vector256<double> k = shifted - Shifter;
        Vector256<double> r = Vector256.FusedMultiplyAdd(-k, Ln2Hi, x);
        r = Vector256.FusedMultiplyAdd(-k, Ln2Lo, r);
        // The low mantissa bits of 1.5·2^52 + k hold k; adding the bias and shifting them into the exponent gives 2^k.
        Vector256<double> scale = ((shifted.AsUInt64() + Vector256.Create(1023UL)) << 52).AsDouble();
        return (TaylorExp(r) * scale) & Vector256.GreaterThanOrEqual(x, LowestNormal);
    }

    /// <summary>The scalar form of <see cref="ExpForSum(Vector256{double})"/> (bit-identical to it).</summary>
    internal static double ExpForSum(double x) => ExpForSum(Vector256.Create(x)).GetElement(0);

    /// <summary>
    /// e^r for |r| ≤ ln2/2 by its Taylor series to degree 13 (truncation error below 1e-17), evaluated with Estrin's
    /// scheme: a dependency chain of 4 fused multiply-adds instead of Horner's 13, so the CPU overlaps the work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TaylorExp(Vector256<double> r)
    {
        Vector256<double> r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        Vector256<double> q0 = Vector256.FusedMultiplyAdd(r, Vector256<double>.One, Vector256<double>.One);
        Vector256<double> q1 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 6), Vector256.Create(1.0 / 2));
        Vector256<double> q2 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 120), Vector256.Create(1.0 / 24));
        Vector256<double> q3 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 5040), Vector256.Create(1.0 / 720));
        Vector256<double> q4 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 362880), Vector256.Create(1.0 / 40320));
        Vector256<double> q5 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 39916800), Vector256.Create(1.0 / 3628800));
        Vector256<double> q6 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 6227020800), Vector256.Create(1.0 / 479001600));
        Vector256<double> s0 = Vector256.FusedMultiplyAdd(q1, r2, q0), s1 = Vector256.FusedMultiplyAdd(q3, r2, q2);
        Vector256<double> s2 = Vector256.FusedMultiplyAdd(q5, r2, q4);
        Vector256<double> t0 = Vector256.FusedMultiplyAdd(s1, r4, s0), t1 = Vector256.FusedMultiplyAdd(q6, r4, s2);
        return Vector256.FusedMultiplyAdd(t1, r8, t0);
    }

    /// <summary>2^k for an integral k in [−1022, 1023], built from the exponent bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PowerOfTwo(Vector256<double> k)
    {
        Vector256<ulong> biased = (k + Vector256.Create(1023.0) + Shifter).AsUInt64() - Shifter.AsUInt64();
        return (biased << 52).AsDouble();
    }
}
