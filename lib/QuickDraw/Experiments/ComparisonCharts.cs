using Plotly.NET;
using Plotly.NET.CSharp;
using QuickDraw.Training;
using CS = Plotly.NET.CSharp;

namespace QuickDraw.Experiments;

/// <summary>
/// The comparison's Plotly.NET charts, a trace per run (one colour per run across every chart, and one legend
/// entry per chart that toggles the run in all its panels). Every chart reads only <see cref="RunSeries"/>.
/// </summary>
public static class ComparisonCharts
{
    // Plotly's and D3's categorical colours: 20 distinct runs before a colour repeats.
    static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
        "#393b79", "#e6550d", "#31a354", "#843c39", "#7b4173", "#637939", "#ce6dbd", "#3182bd", "#fd8d3c", "#74c476",
    ];

    /// <summary>The main chart: eval top-1 accuracy against steps (left) and against wall-clock minutes (right).</summary>
    public static GenericChart Accuracy(IReadOnlyList<RunSeries> runs, string title, int width = 1150, int height = 480) => Panels($"{title}: eval top-1 accuracy", width, height,
        ["eval top-1 vs step", "eval top-1 vs wall time"],
        Lines(runs, r => r.Eval.Select(e => ((double)e.Step, e.Top1)), legend: true).WithXAxisStyle<double, double, string>(TitleText: "step").WithYAxisStyle<double, double, string>(TitleText: "top-1 accuracy"),
        Lines(runs, r => r.Eval.Select(e => (e.Seconds / 60, e.Top1)), legend: false).WithXAxisStyle<double, double, string>(TitleText: "minutes").WithYAxisStyle<double, double, string>(TitleText: "top-1 accuracy"));

    /// <summary>Loss curves: training loss (running mean between logs) and eval loss, against steps.</summary>
    public static GenericChart Loss(IReadOnlyList<RunSeries> runs, int width = 1150, int height = 420) => Panels("loss", width, height,
        ["training loss vs step", "eval loss vs step"],
        Lines(runs, r => r.Train.Select(e => ((double)e.Step, e.Loss)), legend: true).WithXAxisStyle<double, double, string>(TitleText: "step").WithYAxisStyle<double, double, string>(TitleText: "cross-entropy"),
        Lines(runs, r => r.Eval.Select(e => ((double)e.Step, e.Loss)), legend: false).WithXAxisStyle<double, double, string>(TitleText: "step").WithYAxisStyle<double, double, string>(TitleText: "cross-entropy"));

    /// <summary>Final eval top-1 against model size (log scale) and against training throughput.</summary>
    public static GenericChart TradeOffs(IReadOnlyList<RunSeries> runs, int width = 1150, int height = 420)
    {
        var done = runs.Select((r, i) => (Run: r, Color: i)).Where(x => x.Run.Parameters > 0 && !double.IsNaN(x.Run.FinalTop1)).ToList();
        GenericChart Points(Func<RunSeries, double> x, bool legend) => CS.Chart.Combine(done.Select(d =>
            CS.Chart.Bubble<double, double, string>(x: [x(d.Run)], y: [d.Run.FinalTop1], sizes: [14], Name: d.Run.Name, ShowLegend: legend, MarkerColor: Color.fromHex(Palette[d.Color % Palette.Length]))
                .WithTraceInfo(LegendGroup: d.Run.Name)));
        return Panels("final accuracy vs size and speed", width, height, ["final top-1 vs parameters", "final top-1 vs training examples/s"],
            Points(r => r.Parameters, legend: true).WithXAxisStyle<double, double, string>(TitleText: "parameters (log scale)", AxisType: StyleParam.AxisType.Log).WithYAxisStyle<double, double, string>(TitleText: "final top-1 accuracy"),
            Points(r => r.ExamplesPerSecond, legend: false).WithXAxisStyle<double, double, string>(TitleText: "training examples/s").WithYAxisStyle<double, double, string>(TitleText: "final top-1 accuracy"));
    }

    /// <summary>The metrics.csv columns <see cref="Curves"/> can draw.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["loss", "top1", "top3", "map3", "examples_per_sec"];

    /// <summary>One line per run: <paramref name="metric"/> (one of <see cref="Metrics"/>) of <paramref name="split"/>
    /// ("eval": the whole eval set, or "train": running means between logs) against the training step.</summary>
    public static GenericChart Curves(IReadOnlyList<RunSeries> runs, string metric = "top1", string split = "eval", int width = 760, int height = 380)
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
        Func<RunSeries, IReadOnlyList<MetricsRow>> rows = split switch
        {
            "eval" => r => r.Eval,
            "train" => r => r.Train,
            _ => throw new ArgumentException($"unknown split '{split}': use eval or train", nameof(split)),
        };
        return Lines(runs, r => rows(r).Select(m => ((double)m.Step, value(m))), legend: true)
            .WithXAxisStyle<double, double, string>(TitleText: "step")
            .WithYAxisStyle<double, double, string>(TitleText: $"{split} {metric}")
            .WithSize(width, height);
    }

    /// <summary>Each leaderboard row's best eval top-1, as bars in the leaderboard's order (0 where never evaluated).</summary>
    public static GenericChart BestTop1(IReadOnlyList<LeaderboardRow> rows, int width = 760) =>
        CS.Chart.Bar<double, string, string>(values: rows.Select(r => double.IsNaN(r.BestTop1) ? 0 : r.BestTop1), Keys: rows.Select(r => r.Run).ToArray())
            .WithXAxisStyle<double, double, string>(TitleText: "best eval top-1")
            .WithSize(width, Math.Max(200, 60 + 28 * rows.Count));

    static GenericChart Lines(IReadOnlyList<RunSeries> runs, Func<RunSeries, IEnumerable<(double X, double Y)>> points, bool legend) =>
        CS.Chart.Combine(runs.Select((r, i) =>
        {
            var p = points(r).Where(q => !double.IsNaN(q.Y)).ToList();
            var color = Color.fromHex(Palette[i % Palette.Length]);
            return CS.Chart.Line<double, double, string>(x: p.Select(q => q.X), y: p.Select(q => q.Y), ShowMarkers: true, Name: r.Name, ShowLegend: legend,
                    LineColor: color, MarkerColor: color, LineDash: i < Palette.Length ? StyleParam.DrawingStyle.Solid : StyleParam.DrawingStyle.Dash)
                .WithTraceInfo(LegendGroup: r.Name);
        }));

    static GenericChart Panels(string title, int width, int height, string[] titles, GenericChart left, GenericChart right)
    {
        var grid = CS.Chart.Grid([left, right], 1, 2, SubPlotTitles: titles, XGap: 0.12).WithSize(width, height);
        return Plotly.NET.Chart.withTitle(title, null).Invoke(grid);
    }
}
