using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace QuickDraw.Training;

/// <summary>Plotly charts of run folders, drawn from their metrics.csv (show them with <c>Show.Chart</c>).</summary>
public static class RunCharts
{
    /// <summary>The metrics.csv columns a curve can show.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["loss", "top1", "top3", "map3", "examples_per_sec"];

    /// <summary>One line per run: <paramref name="metric"/> ("loss", "top1", "top3", "map3", "examples_per_sec") of
    /// <paramref name="split"/> ("eval" or "train") against the training step.</summary>
    public static GenericChart Curves(IEnumerable<RunFolder> runs, string metric = "top1", string split = "eval")
    {
        Func<MetricsRow, double> value = metric switch
        {
            "loss" => m => m.Loss,
            "top1" => m => m.Top1,
            "top3" => m => m.Top3,
            "map3" => m => m.Map3,
            "examples_per_sec" => m => m.ExamplesPerSecond,
            _ => throw new ArgumentException($"unknown metric '{metric}': use {string.Join(", ", Metrics)}", nameof(metric)),
        };
        var lines = runs.Select(run =>
        {
            var rows = run.ReadMetrics().Where(m => m.Split == split && double.IsFinite(value(m))).ToList();
            return Chart.Line<long, double, string>(x: rows.Select(m => m.Step), y: rows.Select(value), Name: run.Name, ShowMarkers: rows.Count <= 30);
        }).ToList();
        if (lines.Count == 0) lines.Add(Chart.Line<long, double, string>(x: [], y: [], Name: "no runs"));
        return Chart.Combine(lines)
            .WithXAxisStyle<long, long, string>(TitleText: "step")
            .WithYAxisStyle<double, double, string>(TitleText: $"{split} {metric}")
            .WithSize(760, 380);
    }

    /// <summary>Best eval top-1 of each run, as bars in the leaderboard's order.</summary>
    public static GenericChart BestTop1(IReadOnlyList<LeaderboardRow> rows) =>
        Chart.Bar<double, string, string>(values: rows.Select(r => double.IsNaN(r.BestTop1) ? 0 : r.BestTop1), Keys: rows.Select(r => r.Run).ToArray())
            .WithXAxisStyle<double, double, string>(TitleText: "best eval top-1")
            .WithSize(760, Math.Max(200, 60 + 28 * rows.Count));
}
