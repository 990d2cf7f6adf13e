using System.Text.Json;
using System.Text.Json.Serialization;
using QuickDraw.Common;

namespace QuickDraw.Training;

/// <summary>
/// One run's folder, self-describing: <c>config.json</c>, <c>classes.txt</c>, <c>metrics.csv</c> (a row per log
/// and per evaluation), <c>summary.json</c>, <c>model.bin</c> (weights) and <c>checkpoint.bin</c> (weights,
/// optimizer and position, for --resume). Plots and comparisons read only these files. Every file is written
/// atomically (a temporary file, then a rename), metrics.csv included; <c>run.lock</c> marks a training in progress.
/// </summary>
public sealed class RunFolder(string path)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public const string MetricsHeader = "step,seconds,split,loss,top1,top3,map3,examples_per_sec";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The new run a script's <c>--run</c> names: a path when it holds a '/', else a name under experiments/runs/.</summary>
    public static RunFolder Named(string nameOrPath) =>
        new(nameOrPath.Contains('/') ? nameOrPath : System.IO.Path.Combine(RepoPaths.Runs, nameOrPath));

    /// <summary>The existing run a script's <c>--run</c> names: a path (it holds a '/', or is an existing folder), else a
    /// name under experiments/runs/.</summary>
    public static RunFolder Find(string nameOrPath) =>
        new(nameOrPath.Contains('/') || Directory.Exists(nameOrPath) ? nameOrPath : System.IO.Path.Combine(RepoPaths.Runs, nameOrPath));
    public string ConfigFile => File("config.json");
    public string MetricsFile => File("metrics.csv");
    public string SummaryFile => File("summary.json");
    public string ModelFile => File("model.bin");
    public string CheckpointFile => File("checkpoint.bin");
    public string ClassesFile => File("classes.txt");
    /// <summary>Held by the training that writes this folder (<see cref="OutputLock"/>).</summary>
    public string LockFile => File("run.lock");
    public string Name => System.IO.Path.GetFileName(Path);

    string File(string name) => System.IO.Path.Combine(Path, name);

    public bool HasCheckpoint => System.IO.File.Exists(CheckpointFile);
    public bool IsComplete => System.IO.File.Exists(SummaryFile) && ReadSummary().Completed;

    // Runs made before TrainConfig.MicroBatches trained on whole batches: their config.json has no entry for it.
    public RunConfig ReadConfig() => ReadJson<RunConfig>(ConfigFile, (config, json) =>
        json["train"] is System.Text.Json.Nodes.JsonObject train && train.ContainsKey(SettingNames.Json(nameof(TrainConfig.MicroBatches)))
            ? config : config with { Train = config.Train with { MicroBatches = 1 } });
    public RunSummary ReadSummary() => ReadJson<RunSummary>(SummaryFile);

    // A damaged file (empty, cut, edited by hand) is an ActionableException naming it, not a JsonException.
    // <paramref name="adjust"/> sees the value and the JSON it came from (for entries older files lack).
    static T ReadJson<T>(string path, Func<T, System.Text.Json.Nodes.JsonNode, T>? adjust = null)
    {
        if (!System.IO.File.Exists(path))
            throw new ActionableException("the file is missing", path, "is this a run folder? train.cs writes it when a run starts");
        try
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(path)) ?? throw new JsonException("it holds null");
            var value = json.Deserialize<T>(Json) ?? throw new JsonException("it holds null");
            return adjust == null ? value : adjust(value, json);
        }
        catch (JsonException e)
        {
            throw new ActionableException($"not valid JSON ({(e.Message.Length > 160 ? e.Message[..160] + "..." : e.Message)})", path,
                "the run writes it atomically, so it was damaged from outside: restore it, or train the run again");
        }
    }

    public void WriteConfig(RunConfig config)
    {
        Directory.CreateDirectory(Path);
        WriteAtomically(ConfigFile, JsonSerializer.Serialize(config, Json));
        WriteAtomically(ClassesFile, string.Join('\n', config.Classes) + "\n");
    }

    public void WriteSummary(RunSummary summary) => WriteAtomically(SummaryFile, JsonSerializer.Serialize(summary, Json));

    /// <summary>Appends metric rows, creating the file with its header. Atomic: the file is rewritten under a
    /// temporary name and renamed (it is small: a row per log and per evaluation), so a kill never tears a row.</summary>
    public void AppendMetrics(IEnumerable<MetricsRow> rows)
    {
        var text = System.IO.File.Exists(MetricsFile) ? System.IO.File.ReadAllText(MetricsFile) : MetricsHeader + "\n";
        if (text.Length > 0 && text[^1] != '\n') text = text[..(text.LastIndexOf('\n') + 1)]; // a torn last row (written by an older version)
        var sb = new System.Text.StringBuilder(text);
        foreach (var r in rows) sb.Append(r.ToCsv()).Append('\n');
        WriteAtomically(MetricsFile, sb.ToString());
    }

    /// <summary>Drops metric rows past <paramref name="step"/> (written after the checkpoint a resumed run restarts from),
    /// and a torn last row. Returns a notice for the user when it dropped a torn row, else null.</summary>
    public string? TruncateMetrics(long step)
    {
        if (!System.IO.File.Exists(MetricsFile)) return null;
        var rows = ReadMetricsWithTornRow(out var torn);
        var keep = rows.Where(r => r.Step <= step).Select(r => r.ToCsv()).Prepend(MetricsHeader);
        WriteAtomically(MetricsFile, string.Join('\n', keep) + "\n");
        return torn == null ? null : $"{MetricsFile}: dropped a torn last row ('{torn}'), left by an interrupted write";
    }

    public IReadOnlyList<MetricsRow> ReadMetrics() => ReadMetricsWithTornRow(out _);

    /// <summary>The rows of metrics.csv. A last row without its newline or that does not parse (a write cut short) is
    /// dropped and returned in <paramref name="tornRow"/>; a bad row before it is an <see cref="ActionableException"/>
    /// naming its line.</summary>
    public IReadOnlyList<MetricsRow> ReadMetricsWithTornRow(out string? tornRow)
    {
        tornRow = null;
        if (!System.IO.File.Exists(MetricsFile)) return [];
        var text = System.IO.File.ReadAllText(MetricsFile);
        var lines = text.Split('\n');
        var rows = new List<MetricsRow>(lines.Length);
        int lastRow = Array.FindLastIndex(lines, l => l.Length > 0);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            bool last = i == lastRow;
            if (last && i == lines.Length - 1) { tornRow = lines[i]; break; } // no newline after it: cut short
            if (MetricsRow.TryParse(lines[i], out var row)) { rows.Add(row); continue; }
            if (last) { tornRow = lines[i]; break; }
            throw new ActionableException($"row {i + 1} is not a metrics row: '{(lines[i].Length > 80 ? lines[i][..80] + "..." : lines[i])}'",
                MetricsFile, "the run writes it atomically, so it was edited or damaged from outside: restore it, or delete the row");
        }
        return rows;
    }

    /// <summary>Write to a temporary file, then rename: a crash never leaves a half-written file.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var tmp = path + ".tmp";
        System.IO.File.WriteAllText(tmp, text);
        System.IO.File.Move(tmp, path, overwrite: true);
    }
}
