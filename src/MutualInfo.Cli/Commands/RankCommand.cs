using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MutualInfo.Cli.Output;
using MutualInfo.Data;
using ScottPlot;
using Spectre.Console;

namespace MutualInfo.Cli.Commands;

/// <summary>`mi rank FILE --target COL`: every feature's MI with the target (SE, CI, p, q), sorted; optional greedy CMI selection; table, JSON, bar plot.</summary>
internal static class RankCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV file with a header row" };
        var target = new Option<string>("--target") { Description = "The target column (name or 0-based index)", Required = true };
        var features = new Option<string?>("--features") { Description = "Feature columns (default: every column but the target)" };
        var discrete = new Option<string?>("--discrete") { Description = "Columns (features or target) holding categorical codes" };
        var conditional = new Option<bool>("--conditional") { Description = "Also select features greedily by I(f; target | chosen), stopping when the CI covers 0" };
        var maxSelected = new Option<int>("--max-selected") { Description = "At most this many greedy steps", DefaultValueFactory = _ => 10 };
        var permutations = new Option<int>("--permutations") { Description = "Permutations behind each p-value", DefaultValueFactory = _ => 200 };
        var splits = new Option<int>("--splits") { Description = "Half-splits behind each SE", DefaultValueFactory = _ => 10 };
        var k = new Option<int>("--k") { Description = "Neighbours k of the k-NN estimators", DefaultValueFactory = _ => 3 };
        var delimiter = new Option<string>("--delimiter") { Description = "CSV field delimiter: one character, or 'tab'", DefaultValueFactory = _ => "," };
        var plot = new Option<string?>("--plot") { Description = "Write a bar plot of MI with 95% CIs (.png or .svg)" };
        var common = new CommonOptions();
        var command = new Command("rank", "Rank columns by their MI with a target: SE, 95% CI, permutation p-value, Benjamini–Hochberg q-value; --conditional adds greedy CMI selection");
        command.Arguments.Add(file);
        foreach (Option option in new Option[] { target, features, discrete, conditional, maxSelected, permutations, splits, k, delimiter, plot }) command.Options.Add(option);
        common.AddTo(command);
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(file)!;
            string? plotPath = parsed.GetValue(plot);
            if (plotPath is not null && Path.GetExtension(plotPath).ToLowerInvariant() is not (".png" or ".svg"))
                throw new UsageException($"--plot: the file must end in .png or .svg, got '{plotPath}'");
            OutputPaths.Require([path], new("--json", parsed.GetValue(common.Json)), new("--plot", plotPath));
            char sep = Delimiter(parsed.GetValue(delimiter)!);
            var header = ConditionalCsv.Header(path, sep);
            int targetColumn = ConditionalCsv.Tokens(parsed.GetValue(target)!, header, "--target") is [var t] ? t : throw new UsageException("--target: exactly one column is needed");
            string featureSpec;
            if (parsed.GetValue(features) is { } spec)
            {
                var chosen = ConditionalCsv.Tokens(spec, header, "--features");
                if (chosen.Contains(targetColumn)) throw new UsageException($"--features: '{header[targetColumn]}' is the target; a target cannot also be a feature");
                featureSpec = spec;
            }
            else
            {
                var rest = Enumerable.Range(0, header.Length).Where(c => c != targetColumn).ToArray();
                if (rest.Length == 0) throw new UsageException($"'{path}': no column besides the target '{header[targetColumn]}' to rank");
                featureSpec = string.Join(",", rest.Select(c => c.ToString(CultureInfo.InvariantCulture)));
            }
            var samples = ConditionalCsv.Read(path, new ConditionalColumns(featureSpec, targetColumn.ToString(CultureInfo.InvariantCulture), null, parsed.GetValue(discrete)), sep);
            var options = new RankOptions
            {
                K = parsed.GetValue(k), Splits = parsed.GetValue(splits), Permutations = parsed.GetValue(permutations),
                Conditional = parsed.GetValue(conditional), MaxSelected = parsed.GetValue(maxSelected), Threads = common.GetThreads(parsed),
            };
            var warnings = ConditionalMi.FewValuesWarnings(samples).Select(LibraryErrors.Advise).ToList();
            var result = FeatureRanking.Rank(samples.X, samples.Y, options, parsed.GetValue(common.Seed));
            string jsonText = Json(result, warnings);
            string? json = parsed.GetValue(common.Json);
            if (json == "-") Console.Out.Write(jsonText);
            else
            {
                var console = StdoutConsole.Create();
                console.Write(Table(result, path));
                if (result.Selection is { } steps) console.Write(SelectionTable(steps));
                console.WriteLine(result.Method);
                foreach (string w in warnings) console.WriteLine(Markup.Escape($"warning: {w}"));
                if (json is not null) AtomicFile.WriteAllText(json, jsonText);
            }
            if (plotPath is not null) FigureWriter.Save(Plot(result), plotPath, 900, Math.Clamp(120 + 22 * result.Features.Count, 300, 4000));
            return CliApp.ExitOk;
        });
        return command;
    }

    private static char Delimiter(string text)
    {
        if (text.Equals("tab", StringComparison.OrdinalIgnoreCase) || text == "\\t") return '\t';
        if (text.Length != 1) throw new UsageException($"--delimiter: expected one character or 'tab', got '{text}'");
        return text[0];
    }

    private static Table Table(RankResult r, string path)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle(Markup.Escape($"MI with target '{r.Target}' ({path}, n = {r.Samples}), sorted")) };
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("feature");
        foreach (string c in new[] { "MI (nats)", "SE", "95% CI", "p-value", "q-value" }) table.AddColumn(new TableColumn(c).RightAligned());
        table.AddColumn("estimator");
        int rank = 0;
        foreach (var f in r.Features)
            table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape(f.Name), F(f.Mi), F(f.StdError), Markup.Escape($"[{F(f.Ci95Low)}, {F(f.Ci95High)}]"), F(f.PValue), F(f.QValue), Markup.Escape(f.Estimator));
        return table;
    }

    private static Table SelectionTable(IReadOnlyList<SelectionStep> steps)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle("Greedy selection by I(feature; target | chosen so far); stops when the CI covers 0") };
        table.AddColumn(new TableColumn("step").RightAligned());
        table.AddColumn("feature");
        foreach (string c in new[] { "CMI (nats)", "SE", "95% CI" }) table.AddColumn(new TableColumn(c).RightAligned());
        table.AddColumn("selected");
        foreach (var s in steps)
            table.AddRow(s.Step.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Name), F(s.Cmi), F(s.StdError), Markup.Escape($"[{F(s.Ci95Low)}, {F(s.Ci95High)}]"), s.Selected ? "yes" : "no (CI covers 0)");
        return table;
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>{"target","n_samples","features":[{"name","estimator","mi","std_error","ci95","p_value","q_value"}],"selection":[…]|null,"method","warnings"}.</summary>
    private static string Json(RankResult r, IReadOnlyList<string> warnings)
    {
        return JsonText.Indented(w =>
        {
            w.WriteStartObject();
            w.WriteString("target", r.Target);
            w.WriteNumber("n_samples", r.Samples);
            w.WriteStartArray("features");
            foreach (var f in r.Features)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("estimator", f.Estimator);
                w.WriteNumberOrNull("mi", f.Mi);
                w.WriteNumberOrNull("std_error", f.StdError);
                w.WriteInterval("ci95", f.Ci95Low, f.Ci95High);
                w.WriteNumberOrNull("p_value", f.PValue);
                w.WriteNumberOrNull("q_value", f.QValue);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (r.Selection is null) w.WriteNull("selection");
            else
            {
                w.WriteStartArray("selection");
                foreach (var s in r.Selection)
                {
                    w.WriteStartObject();
                    w.WriteNumber("step", s.Step);
                    w.WriteString("name", s.Name);
                    w.WriteNumberOrNull("cmi", s.Cmi);
                    w.WriteNumberOrNull("std_error", s.StdError);
                    w.WriteInterval("ci95", s.Ci95Low, s.Ci95High);
                    w.WriteBoolean("selected", s.Selected);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteString("method", r.Method);
            w.WriteStartArray("warnings");
            foreach (string warning in warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteEndObject();
        }, relaxedEscaping: true);
    }

    private static Multiplot Plot(RankResult r)
    {
        var figure = new Multiplot();
        var plot = figure.GetPlot(0);
        int m = r.Features.Count;
        // Largest at the top: feature i (0 = largest) sits at height m − 1 − i.
        var bars = r.Features.Select((f, i) => new Bar { Position = m - 1 - i, Value = Math.Max(0, f.Mi), Error = 0, Orientation = Orientation.Horizontal, FillColor = f.QValue < 0.05 ? Colors.SteelBlue : Colors.LightGray }).ToArray();
        plot.Add.Bars(bars);
        for (int i = 0; i < m; i++)
        {
            var f = r.Features[i];
            if (!double.IsFinite(f.Ci95Low) || !double.IsFinite(f.Ci95High)) continue;
            var line = plot.Add.Line(f.Ci95Low, m - 1 - i, f.Ci95High, m - 1 - i);
            line.Color = Colors.Black;
            line.LineWidth = 2;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(0, m).Select(i => (double)(m - 1 - i)).ToArray(), r.Features.Select(f => f.Name).ToArray());
        plot.Title($"MI with '{r.Target}' (bars), 95% CIs (lines); blue: q < 0.05", 13);
        plot.XLabel("MI (nats)");
        return figure;
    }
}
