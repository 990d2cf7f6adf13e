using System.Collections.Concurrent;
using QuickDraw.Shards;
using QuickDraw.TfRecord;

namespace QuickDraw.Training;

/// <summary>
/// The endless, seeded stream of training batches: every epoch visits the shards in a seeded order,
/// interleaving them one record at a time (the tutorial's interleave, cycle = all shards), then a seeded
/// shuffle buffer, then padded batches (optionally bucketed by length). A background thread prepares batches
/// ahead, so the model never waits on I/O. The sequence depends only on the files and the seed, so a resumed
/// run skips the batches it has already seen and continues exactly where it stopped.
/// </summary>
public sealed class TrainingStream : IDisposable
{
    readonly BlockingCollection<HostBatch> ready;
    readonly CancellationTokenSource stop = new();
    readonly Thread producer;
    Exception? failure;

    /// <param name="files">Training shards.</param>
    /// <param name="batchSize">Drawings per batch.</param>
    /// <param name="seed">Seeds shard order, shuffle and bucketing.</param>
    /// <param name="shuffleBuffer">Records held for shuffling (more = better mixing, more memory).</param>
    /// <param name="bucketByLength">Group drawings of similar length into batches: less padding per step.</param>
    /// <param name="skipBatches">Batches to generate and drop first (resuming a run).</param>
    /// <param name="prefetch">Batches prepared ahead.</param>
    /// <param name="bucketAfterBatches">With <paramref name="bucketByLength"/>: the first this many batches are plain
    /// (random lengths), bucketing starts after them. Length-sorted batches early in training delay the take-off.</param>
    public TrainingStream(IReadOnlyList<string> files, int batchSize, int seed, int shuffleBuffer = 100_000,
        bool bucketByLength = false, long skipBatches = 0, int prefetch = 16, long bucketAfterBatches = 0)
    {
        if (files.Count == 0) throw new ArgumentException("no training shards");
        ready = new BlockingCollection<HostBatch>(prefetch);
        producer = new Thread(() =>
        {
            try
            {
                long index = 0;
                foreach (var batch in Generate(files, batchSize, seed, shuffleBuffer, bucketByLength, bucketAfterBatches, stop.Token))
                {
                    if (index++ < skipBatches) continue;
                    ready.Add(batch.Pad(), stop.Token);
                }
            }
            catch (OperationCanceledException) { }
            catch (Exception e) { failure = e; }
            finally { ready.CompleteAdding(); }
        }) { IsBackground = true, Name = "training-batches" };
        producer.Start();
    }

    /// <summary>The next batch (blocks until the background thread has one).</summary>
    public HostBatch Next()
    {
        if (ready.TryTake(out var b, Timeout.Infinite)) return b;
        throw new InvalidOperationException("the training stream stopped: " + failure?.Message, failure);
    }

    // Record lists of batches; padding happens on the producer thread (Pad), after skipping.
    static IEnumerable<RecordBatch> Generate(IReadOnlyList<string> files, int batchSize, int seed, int shuffleBuffer, bool bucket, long bucketAfter, CancellationToken cancel)
    {
        long plain = 0;                                     // batches yielded before bucketing starts
        var rng = new Random(seed);
        var buffer = new List<InkRecord>(Math.Max(1, shuffleBuffer));
        var pending = new List<InkRecord>(batchSize);
        var bucketPool = new List<InkRecord>();
        int bucketWindow = 32 * batchSize;
        foreach (var record in Interleaved(files, rng, cancel))
        {
            // Shuffle buffer: fill, then each new record swaps out a random held one.
            InkRecord next;
            if (buffer.Count < shuffleBuffer) { buffer.Add(record); continue; }
            int i = rng.Next(buffer.Count);
            next = buffer[i];
            buffer[i] = record;
            if (!bucket || plain < bucketAfter)
            {
                pending.Add(next);
                if (pending.Count == batchSize) { yield return new RecordBatch(pending.ToArray()); pending.Clear(); plain++; }
                continue;
            }
            bucketPool.Add(next);
            if (bucketPool.Count == bucketWindow)
            {
                bucketPool.Sort((a, b) => a.Points.CompareTo(b.Points));
                var batches = Enumerable.Range(0, bucketWindow / batchSize).Select(k => new RecordBatch(bucketPool.GetRange(k * batchSize, batchSize).ToArray())).ToArray();
                rng.Shuffle(batches);
                foreach (var b in batches) yield return b;
                bucketPool.Clear();
            }
        }
    }

    // Endless: epoch after epoch, shards in a seeded order, one record from each open shard in turn.
    static IEnumerable<InkRecord> Interleaved(IReadOnlyList<string> files, Random rng, CancellationToken cancel)
    {
        bool any = true;
        while (any)
        {
            any = false;
            var order = files.ToArray();
            rng.Shuffle(order);
            var readers = order.Select(f => TfRecordReader.Open(f)).ToList();
            try
            {
                while (readers.Count > 0)
                {
                    cancel.ThrowIfCancellationRequested();
                    for (int k = 0; k < readers.Count; k++)
                    {
                        if (readers[k].TryRead(out var bytes)) { any = true; yield return InkExample.Decode(bytes.Span); }
                        else { readers[k].Dispose(); readers.RemoveAt(k); k--; }
                    }
                }
            }
            finally { foreach (var r in readers) r.Dispose(); }
        }
        throw new InvalidDataException("the training shards hold no records");
    }

    readonly record struct RecordBatch(InkRecord[] Records)
    {
        public HostBatch Pad() => HostBatch.Pad(Records);
    }

    public void Dispose()
    {
        stop.Cancel();
        producer.Join(TimeSpan.FromSeconds(10));
        ready.Dispose();
        stop.Dispose();
    }
}
