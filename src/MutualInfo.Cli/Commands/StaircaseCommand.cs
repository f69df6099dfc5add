using System.CommandLine;
using System.Globalization;
using MutualInfo.Cli.Output;
using MutualInfo.Cli.Staircase;
using MutualInfo.Neural.Critics;
using MutualInfo.Neural.Objectives;
using MutualInfo.Neural.Staircase;
using Spectre.Console;

namespace MutualInfo.Cli.Commands;

/// <summary>
/// `mi staircase`: learned critics tracking a staircase of true MI (Poole et al. 2019, Fig. 2; Song &amp; Ermon 2020).
/// Only this command loads libtorch.
/// </summary>
internal static class StaircaseCommand
{
    public static Command Create()
    {
        var estimators = new Option<string>("--estimators")
        {
            Description = $"Comma-separated estimators ({string.Join(", ", ObjectiveSpec.Names)}); parameters as alpha-infonce:alpha=0.01, smile:tau=5, mine:rate=0.01",
            DefaultValueFactory = _ => "infonce,nwj,js,alpha-infonce:alpha=0.01,smile:tau=5",
        };
        var levels = new Option<string>("--levels") { Description = "True MI levels in nats, comma-separated", DefaultValueFactory = _ => "2,4,6,8,10" };
        var stepsPerLevel = new Option<int>("--steps-per-level") { Description = "Training steps per level", DefaultValueFactory = _ => 4000 };
        var batch = new Option<int>("--batch") { Description = "Batch size n (InfoNCE is capped at log n)", DefaultValueFactory = _ => 64 };
        var dim = new Option<int>("--dim") { Description = "Dimension of X and Y", DefaultValueFactory = _ => 20 };
        var cubic = new Option<bool>("--cubic") { Description = "Transform y → y³ (same MI, harder for the critic)" };
        var critic = new Option<string>("--critic") { Description = "Critic: separable, bilinear or concat", DefaultValueFactory = _ => "separable" };
        var layers = new Option<int>("--layers") { Description = "Hidden layers per MLP", DefaultValueFactory = _ => 2 };
        var hidden = new Option<int>("--hidden") { Description = "Units per hidden layer", DefaultValueFactory = _ => 256 };
        var embedding = new Option<int>("--embedding") { Description = "Embedding size of separable/bilinear critics", DefaultValueFactory = _ => 32 };
        var activation = new Option<string>("--activation") { Description = "relu, tanh, elu, gelu, silu or leaky-relu", DefaultValueFactory = _ => "relu" };
        var learningRate = new Option<double>("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => 5e-4 };
        var device = new Option<string>("--device") { Description = "cpu, or cuda where a CUDA build of libtorch is installed", DefaultValueFactory = _ => "cpu" };
        var plot = new Option<string?>("--plot") { Description = "Write the plot (.png or .svg): one panel per estimator" };
        var common = new CommonOptions();

        var command = new Command("staircase", "Learned critics (TorchSharp) tracking a staircase of true MI: the Poole et al. / SMILE experiment");
        foreach (Option option in new Option[] { estimators, levels, stepsPerLevel, batch, dim, cubic, critic, layers, hidden, embedding, activation, learningRate, device, plot })
            command.Options.Add(option);
        common.AddTo(command);
        command.SetAction(parsed =>
        {
            var options = new StaircaseOptions
            {
                Dim = parsed.GetValue(dim),
                Levels = ParseLevels(parsed.GetValue(levels)!),
                StepsPerLevel = parsed.GetValue(stepsPerLevel),
                Estimators = ObjectiveSpec.ParseList(parsed.GetValue(estimators)!).Select(o => o.Spec).ToArray(),
                Critic = new CriticOptions(CriticOptions.ParseKind(parsed.GetValue(critic)!), parsed.GetValue(layers),
                    parsed.GetValue(hidden), parsed.GetValue(embedding), CriticOptions.ParseActivation(parsed.GetValue(activation)!)),
                BatchSize = parsed.GetValue(batch),
                LearningRate = parsed.GetValue(learningRate),
                Seed = parsed.GetValue(common.Seed),
                Threads = common.GetThreads(parsed),
                Cuda = ParseDevice(parsed.GetValue(device)!),
            };
            return Execute(options, parsed.GetValue(cubic), parsed.GetValue(common.Json), parsed.GetValue(plot));
        });
        return command;
    }

    private static int Execute(StaircaseOptions options, bool cubic, string? jsonPath, string? plotPath)
    {
        OutputPaths.Require([], new("--json", jsonPath), new("--plot", plotPath));
        options.Validate();
        if (options.BatchSize < 2) throw new UsageException($"--batch: must be at least 2, got {options.BatchSize}");
        if (!(options.LearningRate > 0)) throw new UsageException($"--lr: must be positive, got {options.LearningRate}");
        if (plotPath is not null && Path.GetExtension(plotPath).ToLowerInvariant() is not (".png" or ".svg"))
            throw new UsageException($"--plot: the file must end in .png or .svg, got '{plotPath}'");

        long total = (long)options.Estimators.Count * options.Levels.Count * options.StepsPerLevel;
        var progress = new ProgressReporter("staircase", total);
        var result = StaircaseExperiment.Run(options, StaircaseData.For(options.Dim, cubic), () => progress.Advance());

        // `--json -`: the JSON on stdout (as in every command), the table on stderr.
        IAnsiConsole console = jsonPath == "-" ? StdoutConsole.CreateOnStderr() : StdoutConsole.Create();
        StaircaseTable.Write(console, result);
        if (jsonPath == "-")
        {
            using var buffer = new MemoryStream();
            StaircaseJson.Write(result, cubic, buffer);
            Console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else if (jsonPath is not null)
        {
            AtomicFile.Write(jsonPath, stream => StaircaseJson.Write(result, cubic, stream));
            console.WriteLine($"wrote {jsonPath}");
        }
        if (plotPath is not null)
        {
            StaircasePlot.Save(result, plotPath);
            console.WriteLine($"wrote {plotPath}");
        }
        return CliApp.ExitOk;
    }

    private static bool ParseDevice(string text) => text.Trim().ToLowerInvariant() switch
    {
        "cpu" => false,
        "cuda" => true,
        _ => throw new UsageException($"--device: expected cpu or cuda, got '{text}'"),
    };

    private static string[] SplitList(string text)
    {
        string[] items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Any(i => i.Length == 0)) throw new UsageException($"--levels: empty item in '{text}'");
        return items;
    }

    private static double[] ParseLevels(string text) =>
        SplitList(text).Select(item => double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v)
            ? v
            : throw new UsageException($"--levels: each level must be a positive number of nats, got '{item}'")).ToArray();
}
