using System.Text.Json;
using System.Text.RegularExpressions;
using QuickDraw.Experiments;

namespace QuickDraw.Tests.Experiments;

[Collection(SmallSweepCollection.Name)]
public class ComparisonReportTests(SmallSweep sweep)
{
    [Fact]
    public void TheReportEmbedsExactlyWhatTheMetricsFilesSay()
    {
        var runs = RunComparison.Load([sweep.Folder]);
        var html = ComparisonReport.Html(runs, "small", sweep.Folder);
        var data = ReportData.Read(html);

        Assert.Equal(4, data.Runs.Count);
        foreach (var (embedded, result) in data.Runs.Zip(sweep.FirstRun))
        {
            var folder = result.Plan.Folder;
            Assert.Equal(folder.Name, embedded.Name);
            Assert.Equal(folder.Name, embedded.Folder);
            Assert.Equal(folder.ReadMetrics(), embedded.Metrics.Rows());
            Assert.Equal(folder.ReadSummary().Parameters, embedded.Parameters);
        }
        Assert.DoesNotMatch("<script[^>]*src=", html);  // self-contained: nothing loaded from elsewhere
        Assert.Contains("plotly.js v2", html);         // the library itself, embedded
    }

    [Fact]
    public void TheMainChartDrawsEachRunsEvalAccuracy()
    {
        var runs = RunComparison.Load([sweep.Folder]);
        var html = ComparisonReport.Html(runs, "small", sweep.Folder);
        var main = Regex.Match(html, @"var data = (\[.*?\]);\s*\n", RegexOptions.Singleline);   // the first chart's traces
        using var traces = JsonDocument.Parse(main.Groups[1].Value);
        var byName = traces.RootElement.EnumerateArray().Where(t => t.GetProperty("xaxis").GetString() is null or "x")
            .GroupBy(t => t.GetProperty("name").GetString()!).ToDictionary(g => g.Key, g => g.First());
        foreach (var result in sweep.FirstRun)
        {
            var evals = result.Plan.Folder.ReadMetrics().Where(m => m.Split == "eval").ToList();
            var trace = byName[result.Plan.Run.Name];
            Assert.Equal(evals.Select(e => (double)e.Step), trace.GetProperty("x").EnumerateArray().Select(x => x.GetDouble()));
            Assert.Equal(evals.Select(e => e.Top1), trace.GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        }
    }

    [Fact]
    public void TheLeaderboardRanksRunsByFinalAccuracy()
    {
        var runs = RunComparison.Load([sweep.Folder]);
        var rows = Leaderboard.Rows(runs);
        Assert.Equal(runs.Select(r => r.FinalTop1).OrderDescending(), rows.Select(r => r.Top1));
        var md = Leaderboard.Markdown(rows).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2 + 4, md.Length);
        Assert.StartsWith($"| 1 | {rows[0].Run} | ", md[2]);
    }

    [Fact]
    public void HeadlessChromiumDrawsEveryChartOfTheReport()
    {
        using var dir = new TempDir();
        var runs = RunComparison.Load([sweep.Folder]);
        var files = ComparisonReport.Write(runs, dir.Path, "small", png: true);

        var dom = HeadlessChromium.DumpDom(files.Html);
        Assert.True(Regex.Count(dom, "class=\"main-svg\"") >= 3 * 2, "each of the 3 charts draws its SVG layers");
        // one drawn line per run per line panel (accuracy vs step and vs time, training and eval loss)
        Assert.True(Regex.Count(dom, "<path class=\"js-line\" d=\"M[0-9]") >= 4 * 4, "a drawn line per run and panel");
        foreach (var r in runs) Assert.Contains($">{r.Name}</text>", dom); // legend entries
        Assert.Contains("<table class=\"leaderboard\">", dom);

        var png = File.ReadAllBytes(files.Png!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(800, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.True(png.Length > 20_000, $"a drawn chart, not a blank page ({png.Length} bytes)");
    }
}
