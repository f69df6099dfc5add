using System.Text.Json;
using MutualInfo.Benchmarking;
using MutualInfo.Bounds;
using MutualInfo.Families;

namespace MutualInfo.Simulation;

/// <summary>
/// The file of one <see cref="SimulationShard"/> (`mi simulate --shard i/k`): the run's settings and the shard's raw
/// trial values, each trial value stored as its 8 IEEE-754 bytes (little-endian, base64), so `mi simulate merge`
/// rebuilds the unsharded result exactly. {"format":"mi-simulate-shard/3","shard":"i/k","bounds":[spec…],"n":[…],"trials","negatives","seed",
/// "critic","control_variate","conditional_positives","families":[{"family","critic","blocks":[{"n","controls",
/// "values":[…per bound],"conditional":[…per bound],"zero_mean_controls":[…]}]}]} (the top-level critic is the first
/// family's; each family carries its own; "conditional" and "zero_mean_controls" only where the run has conditional
/// positives). Version 3: the zero-mean controls gained the order statistics' block and the fresh positives are
/// stratified, so a version-2 shard cannot be merged with version-3 ones and is refused.
/// </summary>
internal static class SimulationShardFile
{
    private const string Format = "mi-simulate-shard/3";

    public static void Write(Stream stream, SimulationShard contents)
    {
        ShardSpec shard = contents.Shard;
        IReadOnlyList<SimulationSettings> settings = contents.Settings;
        IReadOnlyList<IReadOnlyList<TrialBlock>> blocks = contents.Blocks;
        SimulationSettings first = settings[0];
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("shard", shard.ToString());
        json.WriteStartArray("bounds");
        foreach (IBound bound in first.Bounds) json.WriteStringValue(bound.Spec);
        json.WriteEndArray();
        json.WriteStartArray("n");
        foreach (int n in first.BatchSizes) json.WriteNumberValue(n);
        json.WriteEndArray();
        json.WriteNumber("trials", first.Trials);
        json.WriteString("negatives", first.Negatives == NegativeSampling.InBatch ? "in-batch" : "independent");
        json.WriteNumber("seed", first.Seed);
        json.WriteString("critic", first.EffectiveCritic.Name);
        json.WriteBoolean("control_variate", first.ControlVariate);
        json.WriteNumber("conditional_positives", first.ConditionalPositives);
        json.WriteStartArray("families");
        for (int f = 0; f < settings.Count; f++)
        {
            json.WriteStartObject();
            json.WriteString("family", settings[f].Family.Name);
            json.WriteString("critic", settings[f].EffectiveCritic.Name);
            json.WriteStartArray("blocks");
            foreach (TrialBlock block in blocks[f])
            {
                json.WriteStartObject();
                json.WriteNumber("n", block.N);
                json.WriteString("controls", Encode(block.Controls));
                json.WriteStartArray("values");
                foreach (double[] values in block.Values) json.WriteStringValue(Encode(values));
                json.WriteEndArray();
                WriteColumns(json, "conditional", block.ConditionalValues);
                WriteColumns(json, "zero_mean_controls", block.ZeroMeanControls);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Reads a shard file (its settings carry all cores as thread count); any problem is an
    /// <see cref="InvalidDataException"/> whose message says what.
    /// </summary>
    public static SimulationShard Read(Stream stream)
    {
        int threads = Environment.ProcessorCount;
        try
        {
            using var doc = JsonDocument.Parse(stream);
            JsonElement root = doc.RootElement;
            if (root.GetProperty("format").GetString() != Format)
                throw new InvalidDataException($"not a `mi simulate --shard` file (format {Format})");
            var shard = ShardSpec.Parse(root.GetProperty("shard").GetString()!, "shard");
            IReadOnlyList<IBound> bounds = BoundSpec.ParseList(string.Join(",", root.GetProperty("bounds").EnumerateArray().Select(b => b.GetString())));
            int[] sizes = root.GetProperty("n").EnumerateArray().Select(n => n.GetInt32()).ToArray();
            int trials = root.GetProperty("trials").GetInt32();
            NegativeSampling negatives = root.GetProperty("negatives").GetString() == "in-batch" ? NegativeSampling.InBatch : NegativeSampling.Independent;
            ulong seed = root.GetProperty("seed").GetUInt64();
            CriticSpec critic = CriticSpec.Parse(root.GetProperty("critic").GetString()!);
            bool controlVariate = root.GetProperty("control_variate").GetBoolean();
            int positives = root.GetProperty("conditional_positives").GetInt32();
            var settings = new List<SimulationSettings>();
            var blocks = new List<IReadOnlyList<TrialBlock>>();
            foreach (JsonElement family in root.GetProperty("families").EnumerateArray())
            {
                CriticSpec familyCritic = family.TryGetProperty("critic", out JsonElement c) ? CriticSpec.Parse(c.GetString()!) : critic;
                settings.Add(new SimulationSettings(FamilySpec.ParseWithLogRatio(family.GetProperty("family").GetString()!), bounds, sizes, trials,
                    negatives, seed, threads, controlVariate, familyCritic, ConditionalPositives: positives));
                blocks.Add(family.GetProperty("blocks").EnumerateArray().Select(b => new TrialBlock(
                    b.GetProperty("n").GetInt32(),
                    ReadColumns(b, "values")!,
                    Decode(b.GetProperty("controls").GetString()!))
                {
                    ConditionalValues = ReadColumns(b, "conditional"),
                    ZeroMeanControls = ReadColumns(b, "zero_mean_controls"),
                }).ToArray());
            }
            return new SimulationShard(shard, settings, blocks);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            // A setting the file holds that the parsers refuse names the setting (the file's key), not a parameter.
            string reason = e is ArgumentException { ParamName: { Length: > 0 } name } argument ? $"{name}: {ArgumentMessages.RuleOf(argument)}" : e.Message;
            throw new InvalidDataException(reason.Split('\n')[0].TrimEnd('\r'), e);
        }
    }

    private static void WriteColumns(Utf8JsonWriter json, string name, double[][]? columns)
    {
        if (columns is null) return;
        json.WriteStartArray(name);
        foreach (double[] column in columns) json.WriteStringValue(Encode(column));
        json.WriteEndArray();
    }

    private static double[][]? ReadColumns(JsonElement block, string name) => block.TryGetProperty(name, out JsonElement columns)
        ? columns.EnumerateArray().Select(v => Decode(v.GetString()!)).ToArray()
        : null;

    private static string Encode(double[] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return Convert.ToBase64String(bytes);
    }

    private static double[] Decode(string text)
    {
        byte[] bytes = Convert.FromBase64String(text);
        if (bytes.Length % sizeof(double) != 0) throw new FormatException("a value block is not a whole number of doubles");
        var values = new double[bytes.Length / sizeof(double)];
        for (int i = 0; i < values.Length; i++)
            values[i] = System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        return values;
    }
}
