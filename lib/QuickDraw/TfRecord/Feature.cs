using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace QuickDraw.TfRecord;

/// <summary>One tf.train.Feature: a list of byte strings, of float32s, or of int64s.</summary>
public sealed class Feature
{
    // Field numbers inside tf.train.Feature; the list messages keep their values in field 1.
    const int ValueField = 1;

    Feature(FeatureKind kind, IReadOnlyList<byte[]>? bytesList, float[]? floatList, long[]? int64List)
    {
        Kind = kind;
        BytesList = bytesList;
        FloatList = floatList;
        Int64List = int64List;
    }

    /// <summary>The list this feature holds; the matching property is non-null, the others are null.</summary>
    public FeatureKind Kind { get; }

    public IReadOnlyList<byte[]>? BytesList { get; }
    public float[]? FloatList { get; }
    public long[]? Int64List { get; }

    /// <summary>A feature with no list set.</summary>
    public static Feature Empty { get; } = new(FeatureKind.None, null, null, null);

    public static Feature FromBytes(params byte[][] values) => new(FeatureKind.BytesList, values, null, null);
    public static Feature FromFloats(params float[] values) => new(FeatureKind.FloatList, null, values, null);
    public static Feature FromInt64s(params long[] values) => new(FeatureKind.Int64List, null, null, values);

    // --- wire format -------------------------------------------------------------------------------------

    int ListLength()
    {
        switch (Kind)
        {
            case FeatureKind.BytesList:
                int total = 0;
                foreach (var value in BytesList!) total += ProtoWriter.LengthDelimitedSize(ValueField, value.Length);
                return total;
            case FeatureKind.FloatList:
                // Packed; an empty packed list is written as nothing at all.
                return FloatList!.Length == 0 ? 0 : ProtoWriter.LengthDelimitedSize(ValueField, 4 * FloatList.Length);
            case FeatureKind.Int64List:
                return Int64List!.Length == 0 ? 0 : ProtoWriter.LengthDelimitedSize(ValueField, PackedInt64Length(Int64List));
            default:
                return 0;
        }
    }

    internal static int PackedInt64Length(ReadOnlySpan<long> values)
    {
        int total = 0;
        foreach (long value in values) total += ProtoWriter.VarintLength((ulong)value);
        return total;
    }

    /// <summary>Length of the serialized tf.train.Feature message.</summary>
    internal int EncodedLength() => Kind == FeatureKind.None ? 0 : ProtoWriter.LengthDelimitedSize((int)Kind, ListLength());

    internal void WriteTo(Span<byte> destination, ref int position)
    {
        if (Kind == FeatureKind.None) return;
        ProtoWriter.WriteLengthPrefix(destination, ref position, (int)Kind, ListLength());
        switch (Kind)
        {
            case FeatureKind.BytesList:
                foreach (var value in BytesList!)
                {
                    ProtoWriter.WriteLengthPrefix(destination, ref position, ValueField, value.Length);
                    value.CopyTo(destination[position..]);
                    position += value.Length;
                }
                break;
            case FeatureKind.FloatList when FloatList!.Length > 0:
                ProtoWriter.WriteLengthPrefix(destination, ref position, ValueField, 4 * FloatList.Length);
                WriteLittleEndianFloats(FloatList, destination[position..]);
                position += 4 * FloatList.Length;
                break;
            case FeatureKind.Int64List when Int64List!.Length > 0:
                ProtoWriter.WriteLengthPrefix(destination, ref position, ValueField, PackedInt64Length(Int64List));
                foreach (long value in Int64List) ProtoWriter.WriteVarint(destination, ref position, (ulong)value);
                break;
        }
    }

    internal static void WriteLittleEndianFloats(ReadOnlySpan<float> values, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
            MemoryMarshal.AsBytes(values).CopyTo(destination);
        else
            for (int i = 0; i < values.Length; i++)
                BinaryPrimitives.WriteSingleLittleEndian(destination[(4 * i)..], values[i]);
    }

    /// <summary>Parses a tf.train.Feature message, merging into <paramref name="earlier"/> when the same map entry
    /// repeats its value (protobuf concatenates repeated lists of one kind; a different kind replaces).</summary>
    internal static Feature Decode(ReadOnlySpan<byte> message, Feature? earlier = null)
    {
        var result = earlier ?? Empty;
        var reader = new ProtoReader(message, "tf.train.Feature");
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (wire != WireType.LengthDelimited || field is < 1 or > 3)
            {
                reader.Skip(field, wire);
                continue;
            }
            var list = reader.ReadLengthDelimited();
            Feature parsed = (FeatureKind)field switch
            {
                FeatureKind.BytesList => FromBytes(ReadBytesList(list)),
                FeatureKind.FloatList => FromFloats(ScalarLists.ReadFloats(list)),
                _ => FromInt64s(ScalarLists.ReadInt64s(list)),
            };
            result = result.Kind == parsed.Kind ? Concatenate(result, parsed) : parsed;
        }
        return result;
    }

    static byte[][] ReadBytesList(ReadOnlySpan<byte> message)
    {
        var values = new List<byte[]>();
        var reader = new ProtoReader(message, "tf.train.BytesList");
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == ValueField && wire == WireType.LengthDelimited) values.Add(reader.ReadLengthDelimited().ToArray());
            else reader.Skip(field, wire);
        }
        return values.ToArray();
    }

    static Feature Concatenate(Feature first, Feature second) => first.Kind switch
    {
        FeatureKind.BytesList => FromBytes([.. first.BytesList!, .. second.BytesList!]),
        FeatureKind.FloatList => FromFloats([.. first.FloatList!, .. second.FloatList!]),
        FeatureKind.Int64List => FromInt64s([.. first.Int64List!, .. second.Int64List!]),
        _ => second,
    };
}
