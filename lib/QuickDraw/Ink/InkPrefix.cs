namespace QuickDraw.Ink;

/// <summary>Cutting ink (flattened [N, 3] of dx, dy, end-of-stroke) down to its first strokes.</summary>
public static class InkPrefix
{
    /// <summary>The ink of the first ⌈fraction × strokes⌉ strokes, re-normalised to the prefix's own bounding box
    /// (as the tutorial's preprocessing would treat a drawing that stopped there). Empty when nothing is left.</summary>
    public static float[] ByStrokeFraction(float[] ink, double fraction)
    {
        int n = ink.Length / 3;
        int strokes = 0;
        for (int i = 0; i < n; i++) if (ink[i * 3 + 2] > 0.5f) strokes++;
        if (strokes == 0 || fraction >= 1) return ink;
        int keepStrokes = Math.Max(1, (int)Math.Ceiling(fraction * strokes));
        int rows = 0;
        for (int seen = 0; rows < n && seen < keepStrokes; rows++) if (ink[rows * 3 + 2] > 0.5f) seen++;

        // Back to absolute positions (the dropped first point sits at the origin), then normalise again.
        var xs = new float[rows + 1]; var ys = new float[rows + 1];
        for (int i = 0; i < rows; i++) { xs[i + 1] = xs[i] + ink[i * 3]; ys[i + 1] = ys[i] + ink[i * 3 + 1]; }
        float minX = xs.Min(), maxX = xs.Max(), minY = ys.Min(), maxY = ys.Max();
        float sx = maxX - minX == 0 ? 1 : maxX - minX, sy = maxY - minY == 0 ? 1 : maxY - minY;
        var result = new float[rows * 3];
        for (int i = 0; i < rows; i++)
        {
            result[i * 3] = (xs[i + 1] - minX) / sx - (xs[i] - minX) / sx;
            result[i * 3 + 1] = (ys[i + 1] - minY) / sy - (ys[i] - minY) / sy;
            result[i * 3 + 2] = ink[i * 3 + 2];
        }
        return result;
    }
}
