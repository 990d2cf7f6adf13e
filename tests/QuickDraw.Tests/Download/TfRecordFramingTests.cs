using System.Text;
using QuickDraw.Download;

namespace QuickDraw.Tests.Download;

/// <summary>The stand-in TFRecord check used to verify the tutorial's tarball.</summary>
public class TfRecordFramingTests
{
    [Fact]
    public void Crc32CMatchesTheReferenceCheckValues()
    {
        var c = Crc32Table.Castagnoli;
        Assert.Equal(0xe3069283u, c.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0x8a9136aau, c.Compute(new byte[32]));
        Assert.Equal(0x62a8ab43u, c.Compute(Enumerable.Repeat((byte)0xff, 32).ToArray()));
        Assert.Equal(0x46dd794eu, c.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
        Assert.Equal(0x113fdb5cu, c.Compute(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()));
        Assert.Equal(c.Compute(Encoding.ASCII.GetBytes("123456789")),
                     c.Append(c.Compute(Encoding.ASCII.GetBytes("1234")), Encoding.ASCII.GetBytes("56789")));
        Assert.Equal(0xCBF43926u, Crc32Table.Ieee.Compute(Encoding.ASCII.GetBytes("123456789"))); // gzip's CRC-32
    }

    [Fact]
    public void MaskRotatesRightBy15AndAddsTheConstant()
    {
        Assert.Equal(0xa282ead8u, TfRecordFraming.Mask(0));
        Assert.Equal(unchecked((1u << 17) + 0xa282ead8u), TfRecordFraming.Mask(1));
        Assert.Equal(unchecked(1u + 0xa282ead8u), TfRecordFraming.Mask(1u << 15));
    }

    [Fact]
    public void CountsGoodRecordsAndNamesTheOffsetOfABadOne()
    {
        using var folder = new TempFolder();
        var payloads = new[] { new byte[] { 1, 2, 3 }, new byte[0], new byte[70_000] };
        var bytes = DownloadFixtures.TfRecords(payloads);
        File.WriteAllBytes(folder["good"], bytes);
        Assert.Equal(3, TfRecordFraming.CountRecords(folder["good"]));

        var bad = (byte[])bytes.Clone();
        var second = 12 + 3 + 4; // the second record starts after the first's header, data, footer
        bad[second + 12 + 4 + 12 + 100] ^= 1; // flip a bit in the third record's data
        File.WriteAllBytes(folder["bad"], bad);
        var e = Assert.Throws<InvalidDataException>(() => TfRecordFraming.CountRecords(folder["bad"]));
        Assert.Contains("bad data CRC", e.Message);
        Assert.Contains($"at byte {second + 16}", e.Message);

        File.WriteAllBytes(folder["short"], bytes[..^2]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => TfRecordFraming.CountRecords(folder["short"])).Message);
    }
}
