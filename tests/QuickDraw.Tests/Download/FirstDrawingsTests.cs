using System.Text;
using QuickDraw.Download;

namespace QuickDraw.Tests.Download;

/// <summary><c>--max-per-class N</c>: stop after N complete drawings, end on a complete line, remember it.</summary>
public class FirstDrawingsTests
{
    static readonly byte[] Cat = DownloadFixtures.Ndjson("cat", 500, seed: 5);

    static byte[] FirstLines(byte[] ndjson, int n)
    {
        var end = 0;
        for (var i = 0; i < n; i++) end = Array.IndexOf(ndjson, (byte)'\n', end) + 1;
        return ndjson[..end];
    }

    [Fact]
    public async Task StopsAfterNCompleteDrawingsAndEndsOnACompleteLine()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        var log = new ProgressLog();

        using var downloader = server.Downloader();
        var plan = await downloader.PlanAsync(new DownloadRequest { OutputRoot = folder.Path, MaxPerClass = 37 });
        Assert.Equal((ProgressUnit.Drawings, 37L), (plan.Unit, plan.ProgressTotal));
        await downloader.DownloadAsync(plan, log);

        var file = File.ReadAllBytes(folder["simplified/cat.ndjson"]);
        Assert.Equal(FirstLines(Cat, 37), file);
        Assert.Equal((byte)'\n', file[^1]);
        var marker = MaxPerClassMarker.Read(folder["simplified/cat.ndjson"])!;
        Assert.Equal((37, 37L, file.LongLength, false), (marker.MaxPerClass, marker.Drawings, marker.Bytes, marker.EndOfSource));
        Assert.Equal(37, log.Of("cat.ndjson", FileStage.Completed).Single().Done);
    }

    [Fact]
    public async Task SameNIsSkippedButAWholeFileDownloadReplacesIt()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        var path = DownloadFixtures.BucketPath(DataFormat.Simplified, "cat");
        using var downloader = server.Downloader();
        await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path, MaxPerClass = 20 });

        var again = await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path, MaxPerClass = 20 });
        Assert.Equal(1, again.Skipped);
        Assert.Single(server.RequestsFor(path));

        var more = await downloader.PlanAsync(new DownloadRequest { OutputRoot = folder.Path, MaxPerClass = 30 });
        Assert.Equal(PlannedAction.Fetch, more.Files[0].Action);

        var whole = await downloader.PlanAsync(new DownloadRequest { OutputRoot = folder.Path });
        Assert.Equal(PlannedAction.Fetch, whole.Files[0].Action);
        Assert.Contains("only the first 20", whole.Files[0].Reason);
        await downloader.DownloadAsync(whole);
        Assert.Equal(Cat, File.ReadAllBytes(folder["simplified/cat.ndjson"]));
        Assert.Null(MaxPerClassMarker.Read(folder["simplified/cat.ndjson"]));

        // A whole file already holds the first N: a first-N run leaves it alone.
        var firstN = await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path, MaxPerClass = 20 });
        Assert.Equal(1, firstN.Skipped);
        Assert.Equal(2, server.RequestsFor(path).Count);
    }

    [Fact]
    public async Task CutMidLineResumesFromTheLastCompleteLine()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        var path = DownloadFixtures.BucketPath(DataFormat.Simplified, "cat");
        var cut = Array.IndexOf(Cat, (byte)'\n', 6000) - 10; // inside a line
        server.Serve(path, Cat, false, new Fault.CutAfter(cut));

        using var downloader = server.Downloader();
        await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path, MaxPerClass = 100 });

        Assert.Equal(FirstLines(Cat, 100), File.ReadAllBytes(folder["simplified/cat.ndjson"]));
        var resumedAt = long.Parse(server.RequestsFor(path)[1].Range!["bytes=".Length..^1]);
        Assert.Equal((byte)'\n', Cat[resumedAt - 1]); // the partial line was dropped, not glued
        Assert.True(resumedAt < cut);
    }

    [Fact]
    public async Task ServerIgnoringRangeRestartsTheCount()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        server.Serve(DownloadFixtures.BucketPath(DataFormat.Simplified, "cat"), Cat, true, new Fault.CutAfter(5000));
        var log = new ProgressLog();

        using var downloader = server.Downloader();
        await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path, MaxPerClass = 100 }, log);

        Assert.Equal(FirstLines(Cat, 100), File.ReadAllBytes(folder["simplified/cat.ndjson"]));
        Assert.Contains(log.Of("cat.ndjson", FileStage.Notice), p => p.Message!.Contains("restarting from zero"));
    }

    [Fact]
    public async Task ASourceShorterThanNIsTakenWholeAndMarkedSo()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        var small = DownloadFixtures.Ndjson("cat", 12, seed: 6);
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = small });

        using var downloader = server.Downloader();
        await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path, MaxPerClass = 1000 });

        Assert.Equal(small, File.ReadAllBytes(folder["simplified/cat.ndjson"]));
        var marker = MaxPerClassMarker.Read(folder["simplified/cat.ndjson"])!;
        Assert.Equal((12L, true), (marker.Drawings, marker.EndOfSource));
    }

    [Fact]
    public void TrimToCompleteLinesDropsTheTornLineAndKeepsAtMostN()
    {
        using var folder = new TempFolder();
        var path = folder["x.part"];
        File.WriteAllText(path, "a\nbb\nccc\ndd");
        Assert.Equal((9L, 3L), FirstDrawingsTransfer.TrimToCompleteLines(path, 10));
        Assert.Equal("a\nbb\nccc\n", File.ReadAllText(path));
        Assert.Equal((5L, 2L), FirstDrawingsTransfer.TrimToCompleteLines(path, 2));
        Assert.Equal("a\nbb\n", File.ReadAllText(path, Encoding.UTF8));
        Assert.Equal((0L, 0L), FirstDrawingsTransfer.TrimToCompleteLines(folder["absent"], 2));
    }
}
