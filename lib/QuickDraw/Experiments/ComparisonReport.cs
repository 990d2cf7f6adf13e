using System.Net;
using System.Text;
using Giraffe.ViewEngine;
using Microsoft.FSharp.Collections;
using Plotly.NET;

namespace QuickDraw.Experiments;

/// <summary>
/// Any set of runs → one self-contained HTML report (plotly.js embedded in full: it opens offline, from a
/// file or a repository): eval accuracy against steps and wall time, loss curves, final accuracy against
/// parameters and examples/s, a leaderboard, and the runs' data as JSON (<see cref="ReportData"/>).
/// Beside it, the leaderboard as Markdown and, on request, a PNG of the main chart rendered by headless Chromium.
/// </summary>
public static class ComparisonReport
{
    public const string HtmlFile = "report.html";
    public const string MarkdownFile = "leaderboard.md";
    public const string PngFile = "report.png";

    const string Style = """
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
          body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em auto; max-width: 1180px; color: #2a3f5f; }
          h2 { margin-top: 1.6em; font-weight: 600; }
          p.lede { color: #555; }
          table.leaderboard { border-collapse: collapse; font-size: 0.9em; }
          table.leaderboard th, table.leaderboard td { padding: 0.3em 0.7em; border-bottom: 1px solid #dde; text-align: right; }
          table.leaderboard th:nth-child(2), table.leaderboard td:nth-child(2) { text-align: left; font-family: ui-monospace, monospace; }
          table.leaderboard tbody tr:first-child { font-weight: 600; }
        </style>
        """;

    /// <summary>The report page. <paramref name="reportFolder"/> is where it will be written (run folders are named relative to it).</summary>
    public static string Html(IReadOnlyList<RunSeries> runs, string title, string reportFolder)
    {
        if (runs.Count == 0) throw new ArgumentException("no runs to compare");
        var data = ReportData.From(runs, title, reportFolder);
        var sources = runs.Select(r => System.IO.Path.GetFileName(r.Config.Data)).Distinct().ToList();
        var body = new StringBuilder()
            .Append("<p class=\"lede\">").Append(WebUtility.HtmlEncode(
                $"{runs.Count} runs on {string.Join(", ", sources)}; report made {data.Generated} from each run's config.json, metrics.csv and summary.json. " +
                "Click a legend entry to hide a run, double-click to show it alone."))
            .Append("</p>\n<h2>Leaderboard</h2>\n<p class=\"lede\">Ranked by the final evaluation (the model each run ends with), on the full eval set.</p>\n")
            .Append(Leaderboard.Html(Leaderboard.Rows(runs)))
            .Append("\n<h2>Loss</h2>\n").Append(GenericChart.toChartHTML(ComparisonCharts.Loss(runs)))
            .Append("\n<h2>Accuracy against size and speed</h2>\n").Append(GenericChart.toChartHTML(ComparisonCharts.TradeOffs(runs)));
        return Page(ComparisonCharts.Accuracy(runs, title), title, [HtmlElements.rawText(data.ToScriptElement())], body.ToString());
    }

    /// <summary>A page holding only the main chart, sized for a screenshot.</summary>
    public static string MainChartHtml(IReadOnlyList<RunSeries> runs, string title, int width, int height) =>
        Page(ComparisonCharts.Accuracy(runs, title, width, height), title, [HtmlElements.rawText("<style>body { margin: 0; max-width: none; } .modebar-container { display: none; }</style>")], "");

    /// <summary>Writes report.html and leaderboard.md into <paramref name="folder"/>, and report.png when
    /// <paramref name="png"/> (rendered in headless Chromium, which scripts/setup.sh installs).</summary>
    public static ReportFiles Write(IReadOnlyList<RunSeries> runs, string folder, string title, bool png, Action<string>? say = null)
    {
        Directory.CreateDirectory(folder);
        var html = System.IO.Path.Combine(folder, HtmlFile);
        var md = System.IO.Path.Combine(folder, MarkdownFile);
        File.WriteAllText(html, Html(runs, title, folder));
        File.WriteAllText(md, $"# {title}: leaderboard\n\nRanked by final eval top-1 accuracy (full eval set). Charts: [{HtmlFile}]({HtmlFile}).\n\n" + Leaderboard.Markdown(Leaderboard.Rows(runs)));
        string? pngPath = null;
        if (png)
        {
            pngPath = System.IO.Path.Combine(folder, PngFile);
            WritePng(runs, title, pngPath, say: say);
        }
        return new ReportFiles(html, md, pngPath);
    }

    /// <summary>Renders the main chart (accuracy vs step and vs time) to a PNG in headless Chromium.</summary>
    public static void WritePng(IReadOnlyList<RunSeries> runs, string title, string pngFile, int width = 1200, int height = 800, Action<string>? say = null)
    {
        HeadlessChromium.Require();
        var tmp = Directory.CreateTempSubdirectory("qd-report-");
        try
        {
            var page = System.IO.Path.Combine(tmp.FullName, "main-chart.html");
            File.WriteAllText(page, MainChartHtml(runs, title, width, height));
            HeadlessChromium.Screenshot(page, pngFile, width, height);
        }
        finally { tmp.Delete(true); }
    }

    // Plotly.NET's page: plotly.js in full (PlotlyJSReference.Full) and our head tags, the chart, then the body.
    static string Page(GenericChart chart, string title, HtmlElements.XmlNode[] head, string body)
    {
        var options = DisplayOptions.init(title, "UTF-8", "Comparison of training runs (QuickDraw sweeps)", null,
            ListModule.OfSeq([HtmlElements.rawText(Style), .. head]),
            ListModule.OfSeq(body.Length > 0 ? [HtmlElements.rawText(body)] : Array.Empty<HtmlElements.XmlNode>()),
            PlotlyJSReference.Full);
        return GenericChart.toEmbeddedHTML(Plotly.NET.Chart.withDisplayOptions(options).Invoke(chart));
    }
}
