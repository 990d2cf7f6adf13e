#:project ../../lib/QuickDraw/QuickDraw.csproj
// Input-pipeline benchmark (no model): how fast TrainingStream turns shards into training tensors, and whether its
// memory stays flat over a full pass of tutorial-sized shards. Run it with benchmarks/pipeline/run.sh; modes:
//   generate --out DIR [--classes 345 --per-class 11000]   generated doodles as ndjson, one file per class, then
//                                                           TFRecord shards with the tutorial's split (10,000 / 1,000)
//   stream   --data DIR [--batch-size 512 --batches N]      a full pass (or N batches) of TrainingStream → tensors
//   parse    --data DIR                                     the reading and decoding alone (TfRecordReader + InkExample)
using System.Diagnostics;
using System.Text;
using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.Shards;
using QuickDraw.TfRecord;
using QuickDraw.Training;
using TorchSharp;
using static TorchSharp.torch;

var mode = args.Length > 0 ? args[0] : "--help";
var cli = new CommandLine("dotnet run -c Release benchmarks/pipeline/pipeline.cs -- generate|stream|parse [options]",
        "Input-pipeline benchmark: shards → parsed records → shuffle → padded batches → tensors, without the model. See run.sh.")
    .Option("out", "generate: output folder (ndjson/ and shards/ inside)", "data/pipeline", "DIR")
    .Option("classes", "generate: classes (each cycles through the generator's 20 shapes with its own seed)", "345", "N")
    .Option("per-class", "generate: drawings per class", "11000", "N")
    .Option("data", "stream, parse: shards folder", "data/pipeline/shards", "DIR")
    .Option("batch-size", "stream: drawings per batch", "512", "N")
    .Option("shuffle-buffer", "stream: records in the shuffle buffer (TrainConfig's default: 100,000)", "100000", "N")
    .Option("batches", "stream: batches to take (0 = one full pass over the training shards)", "0", "N")
    .Flag("bucket", "stream: bucket by length")
    .Flag("no-tensors", "stream: stop at padded host batches (no torch tensors)")
    .Option("seed", "seed", "0", "N");

return cli.Run(args.Skip(1).ToArray(), (a, _) =>
{
    switch (mode)
    {
        case "generate": Generate(a); return 0;
        case "stream": Stream(a); return 0;
        case "parse": Parse(a); return 0;
        default: Console.Error.WriteLine(cli.Help); return 2;
    }
});

static void Generate(ParsedArgs a)
{
    var outDir = Path.GetFullPath(a.Require("out"));
    var ndjson = Path.Combine(outDir, "ndjson");
    var shards = Path.Combine(outDir, "shards");
    int classes = a.Int("classes"), perClass = a.Int("per-class");
    var shapes = SyntheticDoodles.AllClasses;
    var clock = Stopwatch.StartNew();
    Directory.CreateDirectory(ndjson);
    Parallel.For(0, classes, c =>
    {
        var path = Path.Combine(ndjson, $"c{c:000}-{shapes[c % shapes.Count]}.ndjson");
        if (File.Exists(path)) return;
        var rng = new Random(unchecked(a.Int("seed") * 1_000_003 + c * 7919 + 17));
        var tmp = path + ".tmp";
        using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
            for (int i = 0; i < perClass; i++)
            {
                var d = SyntheticDoodles.Generate(shapes[c % shapes.Count], rng) with { Word = $"c{c:000}" };
                w.WriteLine(SyntheticDoodles.ToJson(d, keyId: 6_000_000_000_000_000L + (long)c * 10_000_000 + i, timestamp: 1_490_000_000 + i));
            }
        File.Move(tmp, path);
    });
    Console.WriteLine($"ndjson: {classes} classes × {perClass:N0} drawings in {ndjson} ({clock.Elapsed.TotalSeconds:F0} s)");
    clock.Restart();
    var summary = ShardConverter.Convert(ndjson, shards, new ConvertOptions(TrainPerClass: Math.Min(10_000, perClass - 1), EvalPerClass: Math.Min(1_000, perClass / 11), Shards: 10, Seed: 0));
    Console.WriteLine($"shards: {summary} ({clock.Elapsed.TotalSeconds:F0} s)");
}

static void Parse(ParsedArgs a)
{
    var files = ShardData.Shards(Path.GetFullPath(a.Require("data")), "training");
    var clock = Stopwatch.StartNew();
    long records = 0, points = 0;
    foreach (var f in files)
    {
        using var r = TfRecordReader.Open(f);
        while (r.TryRead(out var bytes)) { var rec = InkExample.Decode(bytes.Span); records++; points += rec.Points; }
    }
    var s = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"parse: {records:N0} records ({points / (double)records:F1} points each) read and decoded in {s:F1} s on one thread: {records / s:N0} records/s");
}

static void Stream(ParsedArgs a)
{
    var files = ShardData.Shards(Path.GetFullPath(a.Require("data")), "training");
    int B = a.Int("batch-size");
    long total = a.Long("batches") > 0 ? a.Long("batches") : CountRecords(files) / B;
    bool tensors = !a.Has("no-tensors");
    var self = Process.GetCurrentProcess();
    long peakRss = 0, minRss = long.MaxValue;
    var samples = new List<(long Batch, double Seconds, long RssMb, long HeapMb)>();
    var cpu0 = self.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    long examples = 0, padded = 0, real = 0;
    double waited = 0;
    using (var stream = new TrainingStream(files, B, a.Int("seed"), a.Int("shuffle-buffer"), a.Has("bucket")))
    {
        for (long i = 1; i <= total; i++)
        {
            var w = Stopwatch.GetTimestamp();
            var batch = stream.Next();
            waited += Stopwatch.GetElapsedTime(w).TotalSeconds;
            if (tensors)
            {
                using var scope = NewDisposeScope();
                var (ink, lengths, labels) = batch.ToTensors(CPU);
            }
            examples += batch.Size; padded += batch.PaddedSteps; real += batch.RealSteps;
            if (i % Math.Max(1, total / 40) == 0 || i == total)
            {
                self.Refresh();
                long rss = self.WorkingSet64 >> 20;
                samples.Add((i, clock.Elapsed.TotalSeconds, rss, GC.GetTotalMemory(false) >> 20));
                if (i > total / 10) { peakRss = Math.Max(peakRss, rss); minRss = Math.Min(minRss, rss); }
            }
        }
    }
    var seconds = clock.Elapsed.TotalSeconds;
    var cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
    foreach (var s in samples.Where((_, k) => k % 5 == 4 || k == samples.Count - 1))
        Console.WriteLine($"  batch {s.Batch,7:N0}  {s.Seconds,6:F1} s  RSS {s.RssMb,5:N0} MB  managed heap {s.HeapMb,5:N0} MB");
    Console.WriteLine($"stream: batch {B}, shuffle buffer {a.Int("shuffle-buffer"):N0}, {(a.Has("bucket") ? "bucketed" : "plain")}, {(tensors ? "to tensors" : "host batches")}: " +
                      $"{examples:N0} examples ({total:N0} batches) in {seconds:F1} s = {examples / seconds:N0} examples/s; " +
                      $"CPU {cpu / seconds:F2} cores; consumer waited {waited / seconds:P0} of the time; padding {(double)(padded - real) / padded:P0} of B×T; " +
                      $"RSS after the first tenth {minRss:N0}–{peakRss:N0} MB; {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} GCs (gen 0/1/2)");
}

static long CountRecords(IReadOnlyList<string> files)
{
    long n = 0;
    foreach (var f in files) { using var r = TfRecordReader.Open(f); while (r.TryRead(out _)) n++; }
    return n;
}
