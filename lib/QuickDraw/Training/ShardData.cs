using QuickDraw.Shards;
using QuickDraw.TfRecord;

namespace QuickDraw.Training;

/// <summary>Reading a split of TFRecord shards (ours or the tutorial's: the format is the same).</summary>
public static class ShardData
{
    /// <summary>The shard files of a split: "training" or "eval" (prefix "{split}.tfrecord"), with a clear error when none.</summary>
    public static string[] Shards(string folder, string split)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"data folder not found: {folder}");
        var files = ShardLayout.Shards(folder, split + ".tfrecord");
        if (files.Length == 0) throw new FileNotFoundException($"no {split}.tfrecord-* shards in {folder}: convert data first (dotnet run scripts/convert.cs -- --help)");
        return files;
    }

    /// <summary>Every record of the files, in file order.</summary>
    public static IEnumerable<InkRecord> ReadAll(IEnumerable<string> files)
    {
        foreach (var f in files)
        {
            using var reader = TfRecordReader.Open(f);
            while (reader.TryRead(out var bytes)) yield return InkExample.Decode(bytes.Span);
        }
    }

    /// <summary>Fixed batches over every record of a split, in file order (evaluation: no shuffling, nothing
    /// dropped). Records are sorted by length inside windows of <c>64 × batch</c> to cut padding.</summary>
    public static IEnumerable<HostBatch> Batches(IEnumerable<string> files, int batchSize, int maxExamples = 0)
    {
        var window = new List<InkRecord>(64 * batchSize);
        int seen = 0;
        foreach (var r in ReadAll(files))
        {
            if (maxExamples > 0 && seen++ >= maxExamples) break;
            window.Add(r);
            if (window.Count == window.Capacity)
            {
                foreach (var b in Cut(window, batchSize)) yield return b;
                window.Clear();
            }
        }
        foreach (var b in Cut(window, batchSize)) yield return b;
    }

    static IEnumerable<HostBatch> Cut(List<InkRecord> window, int batchSize)
    {
        window.Sort((a, b) => a.Points.CompareTo(b.Points));
        for (int i = 0; i < window.Count; i += batchSize)
            yield return HostBatch.Pad(window.GetRange(i, Math.Min(batchSize, window.Count - i)));
    }
}
