namespace QuickDraw.Ink;

/// <summary>
/// The tutorial's preprocessing (create_dataset.py, parse_line): all points as rows (x, y, end-of-stroke),
/// x and y scaled into [0, 1] by the drawing's bounding box (a zero range counts as 1), then each row's x, y
/// replaced by the difference to the previous row, and the first row dropped.
/// Result: float32 [points - 1, 3], flattened row-major. Arithmetic is float32 throughout, as numpy's is,
/// so values are bit-identical to the tutorial's.
/// </summary>
public static class InkConverter
{
    /// <summary>Ink of a drawing: flattened [points - 1, 3]. Throws when the drawing has fewer than 2 points
    /// or a stroke whose x and y lengths differ (use <see cref="NdjsonDrawingParser"/> to skip those).</summary>
    public static float[] ToInk(Drawing drawing)
    {
        var buffer = new DrawingBuffer();
        foreach (var s in drawing.Strokes)
        {
            if (s.X.Length != s.Y.Length)
                throw new ArgumentException($"stroke has {s.X.Length} x but {s.Y.Length} y coordinates");
            buffer.AddStroke(s.X, s.Y);
        }
        if (buffer.PointCount < 2) throw new ArgumentException("a drawing needs at least 2 points to make ink");
        var ink = new float[(buffer.PointCount - 1) * 3];
        Write(buffer, ink);
        return ink;
    }

    /// <summary>Writes the ink of <paramref name="drawing"/> into <paramref name="destination"/>
    /// (length (points - 1) * 3) and returns the number of floats written.</summary>
    public static int Write(DrawingBuffer drawing, Span<float> destination)
    {
        int n = drawing.PointCount;
        if (n < 2) throw new ArgumentException("a drawing needs at least 2 points to make ink");
        var xs = drawing.X;
        var ys = drawing.Y;
        float minX = xs[0], maxX = xs[0], minY = ys[0], maxY = ys[0];
        for (int i = 1; i < n; i++)
        {
            float x = xs[i], y = ys[i];
            if (x < minX) minX = x; else if (x > maxX) maxX = x;
            if (y < minY) minY = y; else if (y > maxY) maxY = y;
        }
        float scaleX = maxX - minX, scaleY = maxY - minY;
        if (scaleX == 0) scaleX = 1;
        if (scaleY == 0) scaleY = 1;

        var ends = drawing.StrokeEnds; // exclusive end index of each stroke
        int len = (n - 1) * 3;
        var dest = destination[..len];
        float prevX = (xs[0] - minX) / scaleX, prevY = (ys[0] - minY) / scaleY;
        int stroke = 0;
        while (stroke < ends.Length && ends[stroke] <= 1) stroke++; // strokes ending at point 0 lose their flag with row 0
        for (int i = 1, o = 0; i < n; i++, o += 3)
        {
            float x = (xs[i] - minX) / scaleX, y = (ys[i] - minY) / scaleY;
            dest[o] = x - prevX;
            dest[o + 1] = y - prevY;
            bool end = stroke < ends.Length && ends[stroke] == i + 1;
            dest[o + 2] = end ? 1f : 0f;
            if (end) stroke++;
            prevX = x;
            prevY = y;
        }
        return len;
    }
}
