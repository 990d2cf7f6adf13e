using QuickDraw.Shards;
using QuickDraw.Tests.TfRecord;
using QuickDraw.TfRecord;

namespace QuickDraw.Tests.Shards;

public class InkExampleTests
{
    static float[] RandomInk(int points, int seed)
    {
        var random = new Random(seed);
        var ink = new float[points * 3];
        for (int i = 0; i < points; i++)
        {
            ink[3 * i] = (float)(random.NextDouble() - 0.5);
            ink[3 * i + 1] = (float)(random.NextDouble() - 0.5);
            ink[3 * i + 2] = random.Next(4) == 0 ? 1f : 0f;
        }
        return ink;
    }

    [Fact]
    public void EncodeThenDecodeRoundTrips()
    {
        var ink = RandomInk(points: 57, seed: 5);

        var record = InkExample.Decode(InkExample.Encode(ink, classIndex: 344));

        Assert.Equal(57, record.Points);
        Assert.Equal(344, record.ClassIndex);
        Assert.Equal(ink, record.Ink);
    }

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(1, 1L)]
    [InlineData(42, 127L)]      // ink length 504 bytes: two-byte length varints
    [InlineData(43, 128L)]      // class index needs a two-byte varint
    [InlineData(2000, 344L)]    // three-byte length varints
    [InlineData(3, -1L)]        // negative class: ten-byte varint
    public void BytesEqualTheGeneralEncoder(int points, long classIndex)
    {
        var ink = RandomInk(points, seed: points);
        var general = new Example()
            .With("ink", Feature.FromFloats(ink))
            .With("shape", Feature.FromInt64s(points, 3))
            .With("class_index", Feature.FromInt64s(classIndex))
            .Encode();

        var fast = InkExample.Encode(ink, classIndex);

        Assert.Equal(general, fast);
        Assert.Equal(fast.Length, InkExample.EncodedLength(ink.Length, classIndex));
        Assert.True(InkExample.MaxEncodedLength(ink.Length) >= fast.Length);
    }

    [Fact]
    public void EncodeIntoASpanReturnsTheLengthWritten()
    {
        var ink = RandomInk(points: 10, seed: 6);
        var buffer = new byte[InkExample.MaxEncodedLength(ink.Length)];

        int written = InkExample.Encode(ink, classIndex: 9, buffer);

        Assert.Equal(InkExample.Encode(ink, classIndex: 9), buffer[..written]);
        Assert.Throws<ArgumentException>(() => InkExample.Encode(ink, 9, new byte[written - 1]));
        Assert.Throws<ArgumentException>(() => InkExample.Encode(new float[4], 9, buffer));
    }

    [Fact]
    public void ParseCopiesInkIntoACallersBuffer()
    {
        var ink = RandomInk(points: 4, seed: 7);
        var bytes = InkExample.Encode(ink, classIndex: 2);
        var batchRow = new float[20];

        var view = InkExample.Parse(bytes);
        view.CopyInkTo(batchRow);

        Assert.Equal(4, view.Points);
        Assert.Equal(2, view.ClassIndex);
        Assert.Equal(ink, batchRow[..12]);
        Assert.All(batchRow[12..], value => Assert.Equal(0f, value));
    }

    [Fact]
    public void DecodeAcceptsUnpackedInkAndExtraFeatures()
    {
        // ink as one fixed32 field per value: 1.5, -2, 1 (one point).
        byte[] floatList = [0x0D, 0x00, 0x00, 0xC0, 0x3F, 0x0D, 0x00, 0x00, 0x00, 0xC0, 0x0D, 0x00, 0x00, 0x80, 0x3F];
        var bytes = Proto.Example(
            Proto.Entry("class_index", Proto.Len(0x1A, [0x08, 0x05])),  // unpacked int64 5
            Proto.Entry("ink", Proto.Len(0x12, floatList)),
            Proto.Entry("key_id", Proto.Len(0x0A, Proto.Len(0x0A, [1, 2]))),
            Proto.Entry("shape", Proto.Len(0x1A, [0x0A, 0x02, 0x01, 0x03])));

        var record = InkExample.Decode(bytes);

        Assert.Equal([1.5f, -2f, 1f], record.Ink);
        Assert.Equal(1, record.Points);
        Assert.Equal(5, record.ClassIndex);
    }

    [Theory]
    [InlineData(new long[] { 2, 3 }, "'shape' is [2, 3]; expected [1, 3]")]
    [InlineData(new long[] { 1, 2 }, "'shape' is [1, 2]; expected [1, 3]")]
    [InlineData(new long[] { 1 }, "'shape' is [1]; expected [1, 3]")]
    [InlineData(new long[] { 1, 3, 1 }, "'shape' is a list of 3 values")]
    public void DecodeRejectsAShapeThatDisagreesWithTheInk(long[] shape, string reason)
    {
        var bytes = new Example()
            .With("class_index", Feature.FromInt64s(0))
            .With("ink", Feature.FromFloats(0.1f, 0.2f, 1f))
            .With("shape", Feature.FromInt64s(shape))
            .Encode();

        var error = Assert.Throws<InvalidDataException>(() => InkExample.Decode(bytes));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void DecodeNamesWhatIsMissingOrMistyped()
    {
        static string Failure(Example example) =>
            Assert.Throws<InvalidDataException>(() => InkExample.Decode(example.Encode())).Message;

        var ink = Feature.FromFloats(0, 0, 1);
        var shape = Feature.FromInt64s(1, 3);
        var label = Feature.FromInt64s(4);
        Assert.Contains("no 'ink'", Failure(new Example().With("class_index", label).With("shape", shape)));
        Assert.Contains("no 'class_index'", Failure(new Example().With("ink", ink).With("shape", shape)));
        Assert.Contains("no 'shape'", Failure(new Example().With("ink", ink).With("class_index", label)));
        Assert.Contains("'class_index' holds 2 values",
            Failure(new Example().With("ink", ink).With("shape", shape).With("class_index", Feature.FromInt64s(1, 2))));
        Assert.Contains("'ink' holds a int64_list",
            Failure(new Example().With("ink", Feature.FromInt64s(0, 0, 1)).With("shape", shape).With("class_index", label)));
        Assert.Contains("not a multiple of 3",
            Failure(new Example().With("ink", Feature.FromFloats(0, 1)).With("shape", shape).With("class_index", label)));
    }

    [Fact]
    public void DecodeRejectsMalformedProtobuf()
    {
        var bytes = InkExample.Encode(RandomInk(3, seed: 8), classIndex: 1);
        Assert.Throws<InvalidDataException>(() => InkExample.Decode(bytes.AsSpan(0, bytes.Length - 1)));
    }
}
