using System.Globalization;

namespace MutualInfo;

/// <summary>
/// Refuses work whose memory would not fit, before allocating it: a request is compared with the memory this process
/// may use (physical memory or the container limit, as the GC sees it), and refused with one line saying what it
/// would need and what is available.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>The bytes this process may use (GC's view: physical memory, or the cgroup limit when lower).</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming <paramref name="parameter"/>, its message starting with
    /// <paramref name="what"/>, when <paramref name="bytes"/> (a double, so products of large counts cannot overflow)
    /// exceeds the available memory.
    /// </summary>
    public static void Require(double bytes, string what, string parameter)
    {
        long available = AvailableBytes;
        if (!(bytes <= available))
            throw new ArgumentException($"{what} would need about {Format(bytes)} of memory; this machine allows {Format(available)}", parameter);
    }

    /// <summary>A byte count in MB or GB, e.g. "3.2 GB".</summary>
    public static string Format(double bytes) => bytes >= 1 << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 30):G3} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(bytes / (1 << 20)):F0} MB");
}
