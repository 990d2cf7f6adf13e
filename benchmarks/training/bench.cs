#:project ../../lib/QuickDraw/QuickDraw.csproj
// Training-speed benchmark of the tutorial model, our side (the PyTorch peer is peer_pytorch.py).
// Run everything with benchmarks/training/run.sh; the modes below are its steps:
//   prepare  --out DIR                   shards from the real sample (or synthetic), padding statistics,
//                                        and fixed batch files both frameworks train on (batches-b{B}[-bucket].bin)
//   speed    --batches FILE [--serve]    examples/s of the trainer's step on those batches (--serve: in turns
//                                        with the peer, driven by alternate.py)
//   parity   --batches FILE --out FILE   a seeded model's weights and its eval-mode logits on the first batch,
//                                        which peer_pytorch.py --parity loads and compares (same model?)
//   accuracy --data DIR --run DIR [--bucket]  a short Trainer.Run; prints the final eval top-1
using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.Model;
using QuickDraw.Shards;
using QuickDraw.Training;
using TorchSharp;
using static TorchSharp.torch;

var mode = args.Length > 0 ? args[0] : "--help";
var cli = new CommandLine("dotnet run benchmarks/training/bench.cs -- prepare|speed|parity|accuracy [options]",
        "Training benchmark of the tutorial model (conv 48-64-96 → 3×128 BiLSTM → sum → dense). See run.sh.")
    .Option("out", "prepare: output folder; parity: output file", "benchmarks/training/out", "DIR")
    .Option("sample", "prepare: real class files (ndjson); synthetic doodles when absent", RepoPaths.SharedQuickDraw is { } s ? Path.Combine(s, "classes15") : "", "DIR")
    .Option("train-per-class", "prepare: training drawings per class", "300", "N")
    .Option("eval-per-class", "prepare: eval drawings per class", "100", "N")
    .Option("sizes", "prepare: batch sizes", "8,64", "A,B")
    .Option("dump", "prepare: batches per file", "160", "N")
    .Option("stream-examples", "prepare: drawings per padding statistic", "200000", "N")
    .Option("batches", "speed: batch file", null, "FILE")
    .Flag("serve", "speed: take turns with the peer, driven by alternate.py on stdin")
    .Option("steps", "speed: timed steps; accuracy: training steps", "100", "N")
    .Option("warmup", "speed: untimed steps first", "10", "N")
    .Option("threads", "torch CPU threads", "2", "N")
    .Option("classes", "output classes of the model", "345", "N")
    .Option("num-layers", "speed, parity: BiLSTM layers (3: the tutorial's model; 1 with --num-nodes 64: the main job's)", "3", "N")
    .Option("num-nodes", "speed, parity: LSTM units per direction", "128", "N")
    .Option("data", "accuracy: shard folder", null, "DIR")
    .Option("run", "accuracy: run folder", null, "DIR")
    .Option("batch-size", "accuracy: drawings per step", "64", "N")
    .Option("lr", "accuracy: Adam learning rate", "1e-3", "X")
    .Option("seed", "seeds weights, data order and dropout", "0", "N")
    .Option("eval-every", "accuracy: evaluate on the full eval set every N steps (0 = only at the end)", "0", "N")
    .Option("minutes", "accuracy: stop after this many minutes of training (0 = only by --steps)", "0", "M")
    .Flag("bucket", "accuracy: bucket batches by length")
    .Flag("mean-over-time", "accuracy: pool the LSTM outputs by their mean over time (not the tutorial's sum)");

return cli.Run(args.Skip(1).ToArray(), (a, _) =>
{
    torch.set_num_threads(a.Int("threads"));
    switch (mode)
    {
        case "prepare": Prepare(a); return 0;
        case "speed": Speed(a); return 0;
        case "accuracy": Accuracy(a); return 0;
        case "parity": Parity(a); return 0;
        default: Console.Error.WriteLine(cli.Help); return 2;
    }
});

static void Prepare(ParsedArgs a)
{
    var outDir = Path.GetFullPath(a.Require("out"));
    var shards = Path.Combine(outDir, "shards");
    var sample = a.Get("sample") ?? "";
    if (!Directory.Exists(shards) || ShardLayout.Shards(shards, "training.tfrecord").Length == 0)
    {
        string input = sample;
        if (sample.Length == 0 || !Directory.Exists(sample))
        {
            input = Path.Combine(outDir, "synthetic-ndjson");
            SyntheticDoodles.WriteNdjson(input, a.Int("train-per-class") + a.Int("eval-per-class") + 20, seed: 0, style: DoodleStyle.Hard, classes: SyntheticDoodles.AllClasses);
        }
        var summary = ShardConverter.Convert(input, shards, new ConvertOptions(a.Int("train-per-class"), a.Int("eval-per-class"), Shards: 4, Seed: 0));
        File.WriteAllText(Path.Combine(outDir, "source.txt"), input + "\n");
        Console.WriteLine($"shards: {summary}");
    }
    var source = File.ReadAllText(Path.Combine(outDir, "source.txt")).Trim();
    var files = ShardData.Shards(shards, "training");
    int trainRecords = ShardData.ReadAll(files).Count();
    Console.WriteLine($"data: {source} → {trainRecords:N0} training drawings");

    // Padding: B × T (steps an LSTM ignoring lengths would run, and what the convs do run; also B × the packed
    // LSTM's sequential iterations) vs Σ lengths, over a long stream, with and without bucketing.
    // Also how many classes a batch mixes: lengths differ by class, so length-sorted batches mix fewer.
    Console.WriteLine("| batch | bucketing | batches | real steps Σ len | padded steps Σ B×T | padding | mean T | classes per batch |");
    Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|");
    foreach (int B in a.Ints("sizes"))
    {
        long count = a.Long("stream-examples") / B;
        var stats = new (long Real, long Padded, long Iterations)[2];
        foreach (bool bucket in new[] { false, true })
        {
            using var stream = new TrainingStream(files, B, seed: 0, shuffleBuffer: trainRecords, bucketByLength: bucket);
            long real = 0, padded = 0, iterations = 0, classes = 0;
            for (long i = 0; i < count; i++)
            {
                var b = stream.Next();
                real += b.RealSteps; padded += b.PaddedSteps; iterations += b.MaxLength; classes += b.Labels.Distinct().Count();
            }
            stats[bucket ? 1 : 0] = (real, padded, iterations);
            Console.WriteLine($"| {B} | {(bucket ? "yes" : "no")} | {count:N0} | {real:N0} | {padded:N0} | {(double)(padded - real) / padded:P1} of B×T | {(double)iterations / count:F1} | {(double)classes / count:F1} |");
        }
        Console.WriteLine($"  batch {B}: bucketing saves {1 - (double)stats[1].Padded / stats[0].Padded:P1} of B×T steps " +
                          $"({1 - (double)(stats[1].Padded - stats[1].Real) / (stats[0].Padded - stats[0].Real):P1} of the padding)");

        foreach (bool bucket in new[] { false, true })
        {
            using var stream = new TrainingStream(files, B, seed: 1, shuffleBuffer: trainRecords, bucketByLength: bucket);
            var path = Path.Combine(outDir, $"batches-b{B}{(bucket ? "-bucket" : "")}.bin");
            BatchFile.Write(path, Enumerable.Range(0, a.Int("dump")).Select(_ => stream.Next()).ToList());
            Console.WriteLine($"  wrote {path}");
        }
    }
}

static void Speed(ParsedArgs a)
{
    var batches = BatchFile.Read(a.Require("batches"));
    var train = new TrainConfig { Seed = a.Int("seed"), MicroBatches = 1 };   // whole batches: the step PyTorch's side takes
    torch.manual_seed(train.Seed);
    using var net = new RnnClassifier(new ModelConfig { NumClasses = a.Int("classes"), NumLayers = a.Int("num-layers"), NumNodes = a.Int("num-nodes") });
    var optimizer = optim.Adam(net.parameters(), lr: train.LearningRate);
    using var lossSum = zeros(1);
    using var correctSum = zeros(1);
    net.train();
    long step = 0;

    // The next n batches (cycling through the file), each with the step of Trainer.Run, verbatim.
    (long Examples, double Seconds, double CpuSeconds) Run(int n)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long examples = 0;
        for (int i = 0; i < n; i++)
        {
            var batch = batches[(int)(step++ % batches.Count)];
            Trainer.Step(net, optimizer, batch, CPU, train, step, lossSum, correctSum);
            examples += batch.Size;
        }
        lossSum.item<float>();
        return (examples, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    var about = $"{net.ParameterCount:N0} parameters, threads {torch.get_num_threads()}, libtorch {torch.__version__}";
    if (a.Has("serve"))
    {
        // alternate.py's protocol: "ready", then for each line "run N" a line "done EXAMPLES SECONDS CPU_SECONDS".
        Console.WriteLine($"ready ours ({about})");
        while (Console.ReadLine() is { } line && line.StartsWith("run "))
        {
            var (e, sec, cpu) = Run(int.Parse(line[4..]));
            Console.WriteLine($"done {e} {sec:R} {cpu:R}");
        }
        return;
    }
    Run(a.Int("warmup"));
    var (examples, seconds, _) = Run(a.Int("steps"));
    Console.WriteLine($"ours examples/s {examples / seconds:F1} ({a.Int("steps")} steps, {seconds:F2} s, {about})");
}

// Weights and logits, little-endian: int32 count, per parameter (int32 name bytes, UTF-8 name, int32 ndim,
// int64 dims, float32 data), then int32 B, int32 C, float32 logits[B·C].
static void Parity(ParsedArgs a)
{
    var batch = BatchFile.Read(a.Require("batches"))[0];
    torch.manual_seed(a.Int("seed"));
    using var net = new RnnClassifier(new ModelConfig { NumClasses = a.Int("classes"), NumLayers = a.Int("num-layers"), NumNodes = a.Int("num-nodes") });
    net.eval();
    using var _ = no_grad();
    using var scope = NewDisposeScope();
    var (ink, lengths, _) = batch.ToTensors(CPU);
    var logits = net.call(ink, lengths);
    using var w = new BinaryWriter(File.Create(a.Require("out")));
    var named = net.state_dict().ToList();   // the single torch LSTM's names (weight_ih_l0_reverse, …) on either recurrent path
    w.Write(named.Count);
    foreach (var (name, p) in named)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        w.Write(bytes.Length); w.Write(bytes);
        w.Write(p.shape.Length);
        foreach (var d in p.shape) w.Write(d);
        foreach (var v in p.data<float>()) w.Write(v);
    }
    w.Write((int)logits.shape[0]); w.Write((int)logits.shape[1]);
    foreach (var v in logits.data<float>()) w.Write(v);
    Console.WriteLine($"wrote {named.Count} parameters and logits {string.Join('×', logits.shape)} to {a.Require("out")}");
}

static void Accuracy(ParsedArgs a)
{
    var data = Path.GetFullPath(a.Require("data"));
    var run = new RunFolder(a.Require("run"));
    if (Directory.Exists(run.Path)) Directory.Delete(run.Path, recursive: true);
    long steps = a.Long("steps");
    var train = new TrainConfig
    {
        Steps = steps, BatchSize = a.Int("batch-size"), LearningRate = a.Double("lr"), Seed = a.Int("seed"), MicroBatches = 1,   // as section 2 measured
        BucketByLength = a.Has("bucket"), Device = "cpu", Threads = a.Int("threads"),
        ShuffleBuffer = ShardData.ReadAll(ShardData.Shards(data, "training")).Count(),
        MaxSeconds = a.Double("minutes") * 60,
        EvalEverySteps = a.Long("eval-every") is > 0 and var every ? every : steps, CheckpointEverySteps = steps, CheckpointEverySeconds = 0, LogEverySteps = Math.Max(1, steps / 5),
    };
    var config = new RunConfig(new ModelConfig { MeanOverTime = a.Has("mean-over-time") }, train, data, ShardLayout.ReadClasses(data));
    var s = Trainer.Run(run, config, progress: new Progress<TrainingProgress>(p => { if (p.Eval == null && p.Message == null) Console.WriteLine($"  step {p.Step} loss {p.Loss:F3} {p.ExamplesPerSecond:F0} ex/s"); }));
    Console.WriteLine($"accuracy seed={train.Seed} bucket={(train.BucketByLength ? "yes" : "no")} pooling={(config.Model.MeanOverTime ? "mean" : "sum")} steps {s.Steps} examples/s {s.ExamplesPerSecond:F1} eval top-1 {s.Final!.Top1:P2} top-3 {s.Final.Top3:P2} ({s.Final.Examples} drawings) seconds {s.Seconds:F0}");
}

/// <summary>Padded batches as both frameworks read them, little-endian: "QDBATCH1", int32 count, then per batch
/// int32 B, int32 T, float32 ink[B·T·3], int64 lengths[B], int64 labels[B].</summary>
static class BatchFile
{
    const string Magic = "QDBATCH1";

    public static void Write(string path, IReadOnlyList<HostBatch> batches)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(System.Text.Encoding.ASCII.GetBytes(Magic));
        w.Write(batches.Count);
        foreach (var b in batches)
        {
            w.Write(b.Size); w.Write(b.MaxLength);
            foreach (var v in b.Ink) w.Write(v);
            foreach (var v in b.Lengths) w.Write(v);
            foreach (var v in b.Labels) w.Write(v);
        }
    }

    public static List<HostBatch> Read(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        if (System.Text.Encoding.ASCII.GetString(r.ReadBytes(8)) != Magic) throw new InvalidDataException($"{path} is not a batch file: run bench.cs prepare");
        int count = r.ReadInt32();
        var list = new List<HostBatch>(count);
        for (int i = 0; i < count; i++)
        {
            int B = r.ReadInt32(), T = r.ReadInt32();
            var ink = new float[B * T * 3];
            for (int k = 0; k < ink.Length; k++) ink[k] = r.ReadSingle();
            var lengths = new long[B];
            for (int k = 0; k < B; k++) lengths[k] = r.ReadInt64();
            var labels = new long[B];
            for (int k = 0; k < B; k++) labels[k] = r.ReadInt64();
            list.Add(new HostBatch { Ink = ink, Lengths = lengths, Labels = labels, MaxLength = T });
        }
        return list;
    }
}
