#:project ../../lib/QuickDraw.Play/QuickDraw.Play.csproj
// Latency of POST /api/guess (not a test): p50/p99 over real HTTP on 127.0.0.1 for a 200-point drawing, per model,
// against the same drawing through the Predictor in-process (the model alone: the peer that shows what HTTP,
// JSON and the simplification add). Usage: bash benchmarks/play/run.sh, or
//   dotnet run -c Release benchmarks/play/latency.cs -- [--runs DIR,DIR] [--requests 300]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.Ink;
using QuickDraw.Model;
using QuickDraw.Play;
using QuickDraw.Shards;
using QuickDraw.Training;

var cli = new CommandLine("dotnet run -c Release benchmarks/play/latency.cs -- [options]",
        "p50/p99 latency of POST /api/guess for a 200-point drawing, per run, against the model alone in-process.\n" +
        "Without --runs it makes two run folders on generated doodles (the tutorial's model and a 1×64 LSTM, 30 steps\n" +
        "each: latency depends on the architecture, not on how well it was trained).")
    .Many("runs", "run folders to measure (default: two made here)", "DIRS")
    .Option("requests", "timed requests per run (after 30 warm-up ones)", "300", "N")
    .Option("points", "points in the drawing", "200", "N")
    .Option("threads", "torch CPU threads (0 = one per core)", "0", "N");

return cli.Run(args, (a, cancel) =>
{
    if (a.Int("threads") > 0) TorchSharp.torch.set_num_threads(a.Int("threads"));
    var runs = a.List("runs").ToList();
    if (runs.Count == 0) runs = MakeRuns(Path.Combine(RepoPaths.Data, "bench", "play"));
    int n = a.Int("requests"), points = a.Int("points");
    var drawing = Scribble(points, new Random(1));
    var body = Body(drawing);
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0..3].Aggregate((x, y) => x + " " + y)}");
    Console.WriteLine($"drawing: {points} points in 1 stroke ({StrokeSimplifier.Simplify(drawing.Strokes).PointCount} after simplification); {n} timed requests, one at a time");
    Console.WriteLine();
    Console.WriteLine("| model | HTTP p50 | HTTP p99 | HTTP mean | in-process p50 | in-process p99 | HTTP p99 / in-process p99 |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var run in runs)
    {
        var server = PlayServer.StartAsync(new PlayOptions(run, Port: 0, Threshold: 0.5, EvalDrawings: 0)).GetAwaiter().GetResult();
        using var http = new HttpClient { BaseAddress = server.Url };
        var predictor = Predictor.FromRun(run);
        var simplified = StrokeSimplifier.Simplify(drawing.Strokes);
        var httpMs = new List<double>();
        var localMs = new List<double>();
        for (int i = 0; i < 30 + n; i++) // interleaved, so both see the same load
        {
            var sw = Stopwatch.StartNew();
            using (var r = http.PostAsync("api/guess", new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult())
            {
                r.EnsureSuccessStatusCode();
                r.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            }
            double h = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            predictor.Predict([simplified], 5);
            double l = sw.Elapsed.TotalMilliseconds;
            if (i >= 30) { httpMs.Add(h); localMs.Add(l); }
        }
        var label = new RunFolder(run).ReadConfig().Model.Label;
        Console.WriteLine($"| {label} | {P(httpMs, 0.5):0.0} ms | {P(httpMs, 0.99):0.0} ms | {httpMs.Average():0.0} ms | {P(localMs, 0.5):0.0} ms | {P(localMs, 0.99):0.0} ms | {P(httpMs, 0.99) / P(localMs, 0.99):0.00}× |");
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
    Console.WriteLine($"\nload average after: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[0..3])}");
    return 0;
});

static double P(List<double> ms, double q)
{
    var sorted = ms.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}

// A 200-point scribble on a 500-px canvas with 6-px wiggles, so that simplification keeps most of it.
static Drawing Scribble(int points, Random rng)
{
    var x = new float[points];
    var y = new float[points];
    for (int i = 0; i < points; i++)
    {
        double a = i * 4 * Math.PI / points;
        x[i] = (float)(250 + 180 * Math.Cos(a) * (0.6 + 0.4 * i / points) + (i % 2 == 0 ? 6 : -6) + rng.NextDouble());
        y[i] = (float)(250 + 180 * Math.Sin(a) * (0.6 + 0.4 * i / points) + rng.NextDouble());
    }
    return new Drawing("?", [new Stroke(x, y)]);
}

static string Body(Drawing d)
{
    var s = d.Strokes[0];
    var c = CultureInfo.InvariantCulture;
    return $"{{\"strokes\":[[[{string.Join(',', s.X.Select(v => v.ToString("0.##", c)))}],[{string.Join(',', s.Y.Select(v => v.ToString("0.##", c)))}],[{string.Join(',', s.X.Select((_, i) => (i * 16).ToString(c)))}]]]}}";
}

// Two real run folders (config.json, classes.txt, model.bin) on generated doodles: the tutorial's model and a 1×64 LSTM.
static List<string> MakeRuns(string root)
{
    var shards = Path.Combine(root, "shards");
    if (!File.Exists(Path.Combine(shards, ShardLayout.ClassesFile)))
    {
        SyntheticDoodles.WriteNdjson(Path.Combine(root, "ndjson"), 60, seed: 2);
        ShardConverter.Convert(Path.Combine(root, "ndjson"), shards, new ConvertOptions(TrainPerClass: 50, EvalPerClass: 10, Shards: 1));
    }
    var classes = ShardLayout.ReadClasses(shards);
    var result = new List<string>();
    foreach (var (name, model) in new[] { ("tutorial", new ModelConfig()), ("lstm1x64", new ModelConfig { NumLayers = 1, NumNodes = 64 }) })
    {
        var run = new RunFolder(Path.Combine(root, "runs", name));
        if (!File.Exists(run.ModelFile))
        {
            if (Directory.Exists(run.Path)) Directory.Delete(run.Path, true);
            Trainer.Run(run, new RunConfig(model, new TrainConfig { Steps = 30, BatchSize = 16, LearningRate = 2e-3, EvalEverySteps = 30, CheckpointEverySeconds = 0, ShuffleBuffer = 500, Device = "cpu" }, shards, classes));
        }
        result.Add(run.Path);
    }
    return result;
}
