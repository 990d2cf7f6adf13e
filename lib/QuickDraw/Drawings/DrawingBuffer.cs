namespace QuickDraw.Drawings;

/// <summary>
/// A drawing's points in flat, reusable arrays (the converter's hot path parses millions of drawings:
/// one buffer per worker, no allocation per drawing). Empty strokes are dropped: in the tutorial they
/// change nothing (they re-flag a point that is already a stroke end).
/// </summary>
public sealed class DrawingBuffer
{
    float[] x = new float[256], y = new float[256];
    int[] ends = new int[16];

    public int PointCount { get; private set; }
    public int StrokeCount { get; private set; }
    public ReadOnlySpan<float> X => x.AsSpan(0, PointCount);
    public ReadOnlySpan<float> Y => y.AsSpan(0, PointCount);
    /// <summary>Exclusive end index (into X, Y) of each stroke.</summary>
    public ReadOnlySpan<int> StrokeEnds => ends.AsSpan(0, StrokeCount);

    public void Clear() { PointCount = 0; StrokeCount = 0; }

    public void AddStroke(ReadOnlySpan<float> xs, ReadOnlySpan<float> ys)
    {
        for (int i = 0; i < xs.Length; i++) AddX(xs[i]);
        for (int i = 0; i < ys.Length; i++) AddY(PointCount - xs.Length + i, ys[i]);
        EndStroke();
    }

    // Parser protocol: AddX for each x of a stroke, then SetY for each y by index, then EndStroke.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void AddX(float v)
    {
        if (PointCount == x.Length) Grow();
        x[PointCount++] = v;
    }

    void Grow() { Array.Resize(ref x, x.Length * 2); Array.Resize(ref y, y.Length * 2); }

    internal void AddY(int index, float v) => y[index] = v;

    internal void EndStroke()
    {
        int start = StrokeCount == 0 ? 0 : ends[StrokeCount - 1];
        if (PointCount == start) return; // empty stroke
        if (StrokeCount == ends.Length) Array.Resize(ref ends, ends.Length * 2);
        ends[StrokeCount++] = PointCount;
    }

    /// <summary>Drops the points added since the last EndStroke (a stroke that turned out to be bad).</summary>
    internal void DiscardOpenStroke() => PointCount = StrokeCount == 0 ? 0 : ends[StrokeCount - 1];

    /// <summary>Copies the buffer into an immutable <see cref="Drawing"/>.</summary>
    public Drawing ToDrawing(string word, string? keyId = null, string? countryCode = null, bool recognized = true, string? timestamp = null)
    {
        var strokes = new Stroke[StrokeCount];
        int start = 0;
        for (int s = 0; s < StrokeCount; s++)
        {
            int end = ends[s];
            strokes[s] = new Stroke(x[start..end], y[start..end]);
            start = end;
        }
        return new Drawing(word, strokes, keyId, countryCode, recognized, timestamp);
    }
}
