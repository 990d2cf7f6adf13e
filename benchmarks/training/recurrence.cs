#:project ../../lib/QuickDraw/QuickDraw.csproj
// The recurrent path's benchmark (issue #18): the trainer's whole step with the packed BiLSTM (the path we trained
// with before) vs the dense exact one (ExactBiLstm), side by side in one process, turns interleaved so both see the
// same machine load; plus the LSTM stack alone, the machine's GEMM rate at the LSTM's shapes, and where a dense
// step's time goes.
//   speed    old (packed) vs new (dense) Trainer.Step, per model × batch size × bucketing: examples/s, ratio,
//            useful LSTM GFLOP/s (whole step and LSTM alone) against the measured GEMM rate
//   cores    the trainer's whole step on all the machine's cores, wall-clock: the step before #18 (packed, whole
//            batches) vs dense on whole batches vs dense with the batch in 2 parts run at once (the default)
//   profile  a dense step cut into its parts (host → tensors, conv stack, LSTM, loss, backward, clipping, Adam, scope)
//   phases   packed and dense steps cut into phases, each forward and backward on its own: conv stack, LSTM, head
//            (dropout, sum, linear, loss), zero_grad, clipping, Adam, dispose
//   overhead ExactBiLstm (fwd + bwd) under several chunk plans against its bare LSTM calls over the padded batch
//   dropout  torch's dropout vs HostMaskDropout and other ways to draw a mask, one LSTM output's size
using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Model;
using QuickDraw.Shards;
using QuickDraw.Training;
using TorchSharp;
using static TorchSharp.torch;

var mode = args.Length > 0 ? args[0] : "--help";
var cli = new CommandLine("dotnet run benchmarks/training/recurrence.cs -- speed|cores|profile|phases|overhead|dropout [options]",
        "Packed vs dense exact BiLSTM in the trainer's step (issue #18). See RESULTS.md, section 3.")
    .Option("out", "folder for the shards made from the sample", "benchmarks/training/out", "DIR")
    .Option("sample", "real class files (ndjson); synthetic doodles when absent", RepoPaths.SharedQuickDraw is { } s ? Path.Combine(s, "classes15") : "", "DIR")
    .Option("sizes", "batch sizes", "8,64,512", "A,B")
    .Option("models", "tutorial (conv 48-64-96, 3×128) and/or small (conv 48-64-96, 1×64)", "tutorial,small", "A,B")
    .Option("turns", "speed: interleaved turns per setting (median of per-turn ratios)", "5", "N")
    .Option("examples", "speed: drawings per side per turn (steps = this / batch, at least 1)", "256", "N")
    .Option("threads", "torch CPU threads (cores: all the machine's, unless given; others: 1 on a machine shared with other work: 2 threads that wait for each other at every op slow down many-fold when preempted)", "1", "N")
    .Option("classes", "output classes of the model", "345", "N")
    .Example("dotnet run -c Release benchmarks/training/recurrence.cs -- speed --sizes 64 --models tutorial --turns 3");

return cli.Run(args.Skip(1).ToArray(), (a, _) =>
{
    if (mode != "cores") torch.set_num_threads(a.Int("threads"));
    Console.WriteLine($"machine: {Machine()}; threads {torch.get_num_threads()}; libtorch {torch.__version__}; load {Load()}");
    var files = Shards(a);
    switch (mode)
    {
        case "speed": Speed(a, files); return 0;
        case "cores": Cores(a, files); return 0;
        case "profile": Profile(a, files); return 0;
        case "phases": Phases(a, files); return 0;
        case "dropout": DropoutCost(); return 0;
        case "overhead": Overhead(a, files); return 0;
        default: Console.Error.WriteLine(cli.Help); return 2;
    }
});

static ModelConfig Model(string name, int classes) => name switch
{
    "tutorial" => new ModelConfig { NumClasses = classes },
    "small" => new ModelConfig { NumLayers = 1, NumNodes = 64, NumClasses = classes },
    _ => throw new CommandLineException($"--models: unknown model '{name}': use tutorial or small"),
};

static string[] Shards(ParsedArgs a)
{
    var shards = Path.Combine(Path.GetFullPath(a.Require("out")), "shards");
    if (!Directory.Exists(shards) || ShardLayout.Shards(shards, "training.tfrecord").Length == 0)
    {
        var sample = a.Get("sample") ?? "";
        string input = sample;
        if (sample.Length == 0 || !Directory.Exists(sample))
        {
            input = Path.Combine(Path.GetFullPath(a.Require("out")), "synthetic-ndjson");
            QuickDraw.Drawings.SyntheticDoodles.WriteNdjson(input, 420, seed: 0, style: QuickDraw.Drawings.DoodleStyle.Hard, classes: QuickDraw.Drawings.SyntheticDoodles.AllClasses);
        }
        Console.WriteLine($"shards: {ShardConverter.Convert(input, shards, new ConvertOptions(300, 100, Shards: 4, Seed: 0))}");
        File.WriteAllText(Path.Combine(Path.GetFullPath(a.Require("out")), "source.txt"), input + "\n");
    }
    return ShardData.Shards(shards, "training");
}

static List<HostBatch> Batches(string[] files, int B, bool bucket, int count)
{
    int records = ShardData.ReadAll(files).Count();
    using var stream = new TrainingStream(files, B, seed: 1, shuffleBuffer: records, bucketByLength: bucket);
    return Enumerable.Range(0, count).Select(_ => stream.Next()).ToList();
}

// Multiply-adds ×2 of the LSTM's useful work per step (real steps only): forward, and backward ≈ 2× forward.
static double UsefulLstmFlops(ModelConfig m, IEnumerable<HostBatch> batches)
{
    long H = m.NumNodes;
    double perStep = 0;
    for (int l = 0; l < m.NumLayers; l++)
    {
        long input = l == 0 ? m.NumConv[^1] : 2 * H;
        perStep += 2 /* directions */ * 2.0 * 4 * H * (input + H);
    }
    return 3 * perStep * batches.Sum(b => (double)b.RealSteps);
}

// The machine's GEMM rate at the LSTM's shapes (GFLOP/s): the per-step hidden product (B×H · H×4H, as the
// recurrence runs it) and the input projection over all steps (B·T×In · In×4H).
// Returns GFLOP per wall second and per CPU second of this process (the latter barely moves with other load).
static (double Wall, double Cpu) GemmRate(long rows, long inner, long cols)
{
    using var scope = NewDisposeScope();
    var x = randn(rows, inner); var w = randn(inner, cols);
    for (int i = 0; i < 3; i++) x.matmul(w);
    int n = (int)Math.Clamp(1e9 / (2.0 * rows * inner * cols), 5, 20000);
    var (wall, cpu) = Timed(() => { for (int i = 0; i < n; i++) { using var y = x.matmul(w); } });
    double flop = 2.0 * rows * inner * cols * n / 1e9;
    return (flop / wall, flop / cpu);
}

static double Median(IEnumerable<double> values)
{
    var s = values.Order().ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}

// Wall and CPU seconds of this process: with one torch thread, CPU seconds count only the time it was running,
// so ratios and rates in CPU time survive a machine shared with other work.
static (double Wall, double Cpu) Timed(Action body)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    body();
    return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

static void Speed(ParsedArgs a, string[] files)
{
    int turns = a.Int("turns");
    Console.WriteLine("GEMM rate at the LSTM's shapes (GFLOP/s, float32, this process's threads):");
    var gemm = new Dictionary<string, double>();
    foreach (var (name, r, k, c) in new[] { ("64×128·128×512", 64L, 128L, 512L), ("64×256·256×512", 64L, 256L, 512L), ("512×128·128×512", 512L, 128L, 512L), ("3520×256·256×512", 3520L, 256L, 512L) })
    {
        var (wall, cpu) = GemmRate(r, k, c);
        gemm[name] = cpu;
        Console.WriteLine($"  {name}: {wall:F1} per wall second, {cpu:F1} per CPU second");
    }
    double reference = gemm.Values.Max();
    Console.WriteLine($"  best of these: {reference:F1} GFLOP per CPU second");
    Console.WriteLine();
    Console.WriteLine("Per CPU second of this process (one torch thread; load-robust), medians over interleaved turns; wall-clock ratio for comparison.");
    Console.WriteLine("| model | batch | bucketing | mean T | packed step ex/s | dense step ex/s | **dense / packed** (min–max) | wall-clock ratio | dense step: useful LSTM GFLOP/s | LSTM alone, packed: useful GFLOP/s | LSTM alone, dense: useful GFLOP/s | GEMM B×2H·2H×4H GFLOP/s | **dense LSTM / GEMM** | load |");
    Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    foreach (var modelName in a.List("models"))
    foreach (int B in a.Ints("sizes"))
    foreach (bool bucket in new[] { false, true })
    {
        var config = Model(modelName, a.Int("classes"));
        int steps = Math.Max(1, a.Int("examples") / B);
        var batches = Batches(files, B, bucket, steps * 2);
        var train = new TrainConfig { Seed = 0, MicroBatches = 1 };   // kernel against kernel, per CPU second (the parts: cores)
        torch.manual_seed(0);
        using var packed = new RnnClassifier(config with { Recurrence = "packed" });
        using var dense = new RnnClassifier(config with { Recurrence = "dense" });
        dense.load_state_dict(packed.state_dict());
        var sides = new[] { (Net: packed, Opt: optim.Adam(packed.parameters(), lr: 1e-4)), (Net: dense, Opt: optim.Adam(dense.parameters(), lr: 1e-4)) };
        using var lossSum = zeros(1);
        using var correctSum = zeros(1);
        long step = 0;
        (double Wall, double Cpu) TimeSteps(int side, int n, int offset)
        {
            var (net, opt) = sides[side];
            net.train();
            return Timed(() =>
            {
                for (int i = 0; i < n; i++) Trainer.Step(net, opt, batches[(offset + i) % batches.Count], CPU, train, ++step, lossSum, correctSum);
                lossSum.item<float>();
            });
        }
        // The recurrent stack alone, forward + backward, on the conv output's shape.
        using var packedLstm = new PackedBiLstm(config.NumConv[^1], config.NumNodes, config.NumLayers, config.Dropout);
        using var denseLstm = new ExactBiLstm(config.NumConv[^1], config.NumNodes, config.NumLayers, config.Dropout);
        (double Wall, double Cpu) TimeLstm(int side, int n, int offset)
        {
            BiLstm lstm = side == 0 ? packedLstm : denseLstm;
            lstm.train();
            return Timed(() =>
            {
                for (int i = 0; i < n; i++)
                {
                    using var scope = NewDisposeScope();
                    var b = batches[(offset + i) % batches.Count];
                    var x = randn(b.Size, b.MaxLength, config.NumConv[^1], requires_grad: true);
                    lstm.call(x, tensor(b.Lengths)).sum().backward();
                }
            });
        }
        TimeSteps(0, 1, 0); TimeSteps(1, 1, 0); TimeLstm(0, 1, 0); TimeLstm(1, 1, 0);   // warm-up
        var gemmRates = new List<double>();
        var wallRatios = new List<double>(); var cpuRatios = new List<double>();
        var rates = new List<(double P, double D)>(); var cpuRates = new List<(double P, double D)>(); var lstmCpuRates = new List<(double P, double D)>();
        for (int t = 0; t < turns; t++)
        {
            int offset = (t * steps) % batches.Count;
            (double Wall, double Cpu) p, d, lp, ld;
            if (t % 2 == 0) { p = TimeSteps(0, steps, offset); d = TimeSteps(1, steps, offset); lp = TimeLstm(0, steps, offset); ld = TimeLstm(1, steps, offset); }
            else { d = TimeSteps(1, steps, offset); p = TimeSteps(0, steps, offset); ld = TimeLstm(1, steps, offset); lp = TimeLstm(0, steps, offset); }
            gemmRates.Add(GemmRate(B, 2L * config.NumNodes, 4L * config.NumNodes).Cpu);   // the LSTM's shape, this turn
            double ex = Enumerable.Range(offset, steps).Sum(i => batches[i % batches.Count].Size);
            rates.Add((ex / p.Wall, ex / d.Wall)); cpuRates.Add((ex / p.Cpu, ex / d.Cpu)); lstmCpuRates.Add((ex / lp.Cpu, ex / ld.Cpu));
            wallRatios.Add(p.Wall / d.Wall); cpuRatios.Add(p.Cpu / d.Cpu);
        }
        double flopsPerExample = UsefulLstmFlops(config, batches.Take(steps * Math.Min(turns, 2))) / batches.Take(steps * Math.Min(turns, 2)).Sum(b => b.Size);
        double meanT = batches.Average(b => b.MaxLength);
        double lD = Median(lstmCpuRates.Select(r => r.D)), lP = Median(lstmCpuRates.Select(r => r.P)), gemmNow = Median(gemmRates);
        Console.WriteLine($"| {modelName} | {B} | {(bucket ? "yes" : "no")} | {meanT:F0} | {Median(cpuRates.Select(r => r.P)):F1} | {Median(cpuRates.Select(r => r.D)):F1} | **{Median(cpuRatios):F2}×** ({cpuRatios.Min():F2}–{cpuRatios.Max():F2}) | {Median(wallRatios):F2}× | {Median(cpuRates.Select(r => r.D)) * flopsPerExample / 1e9:F1} | {lP * flopsPerExample / 1e9:F1} | {lD * flopsPerExample / 1e9:F1} | {gemmNow:F1} | **{lD * flopsPerExample / 1e9 / gemmNow:P0}** | {Load()} |");
    }
}

// The trainer's whole step as a user runs it, on all the machine's cores, in wall-clock time (run it on a quiet
// machine): the step before #18 (packed recurrence, whole batches), the dense recurrence on whole batches, and the
// dense one with each batch in 2 parts whose passes run at once on a thread each (TrainConfig.MicroBatches, the
// default). Same weights and batches for every side; turns interleaved, the order rotating.
static void Cores(ParsedArgs a, string[] files)
{
    int threads = a.Given.Contains("threads") ? a.Int("threads") : Environment.ProcessorCount;
    torch.set_num_threads(threads);
    int turns = a.Int("turns");
    var sides = new (string Name, string Recurrence, int Parts)[] { ("packed, whole batches (before #18)", "packed", 1), ("dense, whole batches", "dense", 1), ("dense, 2 parts at once (default)", "dense", 2) };
    Console.WriteLine($"Wall-clock, {threads} torch threads on {Environment.ProcessorCount} cores; medians over {turns} interleaved turns; CPU use = CPU seconds / wall seconds.");
    Console.WriteLine("| model | batch | bucketing | mean T | " + string.Join(" | ", sides.Select(x => $"{x.Name} ex/s (CPU use)")) + " | **2 parts / before** (min–max) | dense whole / before | 2 parts / dense whole | load |");
    Console.WriteLine("|---|---:|---|---:|" + string.Concat(sides.Select(_ => "---:|")) + "---:|---:|---:|---|");
    foreach (var modelName in a.List("models"))
    foreach (int B in a.Ints("sizes"))
    foreach (bool bucket in new[] { false, true })
    {
        var config = Model(modelName, a.Int("classes"));
        int steps = Math.Max(2, a.Int("examples") / B);
        var batches = Batches(files, B, bucket, steps * 2);
        torch.manual_seed(0);
        var nets = sides.Select(x => new RnnClassifier(config with { Recurrence = x.Recurrence })).ToArray();
        foreach (var net in nets.Skip(1)) net.load_state_dict(nets[0].state_dict());
        var opts = nets.Select(n => optim.Adam(n.parameters(), lr: 1e-4)).ToArray();
        using var lossSum = zeros(1);
        using var correctSum = zeros(1);
        long step = 0;
        (double Wall, double Cpu) TimeSteps(int side, int n, int offset)
        {
            var train = new TrainConfig { Seed = 0, MicroBatches = sides[side].Parts };
            nets[side].train();
            return Timed(() =>
            {
                for (int i = 0; i < n; i++) Trainer.Step(nets[side], opts[side], batches[(offset + i) % batches.Count], CPU, train, ++step, lossSum, correctSum);
                lossSum.item<float>();
            });
        }
        for (int side = 0; side < sides.Length; side++) TimeSteps(side, 2, 0);   // warm-up
        var rates = sides.Select(_ => new List<double>()).ToArray();
        var use = sides.Select(_ => new List<double>()).ToArray();
        var ratios = new[] { new List<double>(), new List<double>(), new List<double>() };
        for (int t = 0; t < turns; t++)
        {
            int offset = (t * steps) % batches.Count;
            double ex = Enumerable.Range(offset, steps).Sum(i => batches[i % batches.Count].Size);
            var wall = new double[sides.Length];
            for (int k = 0; k < sides.Length; k++)
            {
                int side = (k + t) % sides.Length;
                var (w, c) = TimeSteps(side, steps, offset);
                wall[side] = w; rates[side].Add(ex / w); use[side].Add(c / w);
            }
            ratios[0].Add(wall[0] / wall[2]); ratios[1].Add(wall[0] / wall[1]); ratios[2].Add(wall[1] / wall[2]);
        }
        foreach (var net in nets) net.Dispose();
        Console.WriteLine($"| {modelName} | {B} | {(bucket ? "yes" : "no")} | {batches.Average(b => b.MaxLength):F0} | " +
            string.Join(" | ", sides.Select((_, k) => $"{Median(rates[k]):F1} ({Median(use[k]):F2})")) +
            $" | **{Median(ratios[0]):F2}×** ({ratios[0].Min():F2}–{ratios[0].Max():F2}) | {Median(ratios[1]):F2}× | {Median(ratios[2]):F2}× | {Load()} |");
    }
}

// Where a dense step's time goes: a whole-batch step as Trainer.Step takes it, cut at its parts (CPU: every op is synchronous).
static void Profile(ParsedArgs a, string[] files)
{
    foreach (var modelName in a.List("models"))
    foreach (int B in a.Ints("sizes"))
    foreach (bool bucket in new[] { false, true })
    {
        var config = Model(modelName, a.Int("classes"));
        int steps = Math.Max(4, 2 * a.Int("examples") / B);
        var batches = Batches(files, B, bucket, steps);
        torch.manual_seed(0);
        using var net = new RnnClassifier(config with { Recurrence = "dense" });
        var opt = optim.Adam(net.parameters(), lr: 1e-4);
        net.train();
        var parts = new Dictionary<string, double>();
        // CPU seconds of this process (one torch thread: survives other load), per part.
        var process = Process.GetCurrentProcess();
        double Now() { process.Refresh(); return process.TotalProcessorTime.TotalSeconds; }
        double last = Now();
        void Mark(string part) { double now = Now(); parts[part] = parts.GetValueOrDefault(part) + now - last; last = now; }
        using var lossSum = zeros(1);
        for (int i = -1; i < steps; i++)
        {
            if (i == 0) parts.Clear();
            var batch = batches[Math.Max(0, i)];
            last = Now();
            var scope = NewDisposeScope();
            var (ink, lengths, labels) = batch.ToTensors(CPU);
            Mark("host batch → tensors");
            torch.manual_seed(i);
            var logits = net.call(ink, lengths);
            Mark("forward");
            var loss = nn.functional.cross_entropy(logits, labels);
            Mark("loss");
            opt.zero_grad();
            Mark("zero_grad");
            loss.backward();
            Mark("backward");
            nn.utils.clip_grad_norm_(net.parameters(), 9.0);
            Mark("clip_grad_norm_");
            opt.step();
            Mark("Adam step");
            using (no_grad()) lossSum.add_(loss.detach() * batch.Size);
            Mark("loss sum");
            scope.Dispose();
            Mark("dispose scope");
        }
        double total = parts.Values.Sum();
        Console.WriteLine($"{modelName}, batch {B}, bucketing {(bucket ? "yes" : "no")}: {steps * B / total:F1} examples per CPU second, {1000 * total / steps:F2} CPU ms/step, load {Load()}");
        foreach (var (part, sec) in parts) Console.WriteLine($"  {part,-22} {1000 * sec / steps,8:F3} ms  {sec / total,6:P1}");
    }
}

// The step's phases, each forward and backward on its own (its input a leaf, its output given a gradient), with
// the model's own modules: conv stack (masks, dropout), recurrent stack, head (dropout, sum, linear, loss), optimizer.
static void Phases(ParsedArgs a, string[] files)
{
    foreach (var modelName in a.List("models"))
    foreach (int B in a.Ints("sizes"))
    foreach (bool bucket in new[] { false, true })
    foreach (var recurrence in new[] { "packed", "dense" })
    {
        var config = Model(modelName, a.Int("classes"));
        int steps = Math.Max(3, a.Int("examples") / B);
        var batches = Batches(files, B, bucket, steps);
        torch.manual_seed(0);
        using var net = new RnnClassifier(config with { Recurrence = recurrence });
        var opt = optim.Adam(net.parameters(), lr: 1e-4);
        net.train();
        var m = net.named_modules().ToDictionary(kv => kv.name, kv => kv.module);
        var convs = Enumerable.Range(0, config.NumConv.Length).Select(i => (TorchSharp.Modules.Conv1d)m[$"convs.{i}"]).ToArray();
        var dropout = (nn.Module<Tensor, Tensor>)m["dropout"];
        var lstm = (BiLstm)m["lstm"];
        var output = (TorchSharp.Modules.Linear)m["output"];
        var parts = new Dictionary<string, double>();
        var process = Process.GetCurrentProcess();
        double Now() { process.Refresh(); return process.TotalProcessorTime.TotalSeconds; }
        double last = 0;
        void Mark(string part) { double now = Now(); parts[part] = parts.GetValueOrDefault(part) + now - last; last = now; }
        for (int i = -1; i < steps; i++)
        {
            if (i == 0) parts.Clear();
            var batch = batches[Math.Max(0, i)];
            using var scope = NewDisposeScope();
            last = Now();
            var (ink, lengths, labels) = batch.ToTensors(CPU);
            long T = ink.shape[1];
            Mark("batch → tensors");
            var mask = (arange(T).unsqueeze(0) < lengths.unsqueeze(1)).unsqueeze(1).to_type(ScalarType.Float32);
            var x = ink.transpose(1, 2) * mask;
            for (int c = 0; c < convs.Length; c++)
            {
                if (c > 0) x = dropout.call(x);
                x = convs[c].call(x) * mask;
            }
            var convOut = x.transpose(1, 2);
            Mark("conv stack fwd");
            var lstmIn = convOut.detach().requires_grad_(true);
            var lstmOut = lstm.call(lstmIn, lengths);
            Mark("LSTM fwd");
            var headIn = lstmOut.detach().requires_grad_(true);
            var logits = output.call(dropout.call(headIn).sum(1));
            var loss = nn.functional.cross_entropy(logits, labels);
            Mark("head fwd (dropout, sum, linear, loss)");
            opt.zero_grad();
            Mark("zero_grad");
            loss.backward();
            Mark("head bwd");
            lstmOut.backward([headIn.grad!]);
            Mark("LSTM bwd");
            convOut.backward([lstmIn.grad!]);
            Mark("conv stack bwd");
            nn.utils.clip_grad_norm_(net.parameters(), 9.0);
            Mark("clip_grad_norm_");
            opt.step();
            Mark("Adam step");
            scope.Dispose();
            Mark("dispose scope");
        }
        double total = parts.Values.Sum();
        Console.WriteLine($"{modelName} {recurrence}, batch {B}, bucketing {(bucket ? "yes" : "no")}, mean T {batches.Average(b => b.MaxLength):F0}: {steps * B / total:F1} examples per CPU second, {1000 * total / steps:F1} CPU ms/step, load {Load()}");
        foreach (var (part, sec) in parts) Console.WriteLine($"  {part,-38} {1000 * sec / steps,8:F2} ms  {sec / total,6:P1}");
    }
}

// ExactBiLstm (forward + backward) against its bare LSTM calls alone (2 × layers unidirectional torch LSTMs over
// the padded batch, no sorting, reversal, chunks, dropout or mask): what the exactness machinery costs.
static void Overhead(ParsedArgs a, string[] files)
{
    foreach (var modelName in a.List("models"))
    foreach (int B in a.Ints("sizes"))
    foreach (bool bucket in new[] { false, true })
    {
        var config = Model(modelName, a.Int("classes"));
        int steps = Math.Max(2, a.Int("examples") / B);
        var batches = Batches(files, B, bucket, steps);
        torch.manual_seed(0);
        using var exact = new ExactBiLstm(config.NumConv[^1], config.NumNodes, config.NumLayers, config.Dropout);
        exact.train();
        var bare = Enumerable.Range(0, 2 * config.NumLayers).Select(i => nn.LSTM(i < 2 ? config.NumConv[^1] : 2 * config.NumNodes, config.NumNodes, 1, batchFirst: true)).ToArray();
        var inputs = batches.Select(b => (X: randn(b.Size, b.MaxLength, config.NumConv[^1]), L: tensor(b.Lengths))).ToList();
        double Exact() => Timed(() => { foreach (var (x, l) in inputs) { using var s = NewDisposeScope(); exact.call(x.requires_grad_(true), l).sum().backward(); } }).Cpu * 1000 / inputs.Count;
        double Bare() => Timed(() =>
        {
            foreach (var (x, _) in inputs)
            {
                using var s = NewDisposeScope();
                var h = x.requires_grad_(true);
                for (int l = 0; l < config.NumLayers; l++) h = cat([bare[2 * l].call(h).Item1, bare[2 * l + 1].call(h).Item1], 2);
                h.sum().backward();
            }
        }).Cpu * 1000 / inputs.Count;
        Exact(); Bare();
        var plans = new (int Max, long Cost)[] { (TimeChunks.MaxChunks, TimeChunks.CallCost), (1, 0), (4, 32), (8, 16), (16, 32), (16, 64) };
        var times = plans.ToDictionary(p => p, _ => new List<double>());
        var r = new List<double>();
        for (int t = 0; t < a.Int("turns"); t++)
        {
            r.Add(Bare());
            foreach (var p in t % 2 == 0 ? plans : plans.Reverse())
            {
                exact.MaxChunks = p.Max; exact.ChunkCallCost = p.Cost;
                times[p].Add(Exact());
            }
        }
        double Med(List<double> v) => v.Order().ElementAt(v.Count / 2);
        Console.WriteLine($"{modelName}, batch {B}, bucketing {(bucket ? "yes" : "no")}, mean T {batches.Average(b => b.MaxLength):F0}, load {Load()}: CPU ms per batch, fwd + bwd (median of turns)");
        Console.WriteLine($"  bare LSTM calls over the padded batch: {Med(r):F1}");
        foreach (var p in plans) Console.WriteLine($"  ExactBiLstm, ≤ {p.Max} chunks, call cost {p.Cost}: {Med(times[p]):F1}  (chunks per batch {batches.Average(b => TimeChunks.Plan(b.Lengths.OrderDescending().ToArray(), p.Max, p.Cost).Count):F1})");
    }
}

static void DropoutCost()
{
    var x = randn(64, 70, 256);
    var drop = nn.Dropout(0.3); drop.train();
    var hostDrop = new HostMaskDropout(0.3); hostDrop.train();
    var rng = new Random(1);
    var bytes = new byte[x.numel() * 2];
    var ways = new (string, Func<Tensor>)[]
    {
        ("nn.Dropout", () => drop.call(x)),
        ("bernoulli_ mask", () => x * empty_like(x).bernoulli_(0.7).div_(0.7)),
        ("rand < keep", () => x * (rand_like(x) < 0.7).to_type(ScalarType.Float32).div_(0.7)),
        ("host bytes", () => { rng.NextBytes(bytes); return x * (tensor(bytes).view(x.shape[0], x.shape[1], x.shape[2], 2).to_type(ScalarType.Int32).select(3, 0) < 179).to_type(ScalarType.Float32); }),
        ("HostMaskDropout", () => hostDrop.call(x)),
        ("x * 1 (a pass)", () => x * 1.0),
    };
    foreach (var (name, f) in ways)
    {
        f();
        var (wall, cpu) = Timed(() => { for (int i = 0; i < 20; i++) { using var s = NewDisposeScope(); f(); } });
        Console.WriteLine($"  {name,-16} {cpu * 1000 / 20,8:F2} CPU ms per (64, 70, 256)");
    }
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static string Machine()
{
    var model = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() : null;
    return $"{model ?? "unknown CPU"}, {Environment.ProcessorCount} cores";
}
