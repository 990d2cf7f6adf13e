using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuickDraw.Model;

namespace QuickDraw.Training;

/// <summary>What a run folder's config.json holds: everything needed to rebuild the run.</summary>
public sealed record RunConfig(ModelConfig Model, TrainConfig Train, string Data, string[] Classes)
{
    public string? Created { get; init; }
    public string? Machine { get; init; }
}

/// <summary>The outcome of a run, written as summary.json.</summary>
public sealed record RunSummary
{
    public long Steps { get; init; }
    public double Seconds { get; init; }
    public long Examples { get; init; }
    public double ExamplesPerSecond { get; init; }
    public long Parameters { get; init; }
    public string Device { get; init; } = "";
    public EvalMetrics? Final { get; init; }
    public EvalMetrics? Best { get; init; }
    public long BestStep { get; init; }
    public bool Completed { get; init; }
    public string Label { get; init; } = "";
}

/// <summary>
/// One run's folder, self-describing: <c>config.json</c>, <c>classes.txt</c>, <c>metrics.csv</c> (a row per log
/// and per evaluation), <c>summary.json</c>, <c>model.bin</c> (weights) and <c>checkpoint.bin</c> (weights,
/// optimizer and position, for --resume). Plots and comparisons read only these files.
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
    public string ConfigFile => File("config.json");
    public string MetricsFile => File("metrics.csv");
    public string SummaryFile => File("summary.json");
    public string ModelFile => File("model.bin");
    public string CheckpointFile => File("checkpoint.bin");
    public string ClassesFile => File("classes.txt");
    public string Name => System.IO.Path.GetFileName(Path);

    string File(string name) => System.IO.Path.Combine(Path, name);

    public bool HasCheckpoint => System.IO.File.Exists(CheckpointFile);
    public bool IsComplete => System.IO.File.Exists(SummaryFile) && ReadSummary().Completed;

    public RunConfig ReadConfig() => JsonSerializer.Deserialize<RunConfig>(System.IO.File.ReadAllText(ConfigFile), Json)
        ?? throw new InvalidDataException($"{ConfigFile} is empty");
    public RunSummary ReadSummary() => JsonSerializer.Deserialize<RunSummary>(System.IO.File.ReadAllText(SummaryFile), Json)
        ?? throw new InvalidDataException($"{SummaryFile} is empty");

    public void WriteConfig(RunConfig config)
    {
        Directory.CreateDirectory(Path);
        WriteAtomically(ConfigFile, JsonSerializer.Serialize(config, Json));
        WriteAtomically(ClassesFile, string.Join('\n', config.Classes) + "\n");
    }

    public void WriteSummary(RunSummary summary) => WriteAtomically(SummaryFile, JsonSerializer.Serialize(summary, Json));

    /// <summary>Appends metric rows, creating the file with its header.</summary>
    public void AppendMetrics(IEnumerable<MetricsRow> rows)
    {
        bool header = !System.IO.File.Exists(MetricsFile);
        using var w = new StreamWriter(MetricsFile, append: true);
        if (header) w.WriteLine(MetricsHeader);
        foreach (var r in rows) w.WriteLine(r.ToCsv());
    }

    /// <summary>Drops metric rows past <paramref name="step"/> (written after the checkpoint a resumed run restarts from).</summary>
    public void TruncateMetrics(long step)
    {
        if (!System.IO.File.Exists(MetricsFile)) return;
        var keep = ReadMetrics().Where(r => r.Step <= step).Select(r => r.ToCsv()).Prepend(MetricsHeader);
        WriteAtomically(MetricsFile, string.Join('\n', keep) + "\n");
    }

    public IReadOnlyList<MetricsRow> ReadMetrics() => !System.IO.File.Exists(MetricsFile) ? []
        : System.IO.File.ReadLines(MetricsFile).Skip(1).Where(l => l.Length > 0).Select(MetricsRow.Parse).ToList();

    /// <summary>Write to a temporary file, then rename: a crash never leaves a half-written file.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var tmp = path + ".tmp";
        System.IO.File.WriteAllText(tmp, text);
        System.IO.File.Move(tmp, path, overwrite: true);
    }
}

/// <summary>One row of metrics.csv. Split is "train" (running averages since the last log) or "eval".</summary>
public readonly record struct MetricsRow(long Step, double Seconds, string Split, double Loss, double Top1, double Top3, double Map3, double ExamplesPerSecond)
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public string ToCsv() => string.Join(',', Step.ToString(C), Seconds.ToString("0.###", C), Split, F(Loss), F(Top1), F(Top3), F(Map3), ExamplesPerSecond.ToString("0.#", C));

    static string F(double v) => double.IsNaN(v) ? "" : v.ToString("0.######", C);
    static double P(string s) => s.Length == 0 ? double.NaN : double.Parse(s, C);

    public static MetricsRow Parse(string line)
    {
        var f = line.Split(',');
        if (f.Length != 8) throw new FormatException($"metrics row needs 8 fields: {line}");
        return new MetricsRow(long.Parse(f[0], C), P(f[1]), f[2], P(f[3]), P(f[4]), P(f[5]), P(f[6]), P(f[7]));
    }
}
