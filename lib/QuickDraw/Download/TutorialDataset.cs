using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
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

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The dataset already extracted and verified in <paramref name="folder"/>, or null.</summary>
    public static TutorialDataset? TryOpen(string folder)
    {
        var manifest = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifest)) return null;
        try
        {
            var records = JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(manifest), Json);
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

        var count = countRecords ?? TfRecordFraming.CountRecords; // switch to TfRecordReader.CountRecords once merged
        var records = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var shards = files.Where(f => Path.GetFileName(f).Contains(".tfrecord-", StringComparison.Ordinal)).ToList();
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
        await File.WriteAllTextAsync(manifest + ".tmp", JsonSerializer.Serialize(records, Json), ct);
        File.Move(manifest + ".tmp", manifest, overwrite: true);
        if (!keepArchive) File.Delete(archive);
        return new TutorialDataset(folder, records);
    }
}

/// <summary>Extracts a .tar.gz safely: no entry may land outside the folder, links are skipped, each file is
/// written to <c>.part</c> and renamed, and the gzip trailer (CRC-32 and length of the whole stream) is checked,
/// because a gzip cut at a block boundary otherwise decompresses "successfully" to a shorter tar.</summary>
internal static class TutorialArchive
{
    /// <summary>Returns the extracted regular files, relative to <paramref name="folder"/>.</summary>
    public static async Task<IReadOnlyList<string>> ExtractAsync(string archive, string folder, FileReporter report,
        CancellationToken ct)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var extracted = new List<string>();
        report.Started(0);
        try
        {
            await using var compressed = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            await using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            await using var tar = new ChecksummingStream(gzip);
            await using var reader = new TarReader(tar);
            while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.Name));
                if (!target.StartsWith(root, StringComparison.Ordinal) || Path.IsPathRooted(entry.Name))
                    throw new DownloadException(DownloadFailure.Corrupt,
                        $"{archive} holds an entry that would land outside {folder}: '{entry.Name}'; refusing to extract it");
                if (entry.EntryType == TarEntryType.Directory) { Directory.CreateDirectory(target); continue; }
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
                    continue; // links, devices, metadata: nothing the dataset needs
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using (var output = new FileStream(target + ".part", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                    if (entry.DataStream is { } data) await data.CopyToAsync(output, ct);
                File.Move(target + ".part", target, overwrite: true);
                extracted.Add(Path.GetRelativePath(root, target));
                report.Advanced(compressed.Position);
            }
            await tar.CopyToAsync(Stream.Null, ct); // the tar's end padding, so the checksum covers the whole stream
            CheckTrailer(archive, tar.Crc, tar.Consumed);
            report.Completed(compressed.Length);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException)
        {
            throw new DownloadException(DownloadFailure.Corrupt,
                $"{archive} is truncated or damaged ({e.Message}). Delete it and re-run to download it again.", null, e);
        }
        catch (IOException io) when (DownloadException.IsDiskFull(io))
        {
            throw DiskSpace.Full(archive, new FileInfo(archive).Length, io);
        }
        return extracted;
    }

    // gzip ends with CRC-32 and ISIZE (length mod 2^32) of the uncompressed data (single-member archive).
    static void CheckTrailer(string archive, uint crc, long length)
    {
        Span<byte> trailer = stackalloc byte[8];
        using var file = new FileStream(archive, FileMode.Open, FileAccess.Read);
        if (file.Length < 18) throw new InvalidDataException("too short for a gzip file");
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(trailer);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != crc || BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) != (uint)length)
            throw new InvalidDataException("the gzip trailer does not match the decompressed data: the file ends early");
    }

    /// <summary>A read-through stream that keeps the CRC-32 (IEEE) and length of what passed.</summary>
    sealed class ChecksummingStream(Stream inner) : Stream
    {
        public uint Crc { get; private set; }
        public long Consumed { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));
        public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            var n = await inner.ReadAsync(buffer, ct);
            return Count(buffer.Span[..n]);
        }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        int Count(ReadOnlySpan<byte> read)
        {
            Crc = Crc32Table.Ieee.Append(Crc, read);
            Consumed += read.Length;
            return read.Length;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Consumed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
