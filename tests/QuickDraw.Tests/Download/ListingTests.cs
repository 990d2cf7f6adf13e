using QuickDraw.Download;

namespace QuickDraw.Tests.Download;

/// <summary>Categories come from the bucket's paged JSON listing, and names typed by people are matched to them.</summary>
public class ListingTests
{
    static Dictionary<string, byte[]> Files(params string[] names) =>
        names.ToDictionary(n => n, n => DownloadFixtures.Ndjson(n, 3, seed: n.Length));

    [Fact]
    public async Task ListingFollowsNextPageTokenAndKeepsSpacesInNames()
    {
        await using var server = new LoopbackServer();
        var files = Files("cat", "car", "cake", "The Eiffel Tower", "zebra");
        server.ServeBucket(files, pageSize: 2);
        server.Serve(DownloadFixtures.ListingPath() + "&pageToken=page3", "{}"); // would only be read by a client that overshoots

        using var downloader = server.Downloader();
        var listed = await downloader.ListAsync();

        Assert.Equal(["The Eiffel Tower", "cake", "car", "cat", "zebra"], listed.Select(f => f.Category));
        Assert.Equal(files["The Eiffel Tower"].Length, listed[0].Size);
        Assert.Equal("The Eiffel Tower.ndjson", listed[0].FileName);
        Assert.EndsWith("/quickdraw_dataset/full/simplified/The%20Eiffel%20Tower.ndjson", listed[0].Url.AbsoluteUri);
        Assert.Equal([DownloadFixtures.ListingPath(), DownloadFixtures.ListingPath() + "&pageToken=page1",
                      DownloadFixtures.ListingPath() + "&pageToken=page2"], server.Requests.Select(r => r.Target));
    }

    [Fact]
    public void ListingKeepsOnlyTheFormatsOwnFilesAndReadsNumericSizes()
    {
        var into = new List<RemoteFile>();
        var token = BucketListing.ParsePage("""
            {"items":[{"name":"full/simplified/","size":"0"},{"name":"full/simplified/cat.ndjson","size":12},
                      {"name":"full/simplified/old/dog.ndjson","size":"5"},{"name":"full/simplified/notes.txt","size":"1"}],
             "nextPageToken":"abc"}
            """, new Uri("http://127.0.0.1/"), QuickDrawSource.Google, DataFormat.Simplified, into);
        Assert.Equal("abc", token);
        Assert.Equal([("cat", 12L)], into.Select(f => (f.Category, f.Size)));

        var e = Assert.Throws<DownloadException>(() => BucketListing.ParsePage("<html>quota exceeded</html>",
            new Uri("http://127.0.0.1/o"), QuickDrawSource.Google, DataFormat.Simplified, into));
        Assert.Contains("the listing at http://127.0.0.1/o is not the expected JSON", e.Message);
    }

    [Fact]
    public async Task UnknownCategoryFailsBeforeAnyDownloadWithTheClosestNames()
    {
        await using var server = new LoopbackServer();
        using var folder = new TempFolder();
        server.ServeBucket(Files("cat", "car", "cake", "dog", "The Eiffel Tower"));

        using var downloader = server.Downloader();
        var e = await Assert.ThrowsAsync<UnknownCategoryException>(() => downloader.DownloadAsync(
            new DownloadRequest { OutputRoot = folder.Path, Categories = ["dog", "catt", "eiffel"] }));

        Assert.Equal(DownloadFailure.UnknownCategory, e.Failure);
        Assert.Contains("unknown category 'catt'; did you mean: cat, cake, car?", e.Message);
        Assert.Contains("unknown category 'eiffel'; did you mean: The Eiffel Tower?", e.Message);
        Assert.DoesNotContain("'dog'", e.Message);
        Assert.Single(server.Requests); // the listing only
        Assert.False(Directory.Exists(folder["simplified"]));
    }

    [Fact]
    public async Task AMirrorWithoutAListingSaysWhereItLooked()
    {
        await using var server = new LoopbackServer();
        using var downloader = server.Downloader();
        var e = await Assert.ThrowsAsync<DownloadException>(() => downloader.ListAsync(DataFormat.Raw));
        Assert.Equal(DownloadFailure.NotFound, e.Failure);
        Assert.Contains($"no bucket listing at {server.Root}storage/v1/b/quickdraw_dataset/o?prefix=full/raw/", e.Message);
        Assert.Contains("--listing-url", e.Message);
    }

    [Fact]
    public void NamesForgiveCaseAndUnderscoresAndDropDuplicates()
    {
        var listed = new[] { "The Eiffel Tower", "cat", "paint can" }
            .Select(n => new RemoteFile(n, DataFormat.Simplified, QuickDrawSource.Google.FileUrl(DataFormat.Simplified, n), 1)).ToList();
        var found = CategoryNames.Resolve(["paint_can", "the eiffel tower", "Cat", "cat"], listed);
        Assert.Equal(["paint can", "The Eiffel Tower", "cat"], found.Select(f => f.Category));
        Assert.Equal("https://storage.googleapis.com/quickdraw_dataset/full/simplified/paint%20can.ndjson", found[0].Url.AbsoluteUri);
    }

    [Fact]
    public void LevenshteinCountsSingleCharacterEdits()
    {
        Assert.Equal(0, CategoryNames.Levenshtein("cat", "cat"));
        Assert.Equal(1, CategoryNames.Levenshtein("catt", "cat"));
        Assert.Equal(2, CategoryNames.Levenshtein("catt", "cake"));
        Assert.Equal(3, CategoryNames.Levenshtein("kitten", "sitting"));
        Assert.Equal(3, CategoryNames.Levenshtein("", "dog"));
        Assert.Empty(CategoryNames.Closest("xylophonist", ["cat", "dog"]));
    }
}
