using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using QuickDraw.Download;

namespace QuickDraw.Tests.Download;

/// <summary>Failures a person must be able to act on: 404, a stalled server, no network, a full disk, 5xx.</summary>
public class FailureTests
{
    static readonly byte[] Cat = DownloadFixtures.Ndjson("cat", 200, seed: 4);

    [Fact]
    public async Task MissingFileIsReportedByUrlAndTheOthersStillComplete()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat }, listedButMissing: ["ghost"]);
        var log = new ProgressLog();

        using var downloader = server.Downloader();
        var e = await Assert.ThrowsAsync<DownloadIncompleteException>(() =>
            downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path }, log));

        Assert.Equal(DownloadFailure.NotFound, e.Failure);
        Assert.Contains("ghost.ndjson: not found (HTTP 404): " + server.Root + "quickdraw_dataset/full/simplified/ghost.ndjson", e.Message);
        Assert.Single(server.RequestsFor(DownloadFixtures.BucketPath(DataFormat.Simplified, "ghost"))); // 404 is not retried
        Assert.Equal(Cat, File.ReadAllBytes(folder["simplified/cat.ndjson"]));
        Assert.Single(log.Of("ghost.ndjson", FileStage.Failed));
        Assert.Equal((1, 0), (e.Summary.Fetched, e.Summary.Skipped));
    }

    [Fact]
    public async Task StalledServerTimesOutEachAttemptThenFailsNamingTheUrl()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        var path = DownloadFixtures.BucketPath(DataFormat.Simplified, "cat");
        server.Serve(path, Cat, false, new Fault.StallAfter(3000), new Fault.StallAfter(-1), new Fault.StallAfter(3000));

        using var downloader = server.Downloader(DownloadFixtures.Fast(retries: 2, stallSeconds: 1));
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<DownloadIncompleteException>(() =>
            downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path }));

        Assert.InRange(clock.Elapsed.TotalSeconds, 2.85, 20); // three attempts of ≈1 s each, not a hang (1 s, not less: CI machines are busy)
        Assert.Equal(DownloadFailure.Stalled, e.Failure);
        Assert.Contains($"{server.Root}quickdraw_dataset/full/simplified/cat.ndjson sent nothing for 1 s", e.Message);
        Assert.Equal(3, server.RequestsFor(path).Count);
        Assert.Equal([null, "bytes=3000-", "bytes=3000-"], server.RequestsFor(path).Select(r => r.Range));
        Assert.Equal(6000, new FileInfo(folder["simplified/cat.ndjson.part"]).Length); // 3000 + 3000 resumed, kept for the next run
        Assert.False(File.Exists(folder["simplified/cat.ndjson"]));
    }

    [Fact]
    public async Task StallOnceThenRecovers()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        server.Serve(DownloadFixtures.BucketPath(DataFormat.Simplified, "cat"), Cat, false, new Fault.StallAfter(-1));

        using var downloader = server.Downloader(DownloadFixtures.Fast(retries: 1, stallSeconds: 1));
        await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path });

        Assert.Equal(Cat, File.ReadAllBytes(folder["simplified/cat.ndjson"]));
    }

    [Fact]
    public async Task ServerErrorsAreRetriedButOtherClientErrorsAreNot()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat, ["dog"] = Cat });
        server.Serve(DownloadFixtures.BucketPath(DataFormat.Simplified, "cat"), Cat, false, new Fault.Status(503), new Fault.Status(500));
        server.Serve(DownloadFixtures.BucketPath(DataFormat.Simplified, "dog"), Cat, false, new Fault.Status(403));

        using var downloader = server.Downloader();
        var e = await Assert.ThrowsAsync<DownloadIncompleteException>(() =>
            downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path }));

        Assert.Equal(Cat, File.ReadAllBytes(folder["simplified/cat.ndjson"]));
        Assert.Equal(3, server.RequestsFor(DownloadFixtures.BucketPath(DataFormat.Simplified, "cat")).Count);
        Assert.Single(server.RequestsFor(DownloadFixtures.BucketPath(DataFormat.Simplified, "dog")));
        Assert.Contains("HTTP 403", e.Message);
    }

    [Fact]
    public async Task UnreachableHostSaysSoAndPointsAtSourceUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0); // a port that was free a moment ago: nothing listens
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        using var downloader = new QuickDrawDownloader(QuickDrawSource.AtRoot(new Uri($"http://127.0.0.1:{port}/")),
            DownloadFixtures.Fast(retries: 1));
        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.ListAsync());

        Assert.Equal(DownloadFailure.Unreachable, e.Failure);
        Assert.StartsWith("cannot reach 127.0.0.1: ", e.Message);
        Assert.Contains("Check your connection or use --source-url to point at a mirror.", e.Message);
    }

    [Fact]
    public async Task FullDiskStopsWithTheFolderAndTheBytesStillNeeded()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/full")) return; // /dev/full: every write fails with ENOSPC
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        Directory.CreateDirectory(folder["simplified"]);
        File.CreateSymbolicLink(folder["simplified/cat.ndjson.part"], "/dev/full");

        using var downloader = server.Downloader();
        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path }));

        Assert.Equal(DownloadFailure.DiskFull, e.Failure);
        Assert.StartsWith($"disk full: {folder["simplified"]} needs ", e.Message);
        Assert.Contains("--out", e.Message);
        Assert.Single(server.RequestsFor(DownloadFixtures.BucketPath(DataFormat.Simplified, "cat"))); // not retried
    }

    [Fact]
    public void NotEnoughFreeSpaceIsCaughtBeforeTheFirstByte()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<DownloadException>(() => DiskSpace.EnsureRoom(folder.Path, long.MaxValue / 2));
        Assert.Equal(DownloadFailure.DiskFull, e.Failure);
        Assert.Contains(folder.Path, e.Message);
        Assert.Contains("but only", e.Message);
        Assert.True(DownloadException.IsDiskFull(new IOException("No space left on device", OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28)));
        Assert.False(DownloadException.IsDiskFull(new IOException("Connection reset", 104)));
    }
}
