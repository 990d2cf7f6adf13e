using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.TfRecord;

namespace QuickDraw.Shards;

/// <summary>
/// A folder of class files (ndjson or .bin) → training and eval TFRecord shards of the tutorial's Examples,
/// plus the classes file. Streaming with flat memory; parsing on every core; deterministic for a seed.
/// </summary>
/// <remarks>
/// Like the tutorial, it reads the class files round-robin, one drawing per class per round in a (seeded)
/// shuffled class order, so every shard mixes all classes; unlike it, the class order is sorted by name,
/// and both the round order and the shard choice come from the seed, not from unseeded randomness.
/// A reader thread frames items into chunks; workers parse, convert, encode and frame them; the calling thread
/// writes the chunks back in reading order, so the output does not depend on thread timing.
/// The output folder is written whole or not at all (see <see cref="ShardFolder"/>): shards and classes file are
/// built in a sibling temporary folder and swapped in at the end, under a lock that keeps a second converter out.
/// The per-drawing methods on that path are marked AggressiveOptimization: a conversion of a few hundred MB lasts
/// seconds, about the time tiered compilation takes to replace their first, unoptimised code.
/// </remarks>
public static class ShardConverter
{
    /// <summary>Converts <paramref name="inputFolder"/> into shards in <paramref name="outputFolder"/>, replacing
    /// what it held before only once the new shards are complete. <paramref name="notice"/> hears about leftovers
    /// of an interrupted conversion (removed) and stale locks.</summary>
    public static ConvertSummary Convert(string inputFolder, string outputFolder, ConvertOptions? options = null,
        IProgress<ConvertProgress>? progress = null, CancellationToken cancel = default, Action<string>? notice = null)
    {
        options ??= new ConvertOptions();
        if (options.TrainPerClass < 0 || options.EvalPerClass < 0) throw new ArgumentException("per-class counts must be ≥ 0");
        if (options.Shards < 1) throw new ArgumentException("shards must be ≥ 1");
        if (options.ReadOrDefault.MaxPoints < 2) throw new ArgumentException("the point cap (MaxPoints) must be ≥ 2");
        var files = ClassFiles(inputFolder, options.Classes);
        var classes = files.Select(DrawingFile.ClassNameOf).ToArray();
        using var target = ShardFolder.Begin(outputFolder, notice);
        var finalFolder = outputFolder;
        outputFolder = target.Building;

        var clock = Stopwatch.StartNew();
        var skips = new SkipLog();
        var inputs = files.Select(f => new DrawingFile(f, options.ReadOrDefault.MaxLineBytes)).ToArray();
        var train = OpenShards(outputFolder, ShardLayout.TrainPrefix, options.Shards);
        var eval = OpenShards(outputFolder, ShardLayout.EvalPrefix, options.Shards);
        int C = classes.Length, perClass = options.TrainPerClass + options.EvalPerClass;
        var trainCount = new long[C];
        var evalCount = new long[C];
        var done = new bool[C];
        var ended = new bool[C];
        var readOrder = new Random(options.Seed);
        var trainShardRng = new Random(unchecked(options.Seed * 31 + 1));
        var evalShardRng = new Random(unchecked(options.Seed * 31 + 2));
        var pool = new ConcurrentBag<ConversionChunk>();
        int workers = options.Workers > 0 ? options.Workers : Environment.ProcessorCount;
        int depth = 2 * workers; // chunks in flight: each worker has one queued behind the one it parses
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, workers).ConcurrentScheduler;
        var parsers = new ThreadLocal<DrawingParser>(() => new DrawingParser(options.ReadOrDefault.DropUnrecognized, maxPoints: options.ReadOrDefault.MaxPoints));
        long written = 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void WriteChunk(ConversionChunk chunk)
        {
            for (int i = 0; i < chunk.Count; i++)
            {
                int c = chunk.Class[i];
                if (done[c]) continue; // read ahead of the writer's knowledge: ignored, so output stays deterministic
                if (chunk.Result[i] is { } reason)
                {
                    skips.Add(new SkippedDrawing(inputs[c].Name, chunk.Number[i], reason, chunk.Detail[i]));
                    continue;
                }
                var record = chunk.Output.AsSpan(chunk.OutOffset[i], chunk.OutLength[i]);
                if (trainCount[c] < options.TrainPerClass) { train[trainShardRng.Next(train.Length)].WriteFramed(record); trainCount[c]++; }
                else { eval[evalShardRng.Next(eval.Length)].WriteFramed(record); evalCount[c]++; }
                written++;
                if (trainCount[c] + evalCount[c] >= perClass) done[c] = true;
            }
            pool.Add(chunk);
            progress?.Report(new ConvertProgress(written, (long)C * perClass, inputs.Sum(f => f.BytesRead), skips.Total));
        }

        // The reader (its own thread): frames items round-robin into chunks and hands each to a worker, queueing
        // the chunks in reading order. It may read past a class's quota before the writer says it is done: the
        // writer ignores those items, so the output does not depend on timing.
        var queue = new BlockingCollection<Task<ConversionChunk>>(boundedCapacity: depth);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        for (int c = 0; c < C; c++) done[c] = perClass == 0;
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Read()
        {
            try
            {
                var order = Enumerable.Range(0, C).ToArray();
                var chunk = Rent(pool);
                void Dispatch(ConversionChunk full) => queue.Add(Task.Factory.StartNew(() => full.Process(parsers.Value!),
                    CancellationToken.None, TaskCreationOptions.None, scheduler), stop.Token);
                while (true)
                {
                    bool any = false;
                    readOrder.Shuffle(order); // one seeded permutation of ALL classes per round, so the sequence is fixed
                    foreach (int c in order)
                    {
                        if (Volatile.Read(ref done[c]) || ended[c]) continue;
                        var f = inputs[c];
                        if (!f.Next(out var bytes, out long number, out var problem, out bool unterminated)) { ended[c] = true; continue; }
                        any = true;
                        chunk.Add(c, number, problem, unterminated, f.Format, bytes);
                        if (chunk.Count == ConversionChunk.Capacity) { Dispatch(chunk); chunk = Rent(pool); }
                    }
                    stop.Token.ThrowIfCancellationRequested();
                    if (!any) break;
                }
                if (chunk.Count > 0) Dispatch(chunk);
            }
            finally { queue.CompleteAdding(); }
        }

        // The writer (this thread): takes the chunks in reading order as their workers finish them.
        var reader = Task.Factory.StartNew(Read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var task in queue.GetConsumingEnumerable()) WriteChunk(task.GetAwaiter().GetResult());
            reader.GetAwaiter().GetResult(); // what stopped the reader early, if anything (cancellation included)
        }
        catch
        {
            stop.Cancel();
            foreach (var w in train.Concat(eval)) w.Abandon();
            throw;
        }
        finally
        {
            try { reader.Wait(); } catch (AggregateException) { } // it must stop before its files close
            foreach (var f in inputs) f.Dispose();
        }

        long outBytes = train.Concat(eval).Sum(w => w.Commit());
        File.WriteAllLines(Path.Combine(outputFolder, ShardLayout.ClassesFile), classes);
        target.Commit();
        long inBytes = inputs.Sum(f => f.BytesRead);
        return new ConvertSummary(finalFolder, classes, trainCount, evalCount, skips, inBytes, outBytes, clock.Elapsed);
    }

    /// <summary>The class files of a folder (*.ndjson, *.ndjson.gz, *.bin, in any case), sorted by class name
    /// (ordinal), optionally filtered. Throws an <see cref="ActionableException"/> naming the file when a file name is
    /// not a valid class name (<see cref="ClassName"/>), before anything is written.</summary>
    public static string[] ClassFiles(string folder, IReadOnlyList<string>? only = null)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"input folder not found: {folder}");
        var files = Directory.GetFiles(folder).Where(DrawingFile.IsClassFile).ToArray();
        var dup = files.GroupBy(DrawingFile.ClassNameOf).FirstOrDefault(g => g.Count() > 1);
        if (dup != null) throw new InvalidOperationException($"class '{dup.Key}' has {dup.Count()} files in {folder} ({string.Join(", ", dup.Select(Path.GetFileName).Order(StringComparer.Ordinal))}): keep one");
        if (only != null)
        {
            var missing = only.Except(files.Select(DrawingFile.ClassNameOf)).ToList();
            if (missing.Count > 0) throw new ArgumentException($"no file for class(es) {string.Join(", ", missing)} in {folder}");
            files = files.Where(f => only.Contains(DrawingFile.ClassNameOf(f))).ToArray();
        }
        if (files.Length == 0) throw new ArgumentException($"no .ndjson or .bin class files in {folder} (.ndjson.gz too; any case)");
        foreach (var f in files)
            ClassName.Check(DrawingFile.ClassNameOf(f), f, "rename the file: its name without the extension is the class name");
        return files.OrderBy(DrawingFile.ClassNameOf, StringComparer.Ordinal).ToArray();
    }

    static ConversionChunk Rent(ConcurrentBag<ConversionChunk> pool) { if (pool.TryTake(out var c)) { c.Reset(); return c; } return new ConversionChunk(); }

    static ShardFile[] OpenShards(string folder, string prefix, int n) =>
        Enumerable.Range(0, n).Select(i => new ShardFile(Path.Combine(folder, ShardLayout.ShardName(prefix, i, n)))).ToArray();

    /// <summary>Files in <paramref name="folder"/> that are not class files (so not converted): for a notice.</summary>
    public static string[] IgnoredFiles(string folder) =>
        !Directory.Exists(folder) ? [] : Directory.GetFiles(folder).Where(f => !DrawingFile.IsClassFile(f)).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A shard written under a temporary name and renamed when the conversion completes.</summary>
    sealed class ShardFile(string path)
    {
        readonly TfRecordWriter writer = TfRecordWriter.Create(path + ".tmp");
        public void WriteFramed(ReadOnlySpan<byte> framed) => writer.WriteFramed(framed);
        public long Commit() { long n = writer.BytesWritten; writer.Dispose(); File.Move(path + ".tmp", path, overwrite: true); return n; }
        public void Abandon() { writer.Dispose(); File.Delete(path + ".tmp"); }
    }
}
