using QuickDraw.Download;

namespace QuickDraw.Tests.Download;

/// <summary>Whole-file transfers: resume with Range after a cut, restart when Range is ignored, skip complete files.</summary>
public class ResumeTests
{
    static readonly byte[] Cat = DownloadFixtures.Ndjson("cat", 400, seed: 1);
    static readonly byte[] Tower = DownloadFixtures.Ndjson("The Eiffel Tower", 300, seed: 2);

    [Fact]
    public async Task ConnectionCutMidFileIsResumedWithRange()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        var path = DownloadFixtures.BucketPath(DataFormat.Simplified, "cat");
        server.Serve(path, Cat, false, new Fault.CutAfter(10_000), new Fault.CutAfter(5_000));
        var log = new ProgressLog();

        using var downloader = server.Downloader();
        var summary = await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path }, log);

        Assert.Equal(1, summary.Fetched);
        Assert.Equal(Cat, File.ReadAllBytes(folder["simplified/cat.ndjson"]));
        Assert.False(File.Exists(folder["simplified/cat.ndjson.part"]));
        var ranges = server.RequestsFor(path).Select(r => r.Range).ToList();
        Assert.Equal([null, "bytes=10000-", "bytes=15000-"], ranges);
        Assert.True(2 == log.Of("cat.ndjson", FileStage.Notice).Count(), string.Join("\n", log.Of("cat.ndjson", FileStage.Notice).Select(p => p.Message))); // each retry is told
        Assert.Equal(Cat.Length, log.Of("cat.ndjson", FileStage.Completed).Single().Done);
    }

    [Fact]
    public async Task ServerIgnoringRangeRestartsFromZeroInsteadOfAppending()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        var path = DownloadFixtures.BucketPath(DataFormat.Simplified, "cat");
        server.Serve(path, Cat, ignoreRange: true, new Fault.CutAfter(10_000));
        var log = new ProgressLog();

        using var downloader = server.Downloader();
        await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path }, log);

        Assert.Equal(Cat, File.ReadAllBytes(folder["simplified/cat.ndjson"]));
        Assert.Equal("bytes=10000-", server.RequestsFor(path)[1].Range);
        Assert.Contains(log.Of("cat.ndjson", FileStage.Notice), p => p.Message!.Contains("ignored the Range request"));
    }

    [Fact]
    public async Task CompleteFilesAreSkippedAndWrongSizedOnesFetchedAgain()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat, ["The Eiffel Tower"] = Tower });
        Directory.CreateDirectory(folder["simplified"]);
        File.WriteAllBytes(folder["simplified/cat.ndjson"], Cat);
        File.WriteAllBytes(folder["simplified/The Eiffel Tower.ndjson"], Tower[..100]); // stale / foreign

        using var downloader = server.Downloader();
        var plan = await downloader.PlanAsync(new DownloadRequest { OutputRoot = folder.Path });
        // Listing order is ordinal, as the bucket's: capitals first.
        Assert.Equal(["The Eiffel Tower", "cat"], plan.Files.Select(f => f.Remote.Category));
        Assert.Equal([PlannedAction.Fetch, PlannedAction.Skip], plan.Files.Select(f => f.Action));
        var summary = await downloader.DownloadAsync(plan);

        Assert.Equal((1, 1), (summary.Skipped, summary.Fetched));
        Assert.Empty(server.RequestsFor(DownloadFixtures.BucketPath(DataFormat.Simplified, "cat")));
        Assert.Equal(Tower, File.ReadAllBytes(folder["simplified/The Eiffel Tower.ndjson"]));
        // The space travels as %20 and the local name keeps it.
        Assert.Single(server.RequestsFor("/quickdraw_dataset/full/simplified/The%20Eiffel%20Tower.ndjson"));
    }

    [Fact]
    public async Task PartialFileFromAnEarlierRunIsResumedNotRestarted()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = Cat });
        Directory.CreateDirectory(folder["simplified"]);
        File.WriteAllBytes(folder["simplified/cat.ndjson.part"], Cat[..7777]);

        using var downloader = server.Downloader();
        var plan = await downloader.PlanAsync(new DownloadRequest { OutputRoot = folder.Path, Categories = ["CAT"] });
        Assert.Equal((PlannedAction.Resume, 7777L), (plan.Files[0].Action, plan.Files[0].BytesPresent));
        await downloader.DownloadAsync(plan);

        Assert.Equal(Cat, File.ReadAllBytes(folder["simplified/cat.ndjson"]));
        Assert.Equal("bytes=7777-", server.RequestsFor(DownloadFixtures.BucketPath(DataFormat.Simplified, "cat")).Single().Range);
    }

    [Fact]
    public async Task BinaryAndRawFormatsUseTheirOwnPrefixesAndFolders()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        var bin = new byte[5000];
        new Random(3).NextBytes(bin);
        server.ServeBucket(new Dictionary<string, byte[]> { ["cat"] = bin }, format: DataFormat.Binary);

        using var downloader = server.Downloader();
        await downloader.DownloadAsync(new DownloadRequest { OutputRoot = folder.Path, Format = DataFormat.Binary });

        Assert.Equal(bin, File.ReadAllBytes(folder["binary/cat.bin"]));
        Assert.Single(server.RequestsFor("/quickdraw_dataset/full/binary/cat.bin"));
        await Assert.ThrowsAsync<ArgumentException>(() => downloader.PlanAsync(
            new DownloadRequest { OutputRoot = folder.Path, Format = DataFormat.Binary, MaxPerClass = 10 }));
    }
}
