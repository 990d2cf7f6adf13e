using QuickDraw.TfRecord;

namespace QuickDraw.Tests.TfRecord;

public class ExampleMalformedTests
{
    public static TheoryData<string, byte[], string> MalformedInputs() => new()
    {
        { "truncated varint in a tag", [0x80], "truncated varint" },
        { "truncated length", [0x0A, 0x80], "truncated varint" },
        { "length past the end", [0x0A, 0x05, 0x00], "runs past the end" },
        { "nested length past the end", [0x0A, 0x03, 0x0A, 0x09, 0x00], "runs past the end" },
        { "varint over 10 bytes", [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], "longer than 10 bytes" },
        { "field number 0", [0x00, 0x00], "invalid field number" },
        { "wire type 7", [0x0F], "invalid wire type" },
        { "truncated fixed32", [0x0D, 0x01, 0x02], "truncated fixed32" },
        { "truncated fixed64", [0x09, 0x01], "truncated fixed64" },
        { "group without end", [0x13, 0x08, 0x01], "has no end" },
        { "stray end of group", [0x0C], "without a start" },
        { "packed floats not a multiple of 4",
          Proto.Example(Proto.Entry("f", Proto.Len(0x12, [0x0A, 0x03, 1, 2, 3]))), "not a whole number of floats" },
        { "truncated packed int64",
          Proto.Example(Proto.Entry("i", Proto.Len(0x1A, [0x0A, 0x01, 0x80]))), "truncated varint" },
        { "key not UTF-8", Proto.Len(0x0A, Proto.Len(0x0A, Proto.Len(0x0A, [0xFF]))), "not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void MalformedBytesThrowInvalidDataExceptionSayingWhy(string what, byte[] bytes, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => Example.Decode(bytes));
        Assert.True(error.Message.Contains(reason), $"{what}: {error.Message}");
    }

    [Fact]
    public void TruncatingAValidExampleAnywhereIsDetected()
    {
        // Every strict prefix of this record cuts through some length-delimited field.
        var bytes = new Example().With("ink", Feature.FromFloats(1, 2, 3)).With("n", Feature.FromInt64s(300)).Encode();
        for (int length = 1; length < bytes.Length; length++)
            Assert.Throws<InvalidDataException>(() => Example.Decode(bytes.AsSpan(0, length)));
    }
}
