using System.Collections.Concurrent;
using System.Diagnostics;
using QuickDraw.Download;
using QuickDraw.Tests.Download;

namespace QuickDraw.Tests.Hostile;

/// <summary>A server that accepts the connection and never answers: the download fails within the request's deadline
/// without data (default 40 s, well under a minute; here 3 s), saying so, and says it is waiting while it waits.
/// Data restarts the deadline, so a transfer that moves is never cut by it.</summary>
public class DownloadDeadlineTests
{
    static readonly byte[] Cat = DownloadFixtures.Ndjson("cat", 200, seed: 4);

    [Fact]
    public void TheDefaultsFailASilentServerWellUnderAMinute()
    {
        var o = new TransferOptions();
        Assert.Equal(TimeSpan.FromSeconds(15), o.StallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(40), o.NoDataDeadline);
        Assert.Equal(TimeSpan.FromSeconds(5), o.WaitNoticeInterval);
    }

    [Fact]
    public async Task AServerThatNeverAnswersFailsAtTheDeadlineWithNoticesWhileWaiting()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        var path = DownloadFixtures.BucketPath(DataFormat.Simplified, "cat");
        server.Serve(path, Cat, false, Enumerable.Repeat<Fault?>(new Fault.StallAfter(-1), 10).ToArray());
        var options = DownloadFixtures.Fast(retries: 5, stallSeconds: 2) with
        {
            NoDataDeadline = TimeSpan.FromSeconds(3), WaitNoticeInterval = TimeSpan.FromSeconds(0.5),
        };
        using var downloader = server.Downloader(options);
        var log = new ProgressLog();
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<DownloadIncompleteException>(() =>
            downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path }, log));

        Assert.InRange(clock.Elapsed.TotalSeconds, 2.9, 15); // the deadline, not 6 attempts × 2 s (+ a loaded machine's slack)
        Assert.Equal(DownloadFailure.Stalled, e.Failure);
        Assert.Contains($"{server.Root}quickdraw_dataset/full/simplified/cat.ndjson sent nothing for 3 s over 2 attempt(s); " +
                        "the server or the connection is stalled (check the URL and your connection; raise --deadline on a slow link)", e.Message);
        Assert.Equal(2, server.RequestsFor(path).Count); // attempt 2 ends at the deadline; no third one
        var notices = log.Of("cat.ndjson", FileStage.Notice).Select(p => p.Message).ToList();
        Assert.Contains("no data for 1 s; still waiting (this attempt ends after 2 s of silence, the file after 3 s without data)", notices);
        Assert.Contains(notices, n => n!.StartsWith("no data for 2 s; retry 1/5 in"));
    }

    [Fact]
    public async Task AListingThatNeverAnswersIsReportedWhileWaitingAndFailsAtTheDeadline()
    {
        await using var server = new LoopbackServer();
        server.Serve(DownloadFixtures.ListingPath(), [], false, Enumerable.Repeat<Fault?>(new Fault.StallAfter(-1), 10).ToArray());
        var options = DownloadFixtures.Fast(retries: 5, stallSeconds: 5) with
        {
            NoDataDeadline = TimeSpan.FromSeconds(1.5), WaitNoticeInterval = TimeSpan.FromSeconds(0.5),
        };
        using var downloader = server.Downloader(options);
        var notices = new ConcurrentQueue<string>();
        downloader.ListingNotices = notices.Enqueue;
        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.ListAsync());
        Assert.Equal(DownloadFailure.Stalled, e.Failure);
        Assert.StartsWith($"{server.Root}storage/v1/b/quickdraw_dataset/o?prefix=full/simplified/ sent nothing for 1.5 s over 1 attempt(s)", e.Message);
        Assert.Contains($"{server.Root}storage/v1/b/quickdraw_dataset/o: no data for 1 s; still waiting (this attempt ends after 5 s of silence, the file after 1.5 s without data)", notices);
    }

    [Fact]
    public async Task DataRestartsTheDeadlineSoAMovingTransferIsNeverCut()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        // Five attempts, the first four each sending 2,000 more bytes, then 1 s of silence: 4 s of stalls in all, more than
        // the 3 s deadline, but data keeps coming. (Each gap is 1 s of stall plus a retry: 2 s short of the deadline, so a
        // late timer on a loaded machine does not cut it; a 0.5 s margin once did.)
        Assert.True(Cat.Length > 8000);
        server.Serve(DownloadFixtures.BucketPath(DataFormat.Simplified, "cat"), Cat, false,
            new Fault.StallAfter(2000), new Fault.StallAfter(2000), new Fault.StallAfter(2000), new Fault.StallAfter(2000));
        var options = DownloadFixtures.Fast(retries: 5, stallSeconds: 1) with { NoDataDeadline = TimeSpan.FromSeconds(3) };
        using var downloader = server.Downloader(options);
        await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path });
        Assert.Equal(Cat, File.ReadAllBytes(folder["simplified/cat.ndjson"]));
    }
}
