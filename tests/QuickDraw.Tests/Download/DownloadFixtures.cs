using System.Collections.Concurrent;
using System.Text;
using QuickDraw.Download;

namespace QuickDraw.Tests.Download;

/// <summary>A fresh folder under the temp directory, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("qd-download-").FullName;
    public string this[string relative] => System.IO.Path.Combine(Path, relative);
    public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
}

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to the thread pool, late).</summary>
public sealed class ProgressLog : IProgress<FileProgress>
{
    readonly ConcurrentQueue<FileProgress> all = new();
    public IReadOnlyList<FileProgress> All => all.ToArray();
    public void Report(FileProgress value) => all.Enqueue(value);
    public IEnumerable<FileProgress> Of(string name, FileStage stage) => all.Where(p => p.Name == name && p.Stage == stage);
}

public static class DownloadFixtures
{
    /// <summary>Millisecond retry delays; stall tests pass a short stall timeout (the default 3 s only guards a loaded machine).</summary>
    public static TransferOptions Fast(int retries = 3, double stallSeconds = 3) => new()
    {
        Parallelism = 3,
        Retries = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        StallTimeout = TimeSpan.FromSeconds(stallSeconds),
    };

    /// <summary><paramref name="count"/> ndjson drawings of a category, seeded, each line a different length.</summary>
    public static byte[] Ndjson(string word, int count, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var xs = string.Join(",", Enumerable.Range(0, random.Next(2, 60)).Select(_ => random.Next(256)));
            text.Append($"{{\"word\":\"{word}\",\"key_id\":\"{1000 + i}\",\"recognized\":true,\"drawing\":[[[{xs}],[{xs}]]]}}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Serves simplified ndjson files under the bucket path and a listing of them, split into pages of
    /// <paramref name="pageSize"/> items linked by nextPageToken.</summary>
    public static void ServeBucket(this LoopbackServer server, IReadOnlyDictionary<string, byte[]> files, int pageSize = 100,
        DataFormat format = DataFormat.Simplified, IEnumerable<string>? listedButMissing = null)
    {
        var prefix = QuickDrawSource.Prefix(format);
        var ext = QuickDrawSource.Extension(format);
        foreach (var (category, bytes) in files)
            server.Serve(BucketPath(format, category), bytes);
        var items = files.Select(f => (f.Key, (long)f.Value.Length))
            .Concat((listedButMissing ?? []).Select(m => (m, 1234L))).ToList();
        var pages = items.Chunk(pageSize).ToList();
        for (var p = 0; p < pages.Count; p++)
        {
            var entries = pages[p].Select(i => $"{{\"kind\":\"storage#object\",\"name\":\"{prefix}{i.Item1}{ext}\",\"size\":\"{i.Item2}\"}}");
            var next = p + 1 < pages.Count ? $",\"nextPageToken\":\"page{p + 1}\"" : "";
            var target = ListingPath(format) + (p == 0 ? "" : $"&pageToken=page{p}");
            server.Serve(target, $"{{\"kind\":\"storage#objects\",\"items\":[{string.Join(",", entries)}]{next}}}");
        }
    }

    public static string ListingPath(DataFormat format = DataFormat.Simplified) =>
        $"/storage/v1/b/quickdraw_dataset/o?prefix={QuickDrawSource.Prefix(format)}";

    public static string BucketPath(DataFormat format, string category) =>
        $"/quickdraw_dataset/{QuickDrawSource.Prefix(format)}{Uri.EscapeDataString(category)}{QuickDrawSource.Extension(format)}";

    public static QuickDrawDownloader Downloader(this LoopbackServer server, TransferOptions? transfer = null) =>
        new(QuickDrawSource.AtRoot(server.Root), transfer ?? Fast());

    /// <summary>TFRecord framing around each payload, written by the records stage's writer.</summary>
    public static byte[] TfRecords(IEnumerable<byte[]> payloads)
    {
        var output = new MemoryStream();
        using (var writer = new QuickDraw.TfRecord.TfRecordWriter(output, leaveOpen: true))
            foreach (var data in payloads) writer.Write(data);
        return output.ToArray();
    }
}
