using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MutualInfo.Families;

/// <summary>
/// The GEMM-like kernel behind the Gaussian critics: dest[i·ny + j] = rowTerms[i] + colTerms[j] + u_i · v_j, where
/// u (nx × k) and v (ny × k) are row-major. v is transposed to k × ny once; the vector path then keeps a 4 × 8 tile
/// of dest in registers and walks j in panels small enough for the transposed panel to stay in L1.
/// </summary>
internal static class BilinearKernel
{
    private const int PanelBytes = 16 * 1024;
    private const int Rows = 4;

    /// <summary>Computes the matrix with the fastest path the hardware supports.</summary>
    public static void Compute(ReadOnlySpan<double> u, ReadOnlySpan<double> v, int k,
        ReadOnlySpan<double> rowTerms, ReadOnlySpan<double> colTerms, Span<double> dest)
    {
        if (Vector256.IsHardwareAccelerated) Compute(u, v, k, rowTerms, colTerms, dest, vectorised: true);
        else Compute(u, v, k, rowTerms, colTerms, dest, vectorised: false);
    }

    /// <summary>Computes the matrix with the register-blocked path or the portable TensorPrimitives path.</summary>
    internal static void Compute(ReadOnlySpan<double> u, ReadOnlySpan<double> v, int k,
        ReadOnlySpan<double> rowTerms, ReadOnlySpan<double> colTerms, Span<double> dest, bool vectorised)
    {
        int nx = rowTerms.Length, ny = colTerms.Length;
        if (u.Length != nx * k || v.Length != ny * k || dest.Length != nx * ny)
            throw new ArgumentException("BilinearKernel: inconsistent shapes");
        if (nx == 0 || ny == 0) return;
        double[] vtArray = ArrayPool<double>.Shared.Rent(k * ny);
        try
        {
            Span<double> vt = vtArray.AsSpan(0, k * ny);
            Transpose(v, ny, k, vt);
            if (vectorised) ComputeBlocked(u, vt, k, rowTerms, colTerms, dest);
            else ComputePortable(u, vt, k, rowTerms, colTerms, dest);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(vtArray);
        }
    }

    private static void Transpose(ReadOnlySpan<double> v, int ny, int k, Span<double> vt)
    {
        for (int j = 0; j < ny; j++)
            for (int kk = 0; kk < k; kk++)
                vt[kk * ny + j] = v[j * k + kk];
    }

    private static void ComputePortable(ReadOnlySpan<double> u, ReadOnlySpan<double> vt, int k,
        ReadOnlySpan<double> rowTerms, ReadOnlySpan<double> colTerms, Span<double> dest)
    {
        int nx = rowTerms.Length, ny = colTerms.Length;
        for (int i = 0; i < nx; i++)
        {
            Span<double> row = dest.Slice(i * ny, ny);
            TensorPrimitives.Add(colTerms, rowTerms[i], row);
            for (int kk = 0; kk < k; kk++) TensorPrimitives.MultiplyAdd(vt.Slice(kk * ny, ny), u[i * k + kk], row, row);
        }
    }

    private static void ComputeBlocked(ReadOnlySpan<double> u, ReadOnlySpan<double> vt, int k,
        ReadOnlySpan<double> rowTerms, ReadOnlySpan<double> colTerms, Span<double> dest)
    {
        int nx = rowTerms.Length, ny = colTerms.Length;
        int panel = Math.Max(8, PanelBytes / (sizeof(double) * k) / 8 * 8);
        var m = new Operands(u, vt, k, rowTerms, colTerms, dest);
        for (int j0 = 0; j0 < ny; j0 += panel)
        {
            int jEnd = Math.Min(ny, j0 + panel);
            int i = 0;
            for (; i + Rows <= nx; i += Rows) FourRows(m, i, j0, jEnd);
            for (; i < nx; i++) OneRow(m, i, j0, jEnd);
        }
    }

    private readonly ref struct Operands(ReadOnlySpan<double> u, ReadOnlySpan<double> vt, int k,
        ReadOnlySpan<double> rowTerms, ReadOnlySpan<double> colTerms, Span<double> dest)
    {
        public readonly ref double U = ref MemoryMarshal.GetReference(u);
        public readonly ref double Vt = ref MemoryMarshal.GetReference(vt);
        public readonly ref double RowTerms = ref MemoryMarshal.GetReference(rowTerms);
        public readonly ref double ColTerms = ref MemoryMarshal.GetReference(colTerms);
        public readonly ref double Dest = ref MemoryMarshal.GetReference(dest);
        public readonly int K = k;
        public readonly int Ny = colTerms.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRows(in Operands m, int i, int j0, int jEnd)
    {
        int k = m.K, ny = m.Ny;
        ref double u = ref Unsafe.Add(ref m.U, i * k);
        ref double rowTerms = ref Unsafe.Add(ref m.RowTerms, i);
        ref double destRow = ref Unsafe.Add(ref m.Dest, i * ny);
        int j = j0;
        for (; j + 8 <= jEnd; j += 8)
            FmaTile.Compute4x8(ref u, k, ref rowTerms, ref Unsafe.Add(ref m.ColTerms, j),
                ref Unsafe.Add(ref m.Vt, j), (nuint)ny, ref Unsafe.Add(ref destRow, j), (nuint)ny);
        for (int r = 0; r < Rows; r++)
            for (int jj = j; jj < jEnd; jj++) Unsafe.Add(ref m.Dest, (i + r) * ny + jj) = Scalar(m, i + r, jj);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OneRow(in Operands m, int i, int j0, int jEnd)
    {
        int k = m.K, ny = m.Ny;
        ref double ui = ref Unsafe.Add(ref m.U, i * k);
        var r = Vector256.Create(Unsafe.Add(ref m.RowTerms, i));
        int j = j0;
        for (; j + 4 <= jEnd; j += 4)
        {
            var acc = r + Vector256.LoadUnsafe(ref m.ColTerms, (nuint)j);
            ref double vRow = ref Unsafe.Add(ref m.Vt, j);
            for (int kk = 0; kk < k; kk++)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ui, kk)), Vector256.LoadUnsafe(ref vRow), acc);
                vRow = ref Unsafe.Add(ref vRow, ny);
            }
            acc.StoreUnsafe(ref m.Dest, (nuint)(i * ny + j));
        }
        for (; j < jEnd; j++) Unsafe.Add(ref m.Dest, i * ny + j) = Scalar(m, i, j);
    }

    private static double Scalar(in Operands m, int i, int j)
    {
        double sum = Unsafe.Add(ref m.RowTerms, i) + Unsafe.Add(ref m.ColTerms, j);
        for (int kk = 0; kk < m.K; kk++) sum = Math.FusedMultiplyAdd(Unsafe.Add(ref m.U, i * m.K + kk), Unsafe.Add(ref m.Vt, kk * m.Ny + j), sum);
        return sum;
    }
}
