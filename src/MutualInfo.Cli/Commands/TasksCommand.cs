using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MutualInfo.Benchmarking;
using MutualInfo.Cli.Bench;
using MutualInfo.Cli.Output;
using Spectre.Console;

namespace MutualInfo.Cli.Commands;

/// <summary>`mi tasks`: the built-in benchmark tasks with their dimensions and exact MI.</summary>
internal static class TasksCommand
{
    public static Command Create()
    {
        var tasks = new Option<string[]>("--tasks") { Description = "Only these task names or globs (e.g. 'student-t-*'), comma-separated or repeated", AllowMultipleArgumentsPerToken = true };
        var preset = new Option<string?>("--preset") { Description = "Only the tasks of this preset: bmi-v1 (BMI's 39 v1 tasks, in BMI's order)" };
        var common = new CommonOptions();
        var command = new Command("tasks", "List the built-in benchmark tasks (name, BMI alias, family, dimensions, exact MI); * marks the default `mi bench` subset");
        command.Options.Add(tasks);
        command.Options.Add(preset);
        common.AddTo(command);
        command.Subcommands.Add(CmiTasksCommand.Create());
        command.SetAction(parsed =>
        {
            string[] patterns = BenchLists.Names(parsed.GetValue(tasks) ?? []);
            var chosen = BenchPreset.Tasks(parsed.GetValue(preset), patterns);
            string? json = parsed.GetValue(common.Json);
            OutputPaths.Require([], new OutputPaths.Output("--json", json));
            if (json == "-")
            {
                using var buffer = new MemoryStream();
                WriteJson(chosen, buffer);
                Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                return CliApp.ExitOk;
            }
            IAnsiConsole console = StdoutConsole.Create();
            console.Write(Table(chosen));
            if (json is not null)
            {
                AtomicFile.Write(json, stream => WriteJson(chosen, stream));
                console.WriteLine($"wrote {json}");
            }
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Table Table(IReadOnlyList<BenchTask> tasks)
    {
        var table = new Table { Border = TableBorder.Simple };
        table.Title = new TableTitle(Markup.Escape($"{tasks.Count} benchmark tasks (* = in the default `mi bench` run)"));
        table.AddColumn("task");
        table.AddColumn("BMI alias");
        table.AddColumn(new TableColumn("dim_x").RightAligned());
        table.AddColumn(new TableColumn("dim_y").RightAligned());
        table.AddColumn(new TableColumn("MI (nats)").RightAligned());
        table.AddColumn("family");
        foreach (BenchTask t in tasks)
            table.AddRow(Markup.Escape(t.Name + (t.InDefaultRun ? " *" : "")), Markup.Escape(t.BmiAlias ?? ""), Invariant(t.DimX), Invariant(t.DimY),
                t.Mi.ToString("F4", CultureInfo.InvariantCulture), Markup.Escape(t.FamilySpecification));
        return table;
    }

    /// <summary>{"tasks":[{"name","bmi_alias","dim_x","dim_y","mi","family","default"}…]}; family is the parseable family specification, bmi_alias null when none.</summary>
    private static void WriteJson(IReadOnlyList<BenchTask> tasks, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("tasks");
        foreach (BenchTask t in tasks)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            if (t.BmiAlias is null) w.WriteNull("bmi_alias"); else w.WriteString("bmi_alias", t.BmiAlias);
            w.WriteNumber("dim_x", t.DimX);
            w.WriteNumber("dim_y", t.DimY);
            w.WriteNumber("mi", t.Mi);
            w.WriteString("family", t.FamilySpecification);
            w.WriteBoolean("default", t.InDefaultRun);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
