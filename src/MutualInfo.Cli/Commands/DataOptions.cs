using System.CommandLine;
using MutualInfo.Data;
using MutualInfo.Estimators;

namespace MutualInfo.Cli.Commands;

/// <summary>Options shared by the commands that estimate MI from a CSV file (`mi estimate`, `mi bmi`).</summary>
internal sealed class DataOptions
{
    public Option<string> Estimator { get; } = new("--estimator") { Description = $"Estimator ({DataEstimatorCatalog.HelpText})", DefaultValueFactory = _ => DataEstimatorCatalog.Default };
    public Option<int> K { get; } = new("--k") { Description = "Neighbours k for KSG", DefaultValueFactory = _ => 3 };
    public Option<string> Delimiter { get; } = new("--delimiter") { Description = "CSV field delimiter: one character, or 'tab'", DefaultValueFactory = _ => "," };
    public Option<bool> NoStandardize { get; } = new("--no-standardize") { Description = "Do not z-score each column before estimating (KSG is scale-sensitive; standardising is the default)" };
    public Option<double> TieNoise { get; } = new("--tie-noise") { Description = "KSG tie-breaking noise, relative to max(1, mean|column|) (0 = off)", DefaultValueFactory = _ => 1e-10 };
    public Option<NeighbourSearch> Search { get; } = new("--search") { Description = "KSG neighbour search: Auto, Tree or BruteForce (all exact; speed only)", DefaultValueFactory = _ => NeighbourSearch.Auto };

    public Option<bool> NoLowerBoundCheck { get; } = new("--no-lower-bound-check") { Description = "ksg-copula: do not train the held-out neural lower bound (InfoNCE) it consults where its evidence doubts KSG (seconds to a minute; it can only raise the estimate)" };

    /// <summary>The neural estimators' flags (--critic, --hidden, --steps, …).</summary>
    public NeuralOptions Neural { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Estimator);
        command.Options.Add(K);
        command.Options.Add(Delimiter);
        command.Options.Add(NoStandardize);
        command.Options.Add(TieNoise);
        command.Options.Add(Search);
        command.Options.Add(NoLowerBoundCheck);
        Neural.AddTo(command);
    }

    public char GetDelimiter(ParseResult parsed)
    {
        string text = parsed.GetValue(Delimiter) ?? ",";
        if (text.Equals("tab", StringComparison.OrdinalIgnoreCase) || text == "\\t") return '\t';
        if (text.Length != 1) throw new UsageException($"--delimiter: expected one character or 'tab', got '{text}'");
        CsvSamples.RequireUsableDelimiter(text[0], "--delimiter");
        return text[0];
    }

    public IMiEstimator CreateEstimator(ParseResult parsed, int threads, int splits, int resamples, double biasAllowance, Action<int, int>? progress = null) =>
        DataEstimatorCatalog.Create(parsed.GetValue(Estimator) ?? DataEstimatorCatalog.Default,
            new DataEstimatorSettings(parsed.GetValue(K), parsed.GetValue(TieNoise), splits, resamples, biasAllowance, parsed.GetValue(Search), threads, progress, Neural.Get(parsed), !parsed.GetValue(NoLowerBoundCheck)));

    /// <summary>Reads the chosen columns as they are in the file (checks and scaling are the library's, see <see cref="MutualInformation"/>).</summary>
    public PairedSamples Read(ParseResult parsed, string path, ColumnChoice columns) => CsvSamples.Read(path, columns, GetDelimiter(parsed));

    /// <summary>Whether columns are z-scored before estimating (not --no-standardize).</summary>
    public bool Standardize(ParseResult parsed) => !parsed.GetValue(NoStandardize);
}
