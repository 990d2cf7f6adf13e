using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using QuickDraw.Download;

namespace QuickDraw.Tests.Download;

/// <summary>The tutorial's prepared TFRecord tarball: resumable download, safe extraction, every record checked.</summary>
public class TutorialTests
{
    const string TarballPath = "/data/quickdraw_tutorial_dataset_v1.tar.gz";

    static byte[] Shard(int records, int seed)
    {
        var random = new Random(seed);
        return DownloadFixtures.TfRecords(Enumerable.Range(0, records).Select(_ =>
        {
            var payload = new byte[random.Next(10, 3000)];
            random.NextBytes(payload);
            return payload;
        }));
    }

    static byte[] TarGz(params (string Name, byte[] Data)[] entries)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            foreach (var (name, data) in entries)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        return output.ToArray();
    }

    static readonly byte[] Good = TarGz(
        ("training.tfrecord-00000-of-00002", Shard(40, 1)),
        ("training.tfrecord-00001-of-00002", Shard(35, 2)),
        ("eval.tfrecord-00000-of-00001", Shard(9, 3)),
        ("training.tfrecord.classes", Encoding.UTF8.GetBytes("cat\ndog\n")));

    [Fact]
    public async Task CutDownloadResumesThenEveryRecordIsCountedAndARerunIsSkipped()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.Serve(TarballPath, Good, false, new Fault.CutAfter(Good.Length / 2));
        var log = new ProgressLog();

        using var downloader = server.Downloader();
        var dataset = await downloader.DownloadTutorialAsync(folder.Path, log);

        Assert.Equal(new Dictionary<string, long>
        {
            ["eval.tfrecord-00000-of-00001"] = 9,
            ["training.tfrecord-00000-of-00002"] = 40,
            ["training.tfrecord-00001-of-00002"] = 35,
        }, dataset.Records);
        Assert.Equal("cat\ndog\n", File.ReadAllText(folder["training.tfrecord.classes"]));
        Assert.Equal($"bytes={Good.Length / 2}-", server.RequestsFor(TarballPath)[1].Range);
        Assert.False(File.Exists(folder["quickdraw_tutorial_dataset_v1.tar.gz"])); // deleted once verified
        Assert.Empty(Directory.GetFiles(folder.Path, "*.part"));

        var again = await downloader.DownloadTutorialAsync(folder.Path, log);
        Assert.Equal(dataset.Records, again.Records);
        Assert.Equal(2, server.RequestsFor(TarballPath).Count);
        Assert.Contains(log.All, p => p.Stage == FileStage.Skipped);
    }

    [Theory]
    [InlineData(8)]      // only the gzip trailer lost: decompresses "fine" to a shorter tar
    [InlineData(20_000)] // cut inside the compressed data
    public async Task TruncatedTarballIsAClearError(int missingBytes)
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.Serve(TarballPath, Good[..^missingBytes]); // the server's own copy is short: lengths agree

        using var downloader = server.Downloader();
        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadTutorialAsync(folder.Path));

        Assert.Equal(DownloadFailure.Corrupt, e.Failure);
        Assert.Contains("quickdraw_tutorial_dataset_v1.tar.gz is truncated or damaged", e.Message);
        Assert.Contains("Delete it and re-run", e.Message);
        Assert.False(File.Exists(folder[TutorialDataset.ManifestName]));
    }

    [Fact]
    public async Task ConnectionCutOnEveryAttemptKeepsAResumablePart()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.Serve(TarballPath, Good, false, new Fault.CutAfter(5000), new Fault.CutAfter(5000));

        using var downloader = server.Downloader(DownloadFixtures.Fast(retries: 1));
        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadTutorialAsync(folder.Path));

        Assert.Equal(DownloadFailure.Http, e.Failure);
        Assert.Contains("giving up on " + server.Root + "data/quickdraw_tutorial_dataset_v1.tar.gz after 2 attempt(s)", e.Message);
        Assert.Equal(10_000, new FileInfo(folder["quickdraw_tutorial_dataset_v1.tar.gz.part"]).Length);
    }

    [Fact]
    public async Task BadRecordCrcNamesTheShard()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        var shard = Shard(5, 4);
        shard[^1] ^= 0xFF; // the last record's data CRC
        server.Serve(TarballPath, TarGz(("training.tfrecord-00000-of-00001", shard)));

        using var downloader = server.Downloader();
        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadTutorialAsync(folder.Path, keepArchive: true));

        Assert.Equal(DownloadFailure.Corrupt, e.Failure);
        Assert.Contains("training.tfrecord-00000-of-00001 is damaged", e.Message);
        Assert.Contains("data CRC mismatch", e.Message);
        Assert.False(File.Exists(folder[TutorialDataset.ManifestName]));
    }

    [Fact]
    public async Task VerificationSeamIsUsed()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.Serve(TarballPath, Good);
        var seen = new List<string>();

        using var downloader = server.Downloader();
        var dataset = await downloader.DownloadTutorialAsync(folder.Path, countRecords: p => { seen.Add(Path.GetFileName(p)); return 7; });

        Assert.Equal(3, seen.Count);
        Assert.All(dataset.Records.Values, n => Assert.Equal(7, n));
    }

    [Fact]
    public async Task EntriesEscapingTheFolderAreRefused()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.Serve(TarballPath, TarGz(("../escaped.tfrecord-00000-of-00001", Shard(1, 5))));

        using var downloader = server.Downloader();
        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadTutorialAsync(folder["tutorial"]));

        Assert.Contains("would land outside", e.Message);
        Assert.False(File.Exists(folder["escaped.tfrecord-00000-of-00001"]));
    }
}
