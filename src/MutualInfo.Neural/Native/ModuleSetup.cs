using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace MutualInfo.Neural.Native;

/// <summary>
/// Installs the libtorch load repair, and the passive OpenMP wait policy (<see cref="OpenMpWaitPolicy"/>), as soon as any
/// type of this assembly is used, before libtorch can load.
/// </summary>
internal static class ModuleSetup
{
    /// <summary>
    /// Only subscribes an event handler (no native load), so code that touches this assembly and then uses
    /// TorchSharp directly, before any call to <see cref="TorchRuntime.EnsureLoaded"/>, still gets the repair.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The hook must be in place before the first TorchSharp call, whichever type the caller touches first; it loads nothing itself.")]
    internal static void InstallLoadRepair()
    {
        OpenMpWaitPolicy.DefaultToPassive();
        TorchRuntime.InstallRepairHook();
    }
}
