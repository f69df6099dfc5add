using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MutualInfo.Families;

/// <summary>
/// The register-blocked 4 × 8 tile shared by the bilinear kernels: dest[r, c] = rowTerms[r] + colTerms[c] +
/// Σ_kk u[r·k + kk] · v[kk·vStride + c], with each product added by one FMA in kk order, so every caller gets
/// bit-identical scores.
/// </summary>
internal static class FmaTile
{
    /// <summary>Computes the tile whose top-left operands are given by reference and stores it with row stride destStride.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compute4x8(ref double u, int k, ref double rowTerms, ref double colTerms,
        ref double v, nuint vStride, ref double dest, nuint destStride)
    {
        ref double u1 = ref Unsafe.Add(ref u, k);
        ref double u2 = ref Unsafe.Add(ref u1, k);
        ref double u3 = ref Unsafe.Add(ref u2, k);
        var c0 = Vector256.LoadUnsafe(ref colTerms);
        var c1 = Vector256.LoadUnsafe(ref colTerms, 4);
        var r0 = Vector256.Create(rowTerms);
        var r1 = Vector256.Create(Unsafe.Add(ref rowTerms, 1));
        var r2 = Vector256.Create(Unsafe.Add(ref rowTerms, 2));
        var r3 = Vector256.Create(Unsafe.Add(ref rowTerms, 3));
        Vector256<double> a00 = r0 + c0, a01 = r0 + c1, a10 = r1 + c0, a11 = r1 + c1;
        Vector256<double> a20 = r2 + c0, a21 = r2 + c1, a30 = r3 + c0, a31 = r3 + c1;
        ref double vRow = ref v;
        for (int kk = 0; kk < k; kk++)
        {
            var v0 = Vector256.LoadUnsafe(ref vRow);
            var v1 = Vector256.LoadUnsafe(ref vRow, 4);
            var b = Vector256.Create(Unsafe.Add(ref u, kk));
            a00 = Vector256.FusedMultiplyAdd(b, v0, a00);
            a01 = Vector256.FusedMultiplyAdd(b, v1, a01);
            b = Vector256.Create(Unsafe.Add(ref u1, kk));
            a10 = Vector256.FusedMultiplyAdd(b, v0, a10);
            a11 = Vector256.FusedMultiplyAdd(b, v1, a11);
            b = Vector256.Create(Unsafe.Add(ref u2, kk));
            a20 = Vector256.FusedMultiplyAdd(b, v0, a20);
            a21 = Vector256.FusedMultiplyAdd(b, v1, a21);
            b = Vector256.Create(Unsafe.Add(ref u3, kk));
            a30 = Vector256.FusedMultiplyAdd(b, v0, a30);
            a31 = Vector256.FusedMultiplyAdd(b, v1, a31);
            vRow = ref Unsafe.Add(ref vRow, vStride);
        }
        a00.StoreUnsafe(ref dest);
        a01.StoreUnsafe(ref dest, 4);
        a10.StoreUnsafe(ref dest, destStride);
        a11.StoreUnsafe(ref dest, destStride + 4);
        a20.StoreUnsafe(ref dest, 2 * destStride);
        a21.StoreUnsafe(ref dest, 2 * destStride + 4);
        a30.StoreUnsafe(ref dest, 3 * destStride);
        a31.StoreUnsafe(ref dest, 3 * destStride + 4);
    }
}
