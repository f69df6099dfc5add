using System.Runtime.CompilerServices;
namespace MutualInfo.Estimators.Neighbours;

/// <summary>
/// Sorting doubles with their original indexes by an LSD radix sort on order-preserving 64-bit keys. Used
/// instead of Array.Sort(keys, items) because a CLI run sorts once, cold: the generic sort's comparison helpers
/// then run unoptimised for most of the sort, while this loop is precompiled (ReadyToRun) or, in the CLI's other
/// builds, compiled fully optimised at once (methods with loops skip the unoptimised tier there).
/// </summary>
internal static class RadixOrder
{
    private const int Bits = 11, Buckets = 1 << Bits, Passes = (64 + Bits - 1) / Bits;

    /// <summary>The values in ascending order (−0 before +0, which compare equal anyway) and, for each sorted
    /// position, the original index; ties keep their original order (the sort is stable).</summary>
    public static (double[] Sorted, int[] Order) Sort(double[] values)
    {
        int n = values.Length;
        if (n == 0) return ([], []); // the digit-skip test below reads keys[0]
        var keys = new ulong[n];
        var order = new int[n];
        var histogram = new int[Passes * Buckets];
        for (int i = 0; i < n; i++)
        {
            ulong key = OrderedKey(values[i]);
            keys[i] = key;
            order[i] = i;
            for (int p = 0; p < Passes; p++) histogram[p * Buckets + (int)((key >> (p * Bits)) & (Buckets - 1))]++;
        }
        var keysTmp = new ulong[n];
        var orderTmp = new int[n];
        for (int p = 0; p < Passes; p++)
        {
            var counts = histogram.AsSpan(p * Buckets, Buckets);
            if (counts[(int)((keys[0] >> (p * Bits)) & (Buckets - 1))] == n) continue; // every key shares this digit
            int sum = 0;
            for (int b = 0; b < Buckets; b++) (counts[b], sum) = (sum, sum + counts[b]);
            for (int i = 0; i < n; i++)
            {
                int slot = counts[(int)((keys[i] >> (p * Bits)) & (Buckets - 1))]++;
                keysTmp[slot] = keys[i];
                orderTmp[slot] = order[i];
            }
            (keys, keysTmp) = (keysTmp, keys);
            (order, orderTmp) = (orderTmp, order);
        }
        var sorted = new double[n];
        for (int i = 0; i < n; i++) sorted[i] = values[order[i]];
        return (sorted, order);
    }

    // Flip all bits of negatives and only the sign bit of non-negatives: unsigned order then equals numeric order.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong OrderedKey(double v)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(v);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }
}
