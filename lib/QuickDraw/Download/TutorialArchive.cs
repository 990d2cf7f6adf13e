using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;

namespace QuickDraw.Download;

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
            Crc = GzipCrc32.Append(Crc, read);
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
