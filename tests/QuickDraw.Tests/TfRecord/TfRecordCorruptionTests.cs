using System.Buffers.Binary;
using QuickDraw.TfRecord;

namespace QuickDraw.Tests.TfRecord;

public class TfRecordCorruptionTests
{
    // Three records of 10, 20, 30 bytes: frames start at 0, 26 and 62.
    const long SecondRecordOffset = 16 + 10;

    static byte[] ThreeRecords()
    {
        using var stream = new MemoryStream();
        using (var writer = new TfRecordWriter(stream, leaveOpen: true))
            foreach (int length in new[] { 10, 20, 30 })
                writer.Write(Enumerable.Range(0, length).Select(i => (byte)(i + length)).ToArray());
        return stream.ToArray();
    }

    static TfRecordCorruptException ReadUntilFailure(byte[] file, string name, bool verifyCrc = true)
    {
        using var reader = new TfRecordReader(new MemoryStream(file), name, verifyCrc: verifyCrc);
        return Assert.Throws<TfRecordCorruptException>(() => { while (reader.TryRead(out _)) { } });
    }

    [Fact]
    public void CorruptDataCrcNamesFileAndOffset()
    {
        var file = ThreeRecords();
        file[SecondRecordOffset + 12 + 5] ^= 0x01; // one bit of the second record's data

        var error = ReadUntilFailure(file, "training.tfrecord-00003-of-00010");

        Assert.Equal(SecondRecordOffset, error.Offset);
        Assert.Equal("training.tfrecord-00003-of-00010", error.File);
        Assert.Equal("training.tfrecord-00003-of-00010: corrupt record at byte 26: data CRC mismatch", error.Message);
        Assert.IsAssignableFrom<IOException>(error);
    }

    [Fact]
    public void SkippingDataCrcReadsPastCorruptData()
    {
        var file = ThreeRecords();
        file[SecondRecordOffset + 12 + 5] ^= 0x01;
        using var reader = new TfRecordReader(new MemoryStream(file), "x", verifyCrc: false);
        Assert.Equal(3, reader.ReadAll().Count());
    }

    [Fact]
    public void CorruptLengthCrcNamesFileAndOffset()
    {
        var file = ThreeRecords();
        file[SecondRecordOffset] ^= 0x04; // length 20 becomes 16; its CRC no longer matches

        var error = ReadUntilFailure(file, "eval.tfrecord-00000-of-00010", verifyCrc: false);

        Assert.Equal(SecondRecordOffset, error.Offset);
        Assert.Contains("eval.tfrecord-00000-of-00010", error.Message);
        Assert.Contains("length CRC mismatch", error.Message);
    }

    [Fact]
    public void AbsurdLengthIsRejectedBeforeAllocating()
    {
        // A length of 2^40 with a correct length CRC: only the size limit can catch it.
        var header = new byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, 1UL << 40);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), Crc32C.Mask(Crc32C.Compute(header.AsSpan(0, 8))));

        var error = ReadUntilFailure(header, "huge");

        Assert.Equal(0, error.Offset);
        Assert.Contains("exceeds", error.Message);
    }

    [Theory]
    [InlineData(SecondRecordOffset + 5)]      // inside the second header
    [InlineData(SecondRecordOffset + 12 + 7)] // inside the second record's data
    [InlineData(SecondRecordOffset + 12 + 20 + 2)] // inside its data CRC
    public void TruncatedFileNamesFileAndOffset(long cutAt)
    {
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.tfrecord");
        try
        {
            File.WriteAllBytes(path, ThreeRecords()[..(int)cutAt]);
            using var reader = TfRecordReader.Open(path);
            Assert.True(reader.TryRead(out _));

            var error = Assert.Throws<TfRecordCorruptException>(() => reader.TryRead(out _));

            Assert.Equal(SecondRecordOffset, error.Offset);
            Assert.Equal(path, error.File);
            Assert.Contains(Path.GetFileName(path), error.Message);
            Assert.Contains("file ends mid-record", error.Message);
            Assert.Throws<TfRecordCorruptException>(() => TfRecordReader.CountRecords(path));
        }
        finally { File.Delete(path); }
    }
}
