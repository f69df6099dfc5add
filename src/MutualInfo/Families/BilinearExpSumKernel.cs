using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MutualInfo.Numerics;

namespace MutualInfo.Families;

/// <summary>
/// The column summary of a square matrix S[i,j] = rowTerms[i] + colTerms[j] + u_i · v_j (the bilinear form of
/// <see cref="BilinearKernel"/>) without storing it: positives[j] = S[j,j] and sums[j] = Σ_{i≠j} e^{S[i,j] − shifts[j]}.
/// Four rows of a column panel are accumulated in registers exactly as <see cref="BilinearKernel"/> does (so the
/// positives are bit-identical to the matrix) into a small tile that stays in L1 and is exponentiated right away;
/// panels are narrow enough for their slice of vᵀ, their sums and the tile to stay in L1 while all rows stream past,
/// so no score goes to main memory. Every column adds its rows in row order, so the result depends on the inputs alone.
/// </summary>
/// <remarks>
/// The shifts must bound the scores from above (up to rounding): the exponentials have no overflow handling and
/// count terms below e^−708 as 0 (<see cref="DeterministicMath.ExpForSum(Vector256{double})"/>), so a column sum
/// that is not far above n · e^−708 is unreliable and the caller must recompute that column another way.
/// </remarks>
internal static class BilinearExpSumKernel
{
    private const int PanelBytes = 16 * 1024;
    private const int Rows = 4;

    /// <summary>Fills <paramref name="positives"/> and <paramref name="sums"/> (n entries each; u and v are n × k).</summary>
    public static void Summarise(ReadOnlySpan<double> u, ReadOnlySpan<double> v, int k, ReadOnlySpan<double> rowTerms,
        ReadOnlySpan<double> colTerms, ReadOnlySpan<double> shifts, Span<double> positives, Span<double> sums)
    {
        int n = rowTerms.Length;
        if (u.Length != n * k || v.Length != n * k || colTerms.Length != n || shifts.Length != n || positives.Length != n || sums.Length != n)
            throw new ArgumentException("BilinearExpSumKernel: inconsistent shapes");
        if (n == 0) return;
        int panel = Math.Max(8, PanelBytes / (sizeof(double) * k) / 8 * 8);
        using var vtLease = new PooledArray(k * n);
        using var tileLease = new PooledArray(Rows * panel);
        Span<double> vt = vtLease.Span, tile = tileLease.Span;
        PackPanels(v, n, k, panel, vt);
        sums.Clear();
        var m = new Operands(u, vt, k, rowTerms, colTerms);
        for (int j0 = 0; j0 < n; j0 += panel)
        {
            int width = Math.Min(panel, n - j0);
            for (int i = 0; i < n; i += Rows)
            {
                int rows = Math.Min(Rows, n - i);
                if (rows == Rows) FourRows(m, i, j0, width, tile);
                else ScalarRows(m, i, rows, j0, width, tile);
                for (int r = 0; r < rows; r++)
                {
                    Span<double> scores = tile.Slice(r * width, width);
                    int diagonal = i + r - j0;
                    if ((uint)diagonal < (uint)width)
                    {
                        positives[i + r] = scores[diagonal];
                        scores[diagonal] = double.NegativeInfinity;
                    }
                    AccumulateExp(scores, shifts.Slice(j0, width), sums.Slice(j0, width));
                }
            }
        }
    }

    private readonly ref struct Operands(ReadOnlySpan<double> u, ReadOnlySpan<double> vt, int k, ReadOnlySpan<double> rowTerms,
        ReadOnlySpan<double> colTerms)
    {
        public readonly ref double U = ref MemoryMarshal.GetReference(u);
        public readonly ref double Vt = ref MemoryMarshal.GetReference(vt);
        public readonly ref double RowTerms = ref MemoryMarshal.GetReference(rowTerms);
        public readonly ref double ColTerms = ref MemoryMarshal.GetReference(colTerms);
        public readonly int K = k;
    }

    /// <summary>
    /// vᵀ panel by panel: the panel of columns j0 … j0+w−1 is a contiguous k × w block at offset j0·k. A plain k × n
    /// transpose would put the k rows a panel reads n·8 bytes apart, which for n a multiple of 512 all fall into the
    /// same L1 set and evict each other.
    /// </summary>
    private static void PackPanels(ReadOnlySpan<double> v, int n, int k, int panel, Span<double> vt)
    {
        for (int j0 = 0; j0 < n; j0 += panel)
        {
            int width = Math.Min(panel, n - j0);
            Span<double> block = vt.Slice(j0 * k, width * k);
            for (int c = 0; c < width; c++)
                for (int kk = 0; kk < k; kk++)
                    block[kk * width + c] = v[(j0 + c) * k + kk];
        }
    }

    /// <summary>Rows i … i+3, columns j0 … j0+width−1 into the tile (row stride width).</summary>
    private static void FourRows(in Operands m, int i, int j0, int width, Span<double> tile)
    {
        int k = m.K;
        ref double u = ref Unsafe.Add(ref m.U, i * k);
        ref double rowTerms = ref Unsafe.Add(ref m.RowTerms, i);
        ref double t0 = ref MemoryMarshal.GetReference(tile);
        int c = 0;
        for (; c + 8 <= width; c += 8)
            FmaTile.Compute4x8(ref u, k, ref rowTerms, ref Unsafe.Add(ref m.ColTerms, j0 + c),
                ref Unsafe.Add(ref m.Vt, j0 * k + c), (nuint)width, ref Unsafe.Add(ref t0, c), (nuint)width);
        for (int r = 0; r < Rows; r++)
            for (int cc = c; cc < width; cc++) tile[r * width + cc] = Scalar(m, i + r, j0, width, cc);
    }

    /// <summary>The leftover rows (fewer than four), one element at a time with the same arithmetic.</summary>
    private static void ScalarRows(in Operands m, int i, int rows, int j0, int width, Span<double> tile)
    {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < width; c++) tile[r * width + c] = Scalar(m, i + r, j0, width, c);
    }

    /// <summary>S[i, j0 + c] for the panel at j0 of the given width.</summary>
    private static double Scalar(in Operands m, int i, int j0, int width, int c)
    {
        double score = Unsafe.Add(ref m.RowTerms, i) + Unsafe.Add(ref m.ColTerms, j0 + c);
        ref double vColumn = ref Unsafe.Add(ref m.Vt, j0 * m.K + c);
        for (int kk = 0; kk < m.K; kk++)
            score = Math.FusedMultiplyAdd(Unsafe.Add(ref m.U, i * m.K + kk), Unsafe.Add(ref vColumn, kk * width), score);
        return score;
    }

    /// <summary>sums[c] += e^{scores[c] − shifts[c]}, every element through the same vector kernel.</summary>
    private static void AccumulateExp(ReadOnlySpan<double> scores, ReadOnlySpan<double> shifts, Span<double> sums)
    {
        ref double x = ref MemoryMarshal.GetReference(scores);
        ref double s = ref MemoryMarshal.GetReference(shifts);
        ref double total = ref MemoryMarshal.GetReference(sums);
        int c = 0;
        for (; c + 4 <= scores.Length; c += 4)
        {
            Vector256<double> e = DeterministicMath.ExpForSum(Vector256.LoadUnsafe(ref x, (nuint)c) - Vector256.LoadUnsafe(ref s, (nuint)c));
            (Vector256.LoadUnsafe(ref total, (nuint)c) + e).StoreUnsafe(ref total, (nuint)c);
        }
        for (; c < scores.Length; c++) sums[c] += DeterministicMath.ExpForSum(scores[c] - shifts[c]);
    }
}
