using System.Buffers.Binary;

namespace QuickDraw.TfRecord;

/// <summary>Protobuf wire types (the low 3 bits of a tag).</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}

/// <summary>
/// Reads protobuf wire format from a span without allocating. Every malformation (truncated varint, length past
/// the end, bad tag) throws <see cref="InvalidDataException"/> saying where in the message it happened.
/// </summary>
internal ref struct ProtoReader
{
    const int MaxGroupDepth = 64;

    readonly ReadOnlySpan<byte> data;
    readonly string messageName;
    int position;

    public ProtoReader(ReadOnlySpan<byte> data, string messageName)
    {
        this.data = data;
        this.messageName = messageName;
        position = 0;
    }

    public readonly bool AtEnd => position >= data.Length;

    /// <summary>Reads the next tag; false at the end of the message.</summary>
    public bool TryReadTag(out int field, out WireType wire)
    {
        if (position >= data.Length)
        {
            field = 0;
            wire = default;
            return false;
        }
        int tagStart = position;
        ulong tag = ReadVarint();
        field = (int)(tag >> 3);
        wire = (WireType)(tag & 7);
        if (tag >> 3 == 0 || tag >> 3 > 0x1FFF_FFFF) throw Malformed(tagStart, $"invalid field number {tag >> 3}");
        if ((int)wire > 5) throw Malformed(tagStart, $"invalid wire type {(int)wire} for field {field}");
        return true;
    }

    public ulong ReadVarint()
    {
        int start = position;
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (position >= data.Length) throw Malformed(start, "truncated varint");
            byte b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw Malformed(start, "varint longer than 10 bytes");
    }

    public uint ReadFixed32()
    {
        if (data.Length - position < 4) throw Malformed(position, "truncated fixed32");
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(data[position..]);
        position += 4;
        return value;
    }

    public ulong ReadFixed64()
    {
        if (data.Length - position < 8) throw Malformed(position, "truncated fixed64");
        ulong value = BinaryPrimitives.ReadUInt64LittleEndian(data[position..]);
        position += 8;
        return value;
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        int start = position;
        ulong length = ReadVarint();
        if (length > (ulong)(data.Length - position))
            throw Malformed(start, $"length {length} runs past the end ({data.Length - position} bytes left)");
        var slice = data.Slice(position, (int)length);
        position += (int)length;
        return slice;
    }

    /// <summary>Skips the value of a field this reader does not know, of any wire type (groups included).</summary>
    public void Skip(int field, WireType wire) => Skip(field, wire, depth: 0);

    void Skip(int field, WireType wire, int depth)
    {
        switch (wire)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: ReadFixed64(); break;
            case WireType.LengthDelimited: ReadLengthDelimited(); break;
            case WireType.Fixed32: ReadFixed32(); break;
            case WireType.StartGroup:
                if (depth >= MaxGroupDepth) throw Malformed(position, "groups nested too deeply");
                while (true)
                {
                    if (!TryReadTag(out int inner, out var innerWire))
                        throw Malformed(position, $"group {field} has no end");
                    if (innerWire == WireType.EndGroup)
                    {
                        if (inner != field) throw Malformed(position, $"group {field} closed by end of group {inner}");
                        return;
                    }
                    Skip(inner, innerWire, depth + 1);
                }
            case WireType.EndGroup: throw Malformed(position, $"end of group {field} without a start");
        }
    }

    readonly InvalidDataException Malformed(int at, string what) =>
        new($"Malformed {messageName}: {what} at byte {at} of a {data.Length}-byte message.");
}
