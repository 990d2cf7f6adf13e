using System.Runtime.CompilerServices;
using QuickDraw.TfRecord;

namespace QuickDraw.Shards;

/// <summary>
/// The tutorial's record, a tf.train.Example with three features: <c>class_index</c> = int64_list [index],
/// <c>ink</c> = float_list of the flattened [N, 3] ink, <c>shape</c> = int64_list [N, 3]. Encoding writes the same
/// bytes as <see cref="Example.Encode"/> of that content, without building the dictionary.
/// </summary>
public static partial class InkExample
{
    // Field numbers: Example.features = 1, Features.feature (map) = 1, entry key = 1 / value = 2,
    // Feature.float_list = 2 / int64_list = 3, list value = 1.
    const int FeaturesField = 1, MapField = 1, KeyField = 1, ValueField = 2;
    const int FloatListField = 2, Int64ListField = 3, ListValueField = 1;

    // Keys in sorted order, the order Example.Encode writes them.
    static ReadOnlySpan<byte> ClassIndexKey => "class_index"u8;
    static ReadOnlySpan<byte> InkKey => "ink"u8;
    static ReadOnlySpan<byte> ShapeKey => "shape"u8;

    // Largest ink for which the whole record still fits in an int-indexed span.
    const int MaxFloatCount = (int.MaxValue - 256) / 4;

    /// <summary>An upper bound on the encoded size of a record with <paramref name="floatCount"/> ink floats,
    /// whatever its class index: a buffer this long always suffices for <see cref="Encode(ReadOnlySpan{float}, long, Span{byte})"/>.</summary>
    public static int MaxEncodedLength(int floatCount) => EncodedLength(floatCount, classIndex: -1);

    /// <summary>The exact encoded size of a record with <paramref name="floatCount"/> ink floats and this class.</summary>
    public static int EncodedLength(int floatCount, long classIndex) => new Layout(floatCount, classIndex).Total;

    /// <summary>The serialized record, in a new array.</summary>
    public static byte[] Encode(ReadOnlySpan<float> ink, long classIndex)
    {
        var bytes = new byte[EncodedLength(ink.Length, classIndex)];
        Encode(ink, classIndex, bytes);
        return bytes;
    }

    /// <summary>Serializes the record into <paramref name="destination"/> without allocating; returns the number of
    /// bytes written. <paramref name="ink"/> is the flattened [N, 3] array, so its length must divide by 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(ReadOnlySpan<float> ink, long classIndex, Span<byte> destination)
    {
        if (ink.Length % 3 != 0)
            throw new ArgumentException($"ink holds {ink.Length} floats; a flattened [N, 3] array needs a multiple of 3.", nameof(ink));
        var size = new Layout(ink.Length, classIndex);
        if (destination.Length < size.Total)
            throw new ArgumentException($"destination holds {destination.Length} bytes; the record needs {size.Total} (see MaxEncodedLength).", nameof(destination));

        var d = destination;
        int p = 0;
        ProtoWriter.WriteLengthPrefix(d, ref p, FeaturesField, size.Features);

        WriteEntryStart(d, ref p, ClassIndexKey, size.ClassEntry, size.ClassFeature);
        ProtoWriter.WriteLengthPrefix(d, ref p, Int64ListField, size.ClassList);
        ProtoWriter.WriteLengthPrefix(d, ref p, ListValueField, size.ClassVarint);
        ProtoWriter.WriteVarint(d, ref p, (ulong)classIndex);

        WriteEntryStart(d, ref p, InkKey, size.InkEntry, size.InkFeature);
        ProtoWriter.WriteLengthPrefix(d, ref p, FloatListField, size.InkList);
        if (ink.Length > 0)
        {
            ProtoWriter.WriteLengthPrefix(d, ref p, ListValueField, 4 * ink.Length);
            Feature.WriteLittleEndianFloats(ink, d[p..]);
            p += 4 * ink.Length;
        }

        WriteEntryStart(d, ref p, ShapeKey, size.ShapeEntry, size.ShapeFeature);
        ProtoWriter.WriteLengthPrefix(d, ref p, Int64ListField, size.ShapeList);
        ProtoWriter.WriteLengthPrefix(d, ref p, ListValueField, size.ShapePacked);
        ProtoWriter.WriteVarint(d, ref p, (ulong)(ink.Length / 3));
        ProtoWriter.WriteVarint(d, ref p, 3);
        return p;
    }

    static void WriteEntryStart(Span<byte> d, ref int p, ReadOnlySpan<byte> key, int entryLength, int featureLength)
    {
        ProtoWriter.WriteLengthPrefix(d, ref p, MapField, entryLength);
        ProtoWriter.WriteLengthPrefix(d, ref p, KeyField, key.Length);
        key.CopyTo(d[p..]);
        p += key.Length;
        ProtoWriter.WriteLengthPrefix(d, ref p, ValueField, featureLength);
    }

    // Every nested message's length, innermost first (protobuf writes each length before its content).
    readonly struct Layout
    {
        public readonly int ClassVarint, ClassList, ClassFeature, ClassEntry;
        public readonly int InkList, InkFeature, InkEntry;
        public readonly int ShapePacked, ShapeList, ShapeFeature, ShapeEntry;
        public readonly int Features, Total;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Layout(int floatCount, long classIndex)
        {
            if ((uint)floatCount > MaxFloatCount)
                throw new ArgumentOutOfRangeException(nameof(floatCount), floatCount, $"ink must hold 0 to {MaxFloatCount} floats.");
            ClassVarint = ProtoWriter.VarintLength((ulong)classIndex);
            ClassList = ProtoWriter.LengthDelimitedSize(ListValueField, ClassVarint);
            ClassFeature = ProtoWriter.LengthDelimitedSize(Int64ListField, ClassList);
            ClassEntry = EntryLength(ClassIndexKey.Length, ClassFeature);

            InkList = floatCount == 0 ? 0 : ProtoWriter.LengthDelimitedSize(ListValueField, 4 * floatCount);
            InkFeature = ProtoWriter.LengthDelimitedSize(FloatListField, InkList);
            InkEntry = EntryLength(InkKey.Length, InkFeature);

            // Rounding up makes MaxEncodedLength an upper bound even for a count that is not a multiple of 3.
            ShapePacked = ProtoWriter.VarintLength((ulong)((floatCount + 2) / 3)) + ProtoWriter.VarintLength(3);
            ShapeList = ProtoWriter.LengthDelimitedSize(ListValueField, ShapePacked);
            ShapeFeature = ProtoWriter.LengthDelimitedSize(Int64ListField, ShapeList);
            ShapeEntry = EntryLength(ShapeKey.Length, ShapeFeature);

            Features = ProtoWriter.LengthDelimitedSize(MapField, ClassEntry)
                     + ProtoWriter.LengthDelimitedSize(MapField, InkEntry)
                     + ProtoWriter.LengthDelimitedSize(MapField, ShapeEntry);
            Total = ProtoWriter.LengthDelimitedSize(FeaturesField, Features);
        }

        static int EntryLength(int keyLength, int featureLength) =>
            ProtoWriter.LengthDelimitedSize(KeyField, keyLength) + ProtoWriter.LengthDelimitedSize(ValueField, featureLength);
    }
}
