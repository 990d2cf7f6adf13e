using System.Globalization;
using System.Text;
using QuickDraw.Drawings;

namespace QuickDraw.Ink;

/// <summary>Renders drawings and ink as inline SVG, for notebooks and reports.</summary>
public static class DrawingSvg
{
    /// <summary>A drawing as an SVG of <paramref name="size"/> pixels, each stroke a polyline.</summary>
    public static string Render(Drawing d, int size = 128, string? title = null)
    {
        var all = d.Strokes.SelectMany(s => s.X.Zip(s.Y)).ToList();
        if (all.Count == 0) return Frame(size, "", title);
        float minX = all.Min(p => p.First), minY = all.Min(p => p.Second);
        float span = Math.Max(1, Math.Max(all.Max(p => p.First) - minX, all.Max(p => p.Second) - minY));
        var sb = new StringBuilder();
        foreach (var s in d.Strokes)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"black\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" points=\"");
            for (int i = 0; i < s.Count; i++)
                sb.Append(F(4 + (s.X[i] - minX) / span * (size - 8))).Append(',').Append(F(4 + (s.Y[i] - minY) / span * (size - 8))).Append(' ');
            sb.Append("\"/>");
        }
        return Frame(size, sb.ToString(), title ?? d.Word);
    }

    /// <summary>Ink (flattened [N, 3] of dx, dy, end-of-stroke) redrawn from its deltas: what the model sees.
    /// The first point is at the origin (the tutorial drops the absolute first row).</summary>
    public static string RenderInk(ReadOnlySpan<float> ink, int size = 128, string? title = null)
    {
        var strokes = new List<Stroke>();
        var xs = new List<float> { 0 }; var ys = new List<float> { 0 };
        float x = 0, y = 0;
        for (int o = 0; o + 2 < ink.Length; o += 3)
        {
            x += ink[o]; y += ink[o + 1];
            xs.Add(x); ys.Add(y);
            if (ink[o + 2] > 0.5f) { strokes.Add(new Stroke(xs.ToArray(), ys.ToArray())); xs.Clear(); ys.Clear(); }
        }
        if (xs.Count > 0) strokes.Add(new Stroke(xs.ToArray(), ys.ToArray()));
        return Render(new Drawing(title ?? "", strokes), size, title);
    }

    /// <summary>Several SVGs side by side in one HTML block.</summary>
    public static string Grid(IEnumerable<string> svgs) =>
        "<div style=\"display:flex;flex-wrap:wrap;gap:6px\">" + string.Concat(svgs) + "</div>";

    static string Frame(int size, string body, string? title) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size + (title != null ? 14 : 0)}\" style=\"background:#fff;border:1px solid #ddd\">" +
        body + (title != null ? $"<text x=\"{size / 2}\" y=\"{size + 11}\" font-size=\"11\" text-anchor=\"middle\" font-family=\"sans-serif\">{System.Net.WebUtility.HtmlEncode(title)}</text>" : "") + "</svg>";

    static string F(float v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
