using System.Text.Json;
using System.Text.RegularExpressions;
using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>A run's metrics.csv, column by column (null where the file has no value, e.g. a train row's top-3).</summary>
public sealed record ReportMetrics(long[] Step, double?[] Seconds, string[] Split, double?[] Loss, double?[] Top1, double?[] Top3, double?[] Map3, double?[] ExamplesPerSec)
{
    public static ReportMetrics From(IReadOnlyList<MetricsRow> rows) => new(
        rows.Select(r => r.Step).ToArray(), Col(rows, r => r.Seconds), rows.Select(r => r.Split).ToArray(), Col(rows, r => r.Loss),
        Col(rows, r => r.Top1), Col(rows, r => r.Top3), Col(rows, r => r.Map3), Col(rows, r => r.ExamplesPerSecond));

    /// <summary>Back to metrics rows (null → NaN), as <see cref="RunFolder.ReadMetrics"/> returns them.</summary>
    public IReadOnlyList<MetricsRow> Rows() => Step.Select((s, i) => new MetricsRow(s, V(Seconds[i]), Split[i], V(Loss[i]), V(Top1[i]), V(Top3[i]), V(Map3[i]), V(ExamplesPerSec[i]))).ToList();

    static double?[] Col(IReadOnlyList<MetricsRow> rows, Func<MetricsRow, double> f) => rows.Select(r => f(r) is var v && double.IsNaN(v) ? (double?)null : v).ToArray();
    static double V(double? v) => v ?? double.NaN;
}

/// <summary>One run as a report embeds it: enough to redraw every chart and the leaderboard.</summary>
/// <param name="Name">The run's folder name.</param>
/// <param name="Folder">The run folder's path relative to the report's folder.</param>
/// <param name="Label">What the charts call it: the model's short label (e.g. conv48-64-96_k5-5-3_lstm3x128).</param>
/// <param name="Parameters">Trainable parameters of its model.</param>
/// <param name="ExamplesPerSecond">Training throughput (null when the run never logged one).</param>
/// <param name="Completed">Whether it reached its step or time budget.</param>
/// <param name="Data">The shard folder it trained on.</param>
/// <param name="LearningRate">The Adam learning rate it used.</param>
/// <param name="BatchSize">Drawings per step.</param>
/// <param name="Metrics">Its metrics.csv.</param>
public sealed record ReportRun(string Name, string Folder, string Label, long Parameters, double? ExamplesPerSecond, bool Completed,
    string Data, double LearningRate, int BatchSize, ReportMetrics Metrics);

/// <summary>The data block a report embeds, <c>&lt;script type="application/json" id="runs-data"&gt;</c>: what
/// its charts were drawn from, for tools and tests to read back.</summary>
public sealed record ReportData(string Title, string Generated, IReadOnlyList<ReportRun> Runs)
{
    public const string ElementId = "runs-data";

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static ReportData From(IReadOnlyList<RunSeries> runs, string title, string reportFolder) => new(title, DateTimeOffset.UtcNow.ToString("u"),
        runs.Select(r => new ReportRun(r.Name, Path.GetRelativePath(reportFolder, r.Folder.Path).Replace('\\', '/'), r.Config.Model.Label, r.Parameters,
            double.IsNaN(r.ExamplesPerSecond) ? null : r.ExamplesPerSecond, r.Completed, Path.GetFileName(r.Config.Data),
            r.Config.Train.LearningRate, r.Config.Train.BatchSize, ReportMetrics.From(r.Metrics))).ToList());

    /// <summary>The script element (the JSON escapes '&lt;', so no run name can close it early).</summary>
    public string ToScriptElement() => $"<script type=\"application/json\" id=\"{ElementId}\">{JsonSerializer.Serialize(this, Json)}</script>";

    /// <summary>Reads the data block back from a report's HTML.</summary>
    public static ReportData Read(string html)
    {
        var m = Regex.Match(html, $"<script type=\"application/json\" id=\"{ElementId}\">(.*?)</script>", RegexOptions.Singleline);
        if (!m.Success) throw new InvalidDataException($"no <script id=\"{ElementId}\"> block in the report");
        return JsonSerializer.Deserialize<ReportData>(m.Groups[1].Value, Json) ?? throw new InvalidDataException("empty runs-data block");
    }
}
