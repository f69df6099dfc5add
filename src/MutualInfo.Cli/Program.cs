using MutualInfo.Cli;

return CliApp.Run(args);
