using QuickDraw.TfRecord;
namespace QuickDraw.Shards;

/// <summary>
/// A parsed, validated tutorial record that still points into the record's bytes: reading <see cref="Points"/>
/// and <see cref="ClassIndex"/> allocates nothing, and <see cref="CopyInkTo"/> writes the ink straight into a
/// caller's buffer (e.g. a batch being assembled). Valid only while those bytes are.
/// </summary>
public readonly ref struct InkView
{
    const int FloatListField = 2;

    // The serialized tf.train.Feature of "ink": one or more float_list fields (already validated).
    readonly ReadOnlySpan<byte> inkFeature;

    internal InkView(ReadOnlySpan<byte> inkFeature, int points, long classIndex)
    {
        this.inkFeature = inkFeature;
        Points = points;
        ClassIndex = classIndex;
    }

    /// <summary>Number of ink rows (N in [N, 3]).</summary>
    public int Points { get; }

    /// <summary>Number of ink floats, 3 × <see cref="Points"/>.</summary>
    public int FloatCount => 3 * Points;

    public long ClassIndex { get; }

    /// <summary>Copies the flattened [N, 3] ink into the first <see cref="FloatCount"/> floats of
    /// <paramref name="destination"/>.</summary>
    public void CopyInkTo(Span<float> destination)
    {
        if (destination.Length < FloatCount)
            throw new ArgumentException($"destination holds {destination.Length} floats; the ink has {FloatCount}.", nameof(destination));
        var reader = new ProtoReader(inkFeature, "tf.train.Feature");
        int written = 0;
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == FloatListField && wire == WireType.LengthDelimited)
            {
                var list = reader.ReadLengthDelimited();
                int count = ScalarLists.CountFloats(list);
                ScalarLists.CopyFloats(list, destination.Slice(written, count));
                written += count;
            }
            else reader.Skip(field, wire);
        }
    }

    /// <summary>The ink as a new array.</summary>
    public float[] ToArray()
    {
        var ink = new float[FloatCount];
        CopyInkTo(ink);
        return ink;
    }
}
