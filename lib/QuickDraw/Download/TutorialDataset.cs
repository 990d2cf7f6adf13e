using System.Text.Json;
using QuickDraw.Common;

namespace QuickDraw.Download;

/// <summary>The TensorFlow tutorial's prepared TFRecords, extracted and verified: <see cref="Records"/> maps each
/// <c>*.tfrecord-*</c> file (relative to <see cref="Folder"/>) to its record count.</summary>
public sealed record TutorialDataset(string Folder, IReadOnlyDictionary<string, long> Records)
{
    /// <summary><c>data/tutorial</c> in the repository.</summary>
    public static string DefaultFolder => Path.Combine(RepoPaths.Data, "tutorial");

    /// <summary>Written last, after every record checked out; its presence means "extracted and verified".</summary>
    public const string ManifestName = "verified.json";

    /// <summary>The dataset already extracted and verified in <paramref name="folder"/>, or null.</summary>
    public static TutorialDataset? TryOpen(string folder)
    {
        var manifest = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifest)) return null;
        try
        {
            var records = JsonSerializer.Deserialize(File.ReadAllText(manifest), DownloadJson.Default.DictionaryStringInt64);
            if (records is null || records.Count == 0 || !records.Keys.All(f => File.Exists(Path.Combine(folder, f)))) return null;
            return new TutorialDataset(folder, records);
        }
        catch (JsonException) { return null; }
    }

    internal static async Task<TutorialDataset> FetchAsync(ResilientHttp http, Uri url, string folder,
        IProgress<FileProgress>? progress, bool keepArchive, Func<string, long>? countRecords, CancellationToken ct)
    {
        folder = Path.GetFullPath(folder);
        var name = Path.GetFileName(url.AbsolutePath) is { Length: > 0 } n ? n : "quickdraw_tutorial_dataset.tar.gz";
        if (TryOpen(folder) is { } done)
        {
            progress?.Report(new FileProgress(name, FileStage.Skipped, 0, null, ProgressUnit.Bytes, "already extracted and verified"));
            return done;
        }
        Directory.CreateDirectory(folder);
        var archive = Path.Combine(folder, name);
        if (!File.Exists(archive)) // renamed from .part only once its length matched the server's
        {
            DiskSpace.EnsureRoom(folder, 2L << 30); // ≈1 GB archive + ≈1 GB extracted; a guess, the server may not say
            await WholeFileTransfer.FetchAsync(http, url, archive, null, new FileReporter(progress, name, ProgressUnit.Bytes, null), ct);
        }

        var files = await TutorialArchive.ExtractAsync(archive, folder, new FileReporter(progress, "extracting " + name,
            ProgressUnit.Bytes, new FileInfo(archive).Length), ct);

        var count = countRecords ?? QuickDraw.TfRecord.TfRecordReader.CountRecords;
        var records = new Dictionary<string, long>();
        var shards = files.Where(f => Path.GetFileName(f).Contains(".tfrecord-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var verify = new FileReporter(progress, "verifying records", ProgressUnit.Bytes, shards.Sum(f => new FileInfo(Path.Combine(folder, f)).Length));
        long checkedBytes = 0;
        verify.Started(0);
        foreach (var shard in shards)
        {
            ct.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, shard);
            try { records[shard] = await Task.Run(() => count(path), ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new DownloadException(DownloadFailure.Corrupt,
                    $"{path} is damaged: {e.Message}. Delete {archive} (if kept) and {folder} and re-run to fetch it again.",
                    url, e);
            }
            checkedBytes += new FileInfo(path).Length;
            verify.Advanced(checkedBytes);
        }
        if (shards.Count == 0)
            throw new DownloadException(DownloadFailure.Corrupt, $"{archive} holds no *.tfrecord-* files; is {url} the tutorial's tarball?", url);
        verify.Completed(checkedBytes);

        var manifest = Path.Combine(folder, ManifestName);
        await File.WriteAllTextAsync(manifest + ".tmp", JsonSerializer.Serialize(records, DownloadJson.Default.DictionaryStringInt64), ct);
        File.Move(manifest + ".tmp", manifest, overwrite: true);
        if (!keepArchive) File.Delete(archive);
        return new TutorialDataset(folder, records);
    }
}
