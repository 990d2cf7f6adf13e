using QuickDraw.Display;
using QuickDraw.Training;

namespace QuickDraw.Tests.Display;

public class ShowTests
{
    [Fact]
    public void Tables_escape_their_cells_and_count_rows()
    {
        var table = Show.Table([new { Name = "<cat>", Score = 0.5 }, new { Name = "dog & co", Score = double.NaN }]);
        Assert.Contains("&lt;cat&gt;", table.Content);
        Assert.Contains("dog &amp; co", table.Content);
        Assert.Contains("<th style=\"text-align:left;padding:2px 10px;border-bottom:1px solid #999\">Score</th>", table.Content);
        Assert.Equal(2, table.Items);
        Assert.Equal("Name Score <cat> 0.5 dog & co", table.ToString());
    }

    [Fact]
    public void A_chart_carries_plotly_js_and_counts_its_points()
    {
        var chart = Show.Chart(Plotly.NET.CSharp.Chart.Line<int, int, string>(x: [1, 2, 3, 4], y: [1, 4, 9, 16]));
        Assert.Equal(HtmlKind.Chart, chart.Kind);
        Assert.Equal(4, chart.Items);
        Assert.Contains("plotly.js v", chart.Content);
        Assert.True(chart.Content.Length > 1_000_000, "the whole of plotly.js is embedded");
        Assert.DoesNotContain("<script src=", chart.Content);
        Assert.DoesNotContain("<html", chart.Content);                       // a fragment, not a page

        var empty = Show.Chart(Plotly.NET.CSharp.Chart.Line<int, int, string>(x: [], y: []));
        Assert.True(empty.IsEmpty);
    }

    [Fact]
    public void Pictures_count_their_drawings()
    {
        Assert.True(Show.Pictures([]).IsEmpty);
        var rows = Show.PictureRows([("cat", ["<svg/>", "<svg/>"]), ("dog", ["<svg/>"])]);
        Assert.Equal((HtmlKind.Picture, 3), (rows.Kind, rows.Items));
    }

    [Fact]
    public void The_training_curve_redraws_on_every_report()
    {
        var shown = new List<Html>();
        var curve = new TrainingCurve(shown.Add);
        curve.Report(new TrainingProgress(1, 10, 0.1, 2.3, 0.1, 50));
        curve.Report(new TrainingProgress(2, 10, 0.2, double.NaN, double.NaN, 0) { Eval = new EvalMetrics(20, 2.0, 0.25, 0.5, 0.4) });
        curve.Report(new TrainingProgress(2, 10, 0.2, double.NaN, double.NaN, 0) { Message = "checkpoint at step 2 (end)" });

        Assert.Equal(3, shown.Count);
        Assert.Equal(2, shown[^1].Items);
        Assert.Contains("checkpoint at step 2", shown[^1].Content);
        Assert.Contains("<circle", shown[^1].Content);
    }

    [Fact]
    public void A_line_chart_of_nothing_says_it_waits()
    {
        var svg = SvgLineChart.Render("loss", [new LineSeries("train", "red", [(1, double.NaN)])]);
        Assert.Contains("waiting for the first points", svg);
    }
}
