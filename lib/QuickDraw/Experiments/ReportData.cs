using System.Text.Json;
using System.Text.RegularExpressions;

namespace QuickDraw.Experiments;

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
