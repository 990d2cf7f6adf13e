using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace QuickDraw.Display;

/// <summary>
/// Things a notebook shows, as <see cref="Html"/>: <c>display(Show.Pictures(svgs))</c>, <c>display(Show.Chart(chart))</c>,
/// <c>display(Show.Table(rows))</c>. Every chart carries its own copy of plotly.js (Plotly.NET's
/// <see cref="PlotlyJSReference.Full"/>), so it renders with no internet, in VS Code and in an exported notebook.
/// </summary>
public static partial class Show
{
    /// <summary>Markup as it is (a note, a heading, a single SVG).</summary>
    public static Html Html(string markup) => new(markup);

    /// <summary>SVG pictures side by side (e.g. <see cref="Ink.DrawingSvg.Render"/> of a few drawings).</summary>
    public static Html Pictures(IEnumerable<string> svgs)
    {
        var list = svgs.ToList();
        return new Html(Ink.DrawingSvg.Grid(list), HtmlKind.Picture, list.Count);
    }

    /// <summary>Rows of labelled pictures: each row a caption and its SVGs (e.g. a drawing before and after normalisation).</summary>
    public static Html PictureRows(IEnumerable<(string Caption, IEnumerable<string> Svgs)> rows)
    {
        var sb = new StringBuilder("<div>");
        int count = 0;
        foreach (var (caption, svgs) in rows)
        {
            var list = svgs.ToList();
            count += list.Count;
            sb.Append("<div style=\"margin:4px 0\"><div style=\"font:12px sans-serif;color:#555\">")
              .Append(WebUtility.HtmlEncode(caption)).Append("</div>").Append(Ink.DrawingSvg.Grid(list)).Append("</div>");
        }
        return new Html(sb.Append("</div>").ToString(), HtmlKind.Picture, count);
    }

    /// <summary>A Plotly chart with plotly.js embedded (≈3.6 MB per chart: a notebook stays viewable offline).</summary>
    public static Html Chart(GenericChart chart)
    {
        var full = DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full));
        var page = GenericChart.toEmbeddedHTML(GenericChart.setDisplayOptions(full, chart));
        // toEmbeddedHTML writes a whole page: keep its plotly.js <script> and the chart's own markup from <body>.
        var script = Regex.Match(page, "<script[^>]*charset=\"utf-8\">(.*?)</script>", RegexOptions.Singleline);
        var body = Regex.Match(page, "<body>(.*)</body>", RegexOptions.Singleline);
        if (!script.Success || !body.Success) throw new InvalidOperationException("Plotly.NET's embedded HTML changed shape: update Show.Chart");
        // plotly.js is a UMD bundle: where the page has an AMD loader (classic Jupyter, nbconvert's HTML loads
        // require.js) it would register as a module and leave window.Plotly undefined, so the chart would not draw.
        // Hiding define/exports/module makes it set window.Plotly everywhere (VS Code, Jupyter, a saved page).
        var plotlyJs = "<script type=\"text/javascript\" charset=\"utf-8\">(function (define, exports, module) {\n"
                       + script.Groups[1].Value + "\n}).call(window);</script>";
        return new Html("<div>" + plotlyJs + body.Groups[1].Value + "</div>", HtmlKind.Chart, PointCount(chart));
    }

    /// <summary>A table of records (or anonymous objects): one column per public property, one row per item.</summary>
    public static Html Table<T>(IEnumerable<T> rows)
    {
        var props = typeof(T).GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToArray();
        return Table(props.Select(p => p.Name).ToArray(), rows.Select(r => props.Select(p => p.GetValue(r)).ToArray()));
    }

    /// <summary>A table with the given column headers.</summary>
    public static Html Table(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var sb = new StringBuilder("<table style=\"border-collapse:collapse;font:13px sans-serif\"><thead><tr>");
        foreach (var h in headers) sb.Append("<th style=\"text-align:left;padding:2px 10px;border-bottom:1px solid #999\">").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        int count = 0;
        foreach (var row in rows)
        {
            count++;
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                bool number = cell is int or long or float or double or decimal;
                sb.Append("<td style=\"padding:2px 10px;").Append(number ? "text-align:right;font-variant-numeric:tabular-nums" : "")
                  .Append("\">").Append(WebUtility.HtmlEncode(Cell(cell))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        return new Html(sb.Append("</tbody></table>").ToString(), HtmlKind.Html, count);
    }

    static string Cell(object? v) => v switch
    {
        null => "",
        double d => double.IsNaN(d) ? "" : d.ToString(Math.Abs(d) >= 1000 ? "N0" : "0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        IEnumerable e => string.Join(", ", e.Cast<object?>().Select(Cell)),
        _ => v.ToString() ?? "",
    };

    // Points in all traces (x, y or values arrays): 0 means the chart would be an empty frame.
    static int PointCount(GenericChart chart) => GenericChart.getTraces(chart).Sum(trace =>
        new[] { "x", "y", "values", "z" }.Select(key => trace.TryGetPropertyValue(key) is { } v && v.Value is IEnumerable e and not string
            ? e.Cast<object?>().Count() : 0).Max());
}
