using QuickDraw.TfRecord;

namespace QuickDraw.Tests.TfRecord;

public class TfRecordRoundTripTests
{
    // Includes an empty record and one larger than the reader's first buffer (4 KiB), so it must grow.
    static byte[][] SampleRecords()
    {
        var random = new Random(11);
        var large = new byte[70_000];
        random.NextBytes(large);
        var medium = new byte[1000];
        random.NextBytes(medium);
        return [[0x61], [], medium, large, [1, 2, 3]];
    }

    [Fact]
    public void RecordsSurviveAMemoryStream()
    {
        var records = SampleRecords();
        using var stream = new MemoryStream();
        using (var writer = new TfRecordWriter(stream, leaveOpen: true))
        {
            foreach (var record in records) writer.Write(record);
            Assert.Equal(records.Length, writer.RecordsWritten);
            Assert.Equal(records.Sum(r => r.Length + 16L), writer.BytesWritten);
            Assert.Equal(stream.Length, writer.BytesWritten);
        }

        stream.Position = 0;
        using var reader = new TfRecordReader(stream, "memory");
        var read = reader.ReadAll().ToList();
        Assert.Equal(records, read);
        Assert.Equal(records.Length, reader.RecordsRead);
        Assert.Equal(stream.Length, reader.Offset);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void RecordsSurviveAFile()
    {
        var records = SampleRecords();
        var path = Path.Combine(Path.GetTempPath(), $"records-{Guid.NewGuid():N}.tfrecord");
        try
        {
            using (var writer = TfRecordWriter.Create(path))
                foreach (var record in records) writer.Write(record);

            Assert.Equal(records.Length, TfRecordReader.CountRecords(path));
            using var reader = TfRecordReader.Open(path);
            Assert.Equal(records, reader.ReadAll().ToList());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void OffsetPointsAtEachRecordsFrame()
    {
        using var stream = new MemoryStream();
        using (var writer = new TfRecordWriter(stream, leaveOpen: true))
        {
            writer.Write([1, 2, 3]);
            writer.Write([]);
        }
        stream.Position = 0;
        using var reader = new TfRecordReader(stream, "memory");
        Assert.Equal(0, reader.Offset);
        Assert.True(reader.TryRead(out var first));
        Assert.Equal(new byte[] { 1, 2, 3 }, first.ToArray());
        Assert.Equal(16 + 3, reader.Offset);
        Assert.True(reader.TryRead(out var second));
        Assert.True(second.IsEmpty);
        Assert.Equal(16 + 3 + 16, reader.Offset);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void EmptyStreamHoldsNoRecords()
    {
        using var reader = new TfRecordReader(new MemoryStream(), "empty");
        Assert.False(reader.TryRead(out _));
        Assert.Equal(0, reader.RecordsRead);
    }

    [Fact]
    public void FramingOfATinyRecordIsExact()
    {
        // Masked CRCs computed independently (bit-at-a-time CRC-32C, then the mask formula):
        // crc(03 00 00 00 00 00 00 00) = 0x576c35e3 -> masked 0x0e4999b0; crc("abc") = 0x364b3fb7 -> masked 0x21f1576e.
        byte[] expected =
        [
            0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // length 3, u64 little-endian
            0xb0, 0x99, 0x49, 0x0e,                         // masked CRC of the length bytes
            0x61, 0x62, 0x63,                               // "abc"
            0x6e, 0x57, 0xf1, 0x21,                         // masked CRC of "abc"
        ];
        Assert.Equal(expected, Frame("abc"u8.ToArray()));
    }

    [Fact]
    public void FramingOfAnEmptyRecordIsExact()
    {
        // crc(8 zero bytes) = 0x8c28b28a -> masked 0x07980329; crc of nothing = 0 -> masked 0xa282ead8.
        byte[] expected = [0, 0, 0, 0, 0, 0, 0, 0, 0x29, 0x03, 0x98, 0x07, 0xd8, 0xea, 0x82, 0xa2];
        Assert.Equal(expected, Frame([]));
    }

    static byte[] Frame(byte[] record)
    {
        using var stream = new MemoryStream();
        using (var writer = new TfRecordWriter(stream, leaveOpen: true)) writer.Write(record);
        return stream.ToArray();
    }
}
