using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MutualInfo.Benchmarking;
using MutualInfo.Cli.Bench;
using MutualInfo.Cli.Output;
using Spectre.Console;

namespace MutualInfo.Cli.Commands;

/// <summary>`mi tasks cmi`: the conditional and discrete/mixed ground-truth tasks with dimensions, discrete columns and exact value.</summary>
internal static class CmiTasksCommand
{
    public static Command Create()
    {
        var tasks = new Option<string[]>("--tasks") { Description = "Only these task names or globs", AllowMultipleArgumentsPerToken = true };
        var common = new CommonOptions();
        var command = new Command("cmi", "List the conditional-MI and discrete/mixed tasks (name, dimensions, discrete columns, exact I(X;Y|Z) or I(X;Y)); `mi bench cmi` runs them");
        command.Options.Add(tasks);
        common.AddTo(command);
        command.SetAction(parsed =>
        {
            string[] patterns = BenchLists.Names(parsed.GetValue(tasks) ?? []);
            var chosen = patterns.Length == 0 ? CmiTaskSuite.All : CmiTaskSuite.Select(patterns);
            string? json = parsed.GetValue(common.Json);
            if (json == "-") { Console.Out.Write(Json(chosen)); return CliApp.ExitOk; }
            var table = new Table { Border = TableBorder.Simple, Title = new TableTitle($"{chosen.Count} conditional / discrete / mixed tasks") };
            table.AddColumn("task");
            foreach (string c in new[] { "dim_x", "dim_y", "dim_z", "truth (nats)" }) table.AddColumn(new TableColumn(c).RightAligned());
            table.AddColumn("discrete");
            table.AddColumn("description");
            foreach (var t in chosen)
            {
                var (dx, dy, dz) = t.Dims;
                table.AddRow(Markup.Escape(t.Name), I(dx), I(dy), I(dz), t.Truth.ToString("F4", CultureInfo.InvariantCulture), Markup.Escape(string.Join(",", DiscreteNames(t))), Markup.Escape(t.Description));
            }
            StdoutConsole.Create().Write(table);
            if (json is not null) AtomicFile.WriteAllText(json, Json(chosen));
            return CliApp.ExitOk;
        });
        return command;
    }

    private static IEnumerable<string> DiscreteNames(CmiTask t)
    {
        var s = t.Sample(4, new Randomness.Rng(0));
        return new[] { s.X, s.Y, s.Z }.SelectMany(b => Enumerable.Range(0, b.Dim).Where(c => b.Discrete[c]).Select(c => b.Names[c]));
    }

    private static string Json(IReadOnlyList<CmiTask> tasks)
    {
        return JsonText.Indented(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("tasks");
            foreach (var t in tasks)
            {
                var (dx, dy, dz) = t.Dims;
                w.WriteStartObject();
                w.WriteString("name", t.Name);
                w.WriteNumber("dim_x", dx);
                w.WriteNumber("dim_y", dy);
                w.WriteNumber("dim_z", dz);
                w.WriteNumber("truth", t.Truth);
                w.WriteStartArray("discrete");
                foreach (string name in DiscreteNames(t)) w.WriteStringValue(name);
                w.WriteEndArray();
                w.WriteString("description", t.Description);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
