using System.Runtime.InteropServices;

namespace MutualInfo.Neural.Native;

/// <summary>
/// Makes libtorch's OpenMP threads sleep at barriers instead of spinning, unless the user chose otherwise.
/// </summary>
/// <remarks>
/// libtorch ships GNU OpenMP, whose idle threads spin for a while (GOMP_SPINCOUNT) before they sleep. With two torch
/// threads on a machine whose cores are busy with other work, each parallel region then waits for a spinning partner
/// that has no core: measured on the shared 2-core machine at load ~10–14, the staircase's separable critic trained
/// 7.2 steps/s with 2 torch threads and the default policy and 249 steps/s with <c>OMP_WAIT_POLICY=PASSIVE</c>
/// (PyTorch 1.13 likewise: 11.2 vs 170). On a nearly idle machine (load ≈ 1.7) sleeping costs the wake-ups: 2 threads
/// trained 244–256 steps/s passive against 323–330 spinning (and 327–330 with one thread). The default guards against
/// the 40× collapse; whoever runs 2+ torch threads on a quiet machine can set OMP_WAIT_POLICY=ACTIVE or GOMP_SPINCOUNT
/// (which libgomp honours before the policy; 50000 gave 345 steps/s there). With one torch thread (the staircase
/// runner and <c>mi estimate</c>) no parallel region is entered and the policy changes nothing. libgomp reads the variable once, when it is loaded,
/// so it is set (through libc, which is what libgomp reads) before libtorch loads; a value set by the user is kept.
/// </remarks>
internal static class OpenMpWaitPolicy
{
    internal const string Variable = "OMP_WAIT_POLICY";

    /// <summary>Sets OMP_WAIT_POLICY=PASSIVE in the process environment when it is unset (Linux only).</summary>
    internal static void DefaultToPassive()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is not null) return;
        _ = SetEnv(Variable, "PASSIVE", 0);
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
