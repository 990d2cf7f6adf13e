namespace QuickDraw.Shards;

/// <summary>One decoded tutorial record: <paramref name="Ink"/> is the flattened [Points, 3] float32 array of
/// (dx, dy, end-of-stroke) rows; <paramref name="ClassIndex"/> is the line number in the .classes file.</summary>
public readonly record struct InkRecord(float[] Ink, int Points, long ClassIndex);
