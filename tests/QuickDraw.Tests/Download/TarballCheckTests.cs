using System.Text;
using QuickDraw.Download;
using QuickDraw.TfRecord;

namespace QuickDraw.Tests.Download;

/// <summary>The checks the tutorial tarball's verification relies on.</summary>
public class TarballCheckTests
{
    [Fact]
    public void GzipCrc32MatchesItsCheckValue()
    {
        Assert.Equal(0xCBF43926u, GzipCrc32.Append(0, Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0xCBF43926u, GzipCrc32.Append(GzipCrc32.Append(0, Encoding.ASCII.GetBytes("1234")), Encoding.ASCII.GetBytes("56789")));
    }

    [Fact]
    public void CountsGoodRecordsAndNamesTheOffsetOfABadOne()
    {
        using var folder = new TempFolder();
        var bytes = DownloadFixtures.TfRecords([[1, 2, 3], [], new byte[70_000]]);
        File.WriteAllBytes(folder["good"], bytes);
        Assert.Equal(3, TfRecordReader.CountRecords(folder["good"]));

        var bad = (byte[])bytes.Clone();
        var third = (12 + 3 + 4) + (12 + 0 + 4); // after the first two records' header, data, footer
        bad[third + 12 + 100] ^= 1; // flip a bit in the third record's data
        File.WriteAllBytes(folder["bad"], bad);
        var e = Assert.Throws<TfRecordCorruptException>(() => TfRecordReader.CountRecords(folder["bad"]));
        Assert.Equal(third, e.Offset);
    }
}
