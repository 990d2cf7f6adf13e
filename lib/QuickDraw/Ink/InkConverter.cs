using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using QuickDraw.Drawings;

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
    /// (length (points - 1) * 3) and returns the number of floats written. The tutorial's arithmetic whatever the
    /// values: non-finite coordinates give NaN ink (the converter uses <see cref="TryWrite"/>, which refuses them).</summary>
    public static int Write(DrawingBuffer drawing, Span<float> destination)
    {
        WriteChecked(drawing, destination, check: false, out int written);
        return written;
    }

    /// <summary><see cref="Write"/>, or false (nothing written) when the drawing's width or height is not a finite
    /// float32 (a non-finite coordinate, or an extent that overflows: coordinates near ±3.4e38), so its ink would not
    /// be finite. With a finite extent every value written is finite: normalised coordinates lie in [0, 1].</summary>
    public static bool TryWrite(DrawingBuffer drawing, Span<float> destination, out int written) =>
        WriteChecked(drawing, destination, check: true, out written);

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool WriteChecked(DrawingBuffer drawing, Span<float> destination, bool check, out int written)
    {
        written = 0;
        int n = drawing.PointCount;
        if (n < 2) throw new ArgumentException("a drawing needs at least 2 points to make ink");
        var (minX, maxX) = Range(drawing.X);
        var (minY, maxY) = Range(drawing.Y);
        float scaleX = maxX - minX, scaleY = maxY - minY;
        if (check && (!float.IsFinite(scaleX) || !float.IsFinite(scaleY))) return false;
        if (scaleX == 0) scaleX = 1;
        if (scaleY == 0) scaleY = 1;

        // Normalised coordinates first, 8 at a time (vector division is IEEE division: the same bits as
        // scalar), then rows of (dx, dy, 0), then the stroke-end flags.
        Span<float> scratch = n <= 512 ? stackalloc float[1024] : new float[2 * n];
        var nx = scratch[..n];
        var ny = scratch.Slice(n, n);
        Normalise(drawing.X, minX, scaleX, nx);
        Normalise(drawing.Y, minY, scaleY, ny);
        int len = (n - 1) * 3;
        var dest = destination[..len]; // throws when too short, so the loop below stays inside it
        ref float row = ref MemoryMarshal.GetReference(dest);
        ref float x = ref MemoryMarshal.GetReference(nx);
        ref float y = ref MemoryMarshal.GetReference(ny);
        for (int i = 1; i < n; i++, row = ref Unsafe.Add(ref row, 3))
        {
            row = Unsafe.Add(ref x, i) - Unsafe.Add(ref x, i - 1);
            Unsafe.Add(ref row, 1) = Unsafe.Add(ref y, i) - Unsafe.Add(ref y, i - 1);
            Unsafe.Add(ref row, 2) = 0f;
        }
        foreach (int end in drawing.StrokeEnds) // exclusive end of each stroke: its last point is row end - 1
            if (end >= 2) dest[3 * (end - 2) + 2] = 1f; // a stroke ending at point 0 loses its flag with row 0
        written = len;
        return true;
    }

    // Smallest and largest value, as a scan with `<` and `>` finds them. Vectorised when the values hold no NaN
    // and no -0: then the extremes are unique bit patterns, whatever the order of comparison.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static (float Min, float Max) Range(ReadOnlySpan<float> v)
    {
        const int W = 8;
        if (Vector256.IsHardwareAccelerated && v.Length >= 2 * W)
        {
            var lo = Vector256.Create(v);
            var hi = lo;
            var special = Special(lo);
            int i = W;
            for (; i <= v.Length - W; i += W)
            {
                var e = Vector256.Create(v[i..]);
                lo = Vector256.MinNative(lo, e);
                hi = Vector256.MaxNative(hi, e);
                special |= Special(e);
            }
            var last = Vector256.Create(v[^W..]); // the tail, overlapping: harmless for min and max
            lo = Vector256.MinNative(lo, last);
            hi = Vector256.MaxNative(hi, last);
            special |= Special(last);
            if (special == Vector256<int>.Zero)
            {
                var l = Vector128.MinNative(lo.GetLower(), lo.GetUpper());
                var h = Vector128.MaxNative(hi.GetLower(), hi.GetUpper());
                l = Vector128.MinNative(l, Vector128.Shuffle(l, Vector128.Create(2, 3, 0, 1)));
                h = Vector128.MaxNative(h, Vector128.Shuffle(h, Vector128.Create(2, 3, 0, 1)));
                l = Vector128.MinNative(l, Vector128.Shuffle(l, Vector128.Create(1, 0, 3, 2)));
                h = Vector128.MaxNative(h, Vector128.Shuffle(h, Vector128.Create(1, 0, 3, 2)));
                return (l.ToScalar(), h.ToScalar());
            }
        }
        float mn = v[0], mx = v[0];
        for (int i = 1; i < v.Length; i++)
        {
            if (v[i] < mn) mn = v[i];
            else if (v[i] > mx) mx = v[i];
        }
        return (mn, mx);
    }

    // Lanes holding NaN or -0.
    static Vector256<int> Special(Vector256<float> e) =>
        ~Vector256.Equals(e, e).AsInt32() | Vector256.Equals(e.AsInt32(), Vector256.Create(int.MinValue));

    // (v - min) / scale, elementwise in float32.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Normalise(ReadOnlySpan<float> v, float min, float scale, Span<float> result)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vmin = Vector256.Create(min);
            var vscale = Vector256.Create(scale);
            for (; i <= v.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                ((Vector256.Create(v[i..]) - vmin) / vscale).CopyTo(result[i..]);
        }
        for (; i < v.Length; i++) result[i] = (v[i] - min) / scale;
    }
}
