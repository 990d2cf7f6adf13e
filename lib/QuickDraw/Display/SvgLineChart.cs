using System.Globalization;
using System.Net;
using System.Text;

namespace QuickDraw.Display;

/// <summary>
/// A small line chart as plain SVG: no script, a few KB, so it can be redrawn on every training log line (Plotly
/// charts carry 3.6 MB of plotly.js each; they are for the final pictures).
/// </summary>
public static class SvgLineChart
{
    public static string Render(string title, IReadOnlyList<LineSeries> series, int width = 320, int height = 200, string xLabel = "step")
    {
        const int left = 44, right = 10, top = 22, bottom = 34;
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" style=\"background:#fff;border:1px solid #ddd;font-family:sans-serif\">");
        sb.Append($"<text x=\"{left}\" y=\"15\" font-size=\"12\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>");
        if (points.Count > 0)
        {
            double x0 = points.Min(p => p.X), x1 = points.Max(p => p.X), y0 = points.Min(p => p.Y), y1 = points.Max(p => p.Y);
            if (x1 == x0) { x0 -= 1; x1 += 1; }
            if (y1 == y0) { y0 -= 0.5; y1 += 0.5; }
            double pw = width - left - right, ph = height - top - bottom;
            string X(double v) => F(left + (v - x0) / (x1 - x0) * pw);
            string Y(double v) => F(top + ph - (v - y0) / (y1 - y0) * ph);
            sb.Append($"<rect x=\"{left}\" y=\"{top}\" width=\"{F(pw)}\" height=\"{F(ph)}\" fill=\"none\" stroke=\"#ccc\"/>");
            sb.Append($"<text x=\"{left - 4}\" y=\"{top + 8}\" font-size=\"10\" text-anchor=\"end\">{Num(y1)}</text>");
            sb.Append($"<text x=\"{left - 4}\" y=\"{F(top + ph)}\" font-size=\"10\" text-anchor=\"end\">{Num(y0)}</text>");
            sb.Append($"<text x=\"{left}\" y=\"{F(top + ph + 12)}\" font-size=\"10\">{Num(x0)}</text>");
            sb.Append($"<text x=\"{F(left + pw)}\" y=\"{F(top + ph + 12)}\" font-size=\"10\" text-anchor=\"end\">{Num(x1)}</text>");
            sb.Append($"<text x=\"{F(left + pw / 2)}\" y=\"{F(top + ph + 12)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#777\">{WebUtility.HtmlEncode(xLabel)}</text>");
            double legendX = left + 4;
            foreach (var s in series)
            {
                var ok = s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
                if (ok.Count > 1)
                    sb.Append($"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.5\" points=\"{string.Join(' ', ok.Select(p => X(p.X) + "," + Y(p.Y)))}\"/>");
                foreach (var p in ok.Count <= 30 ? ok : [ok[^1]])
                    sb.Append($"<circle cx=\"{X(p.X)}\" cy=\"{Y(p.Y)}\" r=\"2.5\" fill=\"{s.Color}\"/>");
                sb.Append($"<text x=\"{F(legendX)}\" y=\"{height - 6}\" font-size=\"10\" fill=\"{s.Color}\">■ {WebUtility.HtmlEncode(s.Name)}</text>");
                legendX += 12 + 6 * s.Name.Length;
            }
        }
        else sb.Append($"<text x=\"{width / 2}\" y=\"{height / 2}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#999\">waiting for the first points…</text>");
        return sb.Append("</svg>").ToString();
    }

    static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    static string Num(double v) => Math.Abs(v) >= 1000 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);
}
