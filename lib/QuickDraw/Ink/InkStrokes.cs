using QuickDraw.Drawings;
namespace QuickDraw.Ink;

/// <summary>
/// Ink (flattened [N, 3] of dx, dy, end-of-stroke, as <see cref="InkConverter"/> makes it) back to strokes, for
/// showing a drawing that only survives as ink (an eval shard's record). The first point, which the ink drops,
/// sits at the origin; each axis is stretched to 0–<see cref="StrokeSimplifier.Size"/>, since the ink normalised
/// each axis by its own range and the aspect ratio is gone. <see cref="InkConverter.ToInk"/> of the result
/// gives the ink back, up to float rounding.
/// </summary>
public static class InkStrokes
{
    /// <summary>Strokes of the first <paramref name="points"/> rows of <paramref name="ink"/>.</summary>
    public static Drawing ToDrawing(ReadOnlySpan<float> ink, int points, string word)
    {
        if (points < 1) throw new ArgumentException("ink needs at least one row");
        int n = points + 1;
        var xs = new double[n];
        var ys = new double[n];
        for (int i = 0; i < points; i++) { xs[i + 1] = xs[i] + ink[i * 3]; ys[i + 1] = ys[i] + ink[i * 3 + 1]; }
        double minX = xs.Min(), minY = ys.Min();
        double rangeX = xs.Max() - minX, rangeY = ys.Max() - minY;
        double sx = rangeX > 0 ? StrokeSimplifier.Size / rangeX : 0, sy = rangeY > 0 ? StrokeSimplifier.Size / rangeY : 0;

        // Point j ends a stroke when row j - 1 carries the flag; the last point always ends one.
        var strokes = new List<Stroke>();
        int start = 0;
        for (int j = 0; j < n; j++)
        {
            bool end = j == n - 1 || (j >= 1 && ink[(j - 1) * 3 + 2] > 0.5f);
            if (!end) continue;
            var x = new float[j - start + 1];
            var y = new float[j - start + 1];
            for (int k = start; k <= j; k++) { x[k - start] = (float)((xs[k] - minX) * sx); y[k - start] = (float)((ys[k] - minY) * sy); }
            strokes.Add(new Stroke(x, y));
            start = j + 1;
        }
        return new Drawing(word, strokes);
    }
}
