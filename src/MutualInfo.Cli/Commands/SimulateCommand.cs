using System.CommandLine;

namespace MutualInfo.Cli.Commands;

/// <summary>`mi simulate`: exact-critic Monte Carlo of the bounds vs batch size.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "Exact-critic simulation of InfoNCE and the other bounds vs batch size n");
        var common = new CommonOptions();
        common.AddTo(command);
        command.SetAction(parsed => 0);
        return command;
    }
}
