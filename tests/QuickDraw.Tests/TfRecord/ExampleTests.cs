using QuickDraw.TfRecord;

namespace QuickDraw.Tests.TfRecord;

public class ExampleTests
{
    // Example { features { feature { key: "class_index" value { int64_list { value: [7] } } }
    //                      feature { key: "ink" value { float_list { value: [1.5, -2] } } } } }
    static readonly byte[] HandAssembled =
    [
        0x0A, 0x2B,                                     // Example.features, 43 bytes
          0x0A, 0x14,                                   // Features.feature map entry, 20 bytes
            0x0A, 0x0B,                                 // key, 11 bytes
              (byte)'c', (byte)'l', (byte)'a', (byte)'s', (byte)'s', (byte)'_',
              (byte)'i', (byte)'n', (byte)'d', (byte)'e', (byte)'x',
            0x12, 0x05,                                 // value: Feature, 5 bytes
              0x1A, 0x03,                               // Feature.int64_list, 3 bytes
                0x0A, 0x01, 0x07,                       // packed values: [7]
          0x0A, 0x13,                                   // map entry, 19 bytes
            0x0A, 0x03, (byte)'i', (byte)'n', (byte)'k',
            0x12, 0x0C,                                 // Feature, 12 bytes
              0x12, 0x0A,                               // Feature.float_list, 10 bytes
                0x0A, 0x08,                             // packed values, 8 bytes
                  0x00, 0x00, 0xC0, 0x3F,               // 1.5f = 0x3FC00000, little-endian
                  0x00, 0x00, 0x00, 0xC0,               // -2f  = 0xC0000000
    ];

    [Fact]
    public void HandAssembledBytesDecode()
    {
        var example = Example.Decode(HandAssembled);

        Assert.Equal(["class_index", "ink"], example.Features.Keys);
        Assert.Equal(FeatureKind.Int64List, example.Features["class_index"].Kind);
        Assert.Equal([7L], example.Features["class_index"].Int64List!);
        Assert.Equal([1.5f, -2f], example.Features["ink"].FloatList!);
        Assert.Null(example.Features["ink"].Int64List);
    }

    [Fact]
    public void EncodeWritesTheCanonicalBytes()
    {
        // Inserted out of order: the encoding sorts keys.
        var example = new Example()
            .With("ink", Feature.FromFloats(1.5f, -2f))
            .With("class_index", Feature.FromInt64s(7));
        Assert.Equal(HandAssembled, example.Encode());
    }

    [Fact]
    public void EveryFeatureKindRoundTrips()
    {
        var example = new Example()
            .With("bytes", Feature.FromBytes([1, 2], [], "é"u8.ToArray()))
            .With("floats", Feature.FromFloats(0f, -0f, float.NaN, float.MaxValue, 1e-45f))
            .With("int64s", Feature.FromInt64s(0, -1, long.MinValue, long.MaxValue, 300))
            .With("empty floats", Feature.FromFloats())
            .With("nothing", Feature.Empty)
            .With("ключ", Feature.FromInt64s(1));

        var decoded = Example.Decode(example.Encode());

        Assert.Equal(example.Features.Keys, decoded.Features.Keys);
        Assert.Equal(example.Features["bytes"].BytesList!, decoded.Features["bytes"].BytesList!);
        Assert.Equal(
            example.Features["floats"].FloatList!.Select(BitConverter.SingleToInt32Bits),
            decoded.Features["floats"].FloatList!.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(example.Features["int64s"].Int64List!, decoded.Features["int64s"].Int64List!);
        Assert.Empty(decoded.Features["empty floats"].FloatList!);
        Assert.Equal(FeatureKind.None, decoded.Features["nothing"].Kind);
        Assert.Equal(example.Encode(), decoded.Encode());
    }

    [Fact]
    public void NegativeInt64IsATenByteVarint()
    {
        var bytes = new Example().With("k", Feature.FromInt64s(-1)).Encode();
        // ... 0x1A (int64_list) 0x0C, 0x0A (packed) 0x0A, then FF x9, 01
        Assert.Equal([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], bytes[^10..]);
        Assert.Equal([0x0A, 0x0A], bytes[^12..^10]);
    }

    [Fact]
    public void UnpackedListsDecode()
    {
        byte[] floatList = [0x0D, 0x00, 0x00, 0xC0, 0x3F, 0x0D, 0x00, 0x00, 0x00, 0xC0];  // value: 1.5, value: -2
        byte[] int64List = [0x08, 0x07, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]; // 7, -1
        var bytes = Proto.Example(
            Proto.Entry("f", Proto.Len(0x12, floatList)),
            Proto.Entry("i", Proto.Len(0x1A, int64List)));

        var example = Example.Decode(bytes);

        Assert.Equal([1.5f, -2f], example.Features["f"].FloatList!);
        Assert.Equal([7L, -1L], example.Features["i"].Int64List!);
    }

    [Fact]
    public void PackedAndUnpackedRunsConcatenate()
    {
        byte[] int64List = [0x0A, 0x02, 0x01, 0x02, 0x08, 0x03, 0x0A, 0x01, 0x04]; // [1, 2] then 3 then [4]
        var example = Example.Decode(Proto.Example(Proto.Entry("i", Proto.Len(0x1A, int64List))));
        Assert.Equal([1L, 2L, 3L, 4L], example.Features["i"].Int64List!);
    }

    [Fact]
    public void UnknownFieldsOfEveryWireTypeAreSkipped()
    {
        byte[] varint = [0x38, 0x96, 0x01];                                   // field 7, varint 150
        byte[] fixed64 = [0x41, 1, 2, 3, 4, 5, 6, 7, 8];                       // field 8, fixed64
        byte[] fixed32 = [0x4D, 1, 2, 3, 4];                                   // field 9, fixed32
        byte[] bytes = [0x52, 0x02, 0xAA, 0xBB];                               // field 10, length-delimited
        byte[] group = [0x5B, 0x08, 0x01, 0x63, 0x64, 0x5C];                   // group 11 { 1: 1, group 12 {} }
        byte[] all = [.. varint, .. fixed64, .. fixed32, .. bytes, .. group];

        byte[] int64List = [.. all, 0x0A, 0x01, 0x07, .. all];
        byte[] feature = [.. all, .. Proto.Len(0x1A, int64List), .. all];
        byte[] entry = [.. all, .. Proto.Len(0x0A, "k"u8.ToArray()), .. all, .. Proto.Len(0x12, feature), .. all];
        byte[] features = [.. all, .. Proto.Len(0x0A, entry), .. all];
        byte[] example = [.. all, .. Proto.Len(0x0A, features), .. all];

        var decoded = Example.Decode(example);

        Assert.Equal(["k"], decoded.Features.Keys);
        Assert.Equal([7L], decoded.Features["k"].Int64List!);
    }
}
