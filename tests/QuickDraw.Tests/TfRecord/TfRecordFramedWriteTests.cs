using QuickDraw.TfRecord;

namespace QuickDraw.Tests.TfRecord;

/// <summary>The converter's workers frame and checksum records themselves (FrameInPlace) and the writer only
/// copies them (WriteFramed): the file must be the one <see cref="TfRecordWriter.Write"/> writes.</summary>
public class TfRecordFramedWriteTests
{
    [Fact]
    public void RecordsFramedInPlaceAreTheBytesWriteWrites()
    {
        var random = new Random(5);
        byte[][] records = [[], [0x61], .. Enumerable.Range(0, 20).Select(i => { var r = new byte[random.Next(1, 3000)]; random.NextBytes(r); return r; })];

        using var expected = new MemoryStream();
        using (var writer = new TfRecordWriter(expected, leaveOpen: true))
            foreach (var r in records) writer.Write(r);

        using var actual = new MemoryStream();
        using (var writer = new TfRecordWriter(actual, leaveOpen: true))
        {
            foreach (var r in records)
            {
                var framed = new byte[r.Length + TfRecordWriter.FrameOverhead];
                r.CopyTo(framed, TfRecordWriter.HeaderLength);
                TfRecordWriter.FrameInPlace(framed);
                writer.WriteFramed(framed);
            }
            Assert.Equal(records.Length, writer.RecordsWritten);
            Assert.Equal(expected.Length, writer.BytesWritten);
        }
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }
}
