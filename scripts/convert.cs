#:project ../lib/QuickDraw/QuickDraw.csproj
#:property TieredCompilation=false
// Quick, Draw! class files (ndjson or .bin) → the tutorial's TFRecord shards (create_dataset.py).
// Usage: dotnet run scripts/convert.cs -- --help   (add -c Release for full speed: a Debug build is unoptimised)
// Tiered compilation off: a conversion lasts seconds, so every method is compiled optimised once, at first use
// (the library marks its per-drawing methods for that already; this covers what they call, and costs ~25% less CPU).
using System.Text.Json;
using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.Shards;
using Spectre.Console;

var cli = new CommandLine("dotnet run scripts/convert.cs -- --input DIR [options]",
        "Converts a folder of class files (<class>.ndjson or <class>.bin) into the tutorial's TFRecord shards:\n" +
        "per class the first K drawings → training, the next M → eval, each record in a seeded-random one of the\n" +
        "shards (training.tfrecord-00000-of-00010, eval.tfrecord-...), class names in training.tfrecord.classes.\n" +
        "Bad lines are skipped and reported with file and line. Same seed → byte-identical shards.")
    .Option("input", "folder of class files (default with --synthetic: data/synthetic/easy or .../hard)", null, "DIR")
    .Option("output", "folder for the shards", "data/shards/<input folder name>", "DIR")
    .Option("train-per-class", "first K usable drawings of each class → training", "10000", "K")
    .Option("eval-per-class", "next M → eval", "1000", "M")
    .Option("shards", "files per split", "10", "N")
    .Option("seed", "seeds the class reading order and the shard choice (and --synthetic)", "0", "N")
    .Many("classes", "only these classes (file names without extension), comma-separated", "A,B,..")
    .Flag("drop-unrecognized", "skip drawings with recognized = false (the tutorial keeps them)")
    .Option("workers", "parsing threads (0 = one per core)", "0", "N")
    .Option("synthetic", "first write N generated doodles per class into --input (10 easy classes)", null, "N")
    .Flag("hard", "with --synthetic: sloppy doodles (DoodleStyle.Hard) of all 20 classes, with confusable ones")
    .Option("summary-json", "also write the summary's figures to this JSON file", null, "FILE")
    .Example("dotnet run scripts/convert.cs -- --input data/quickdraw/simplified --output data/shards/full")
    .Example("dotnet run scripts/convert.cs -- --synthetic 1500 --train-per-class 1200 --eval-per-class 300 --shards 4")
    .Example("dotnet run scripts/convert.cs -- --input ../shared/quickdraw/classes15 --train-per-class 300 --eval-per-class 100 --classes cat,eye");

return cli.Run(args, (a, cancel) =>
{
    int synthetic = a.Has("synthetic") ? AtLeast(a, "synthetic", 1) : 0;
    if (a.Has("hard") && synthetic == 0) throw new CommandLineException("--hard only applies with --synthetic N");
    var style = a.Has("hard") ? DoodleStyle.Hard : DoodleStyle.Easy;
    var input = a.Get("input") ?? (synthetic > 0
        ? Path.Combine(RepoPaths.Data, "synthetic", a.Has("hard") ? "hard" : "easy")
        : throw new CommandLineException("--input is required: a folder of <class>.ndjson or <class>.bin files (see --help)"));
    input = Path.GetFullPath(input);
    var output = a.Get("output") is { } o && !o.StartsWith("data/shards/<")
        ? Path.GetFullPath(o)
        : Path.Combine(RepoPaths.Data, "shards", Path.GetFileName(Path.TrimEndingDirectorySeparator(input)));
    var classes = a.Has("classes") ? a.List("classes") : null;
    if (classes is { Length: 0 }) throw new CommandLineException("--classes needs at least one class name");
    var options = new ConvertOptions(
        TrainPerClass: AtLeast(a, "train-per-class", 0), EvalPerClass: AtLeast(a, "eval-per-class", 0),
        Shards: AtLeast(a, "shards", 1), Seed: a.Int("seed"), Read: new ReadOptions(DropUnrecognized: a.Has("drop-unrecognized")),
        Workers: AtLeast(a, "workers", 0), Classes: classes);
    if (options.TrainPerClass + options.EvalPerClass == 0) throw new CommandLineException("--train-per-class and --eval-per-class are both 0: nothing to convert");

    try
    {
        if (synthetic > 0)
        {
            var names = classes ?? (a.Has("hard") ? SyntheticDoodles.AllClasses : SyntheticDoodles.BaseClasses);
            var unknown = names.Except(SyntheticDoodles.AllClasses).ToList();
            if (unknown.Count > 0) throw new CommandLineException($"--classes: no synthetic doodles of {string.Join(", ", unknown)}; known: {string.Join(", ", SyntheticDoodles.AllClasses)}");
            AnsiConsole.MarkupLineInterpolated($"[bold]generating[/] {synthetic:N0} {(a.Has("hard") ? "hard" : "easy")} doodles × {names.Count} classes → {input}");
            var started = System.Diagnostics.Stopwatch.StartNew();
            var files = SyntheticDoodles.WriteNdjson(input, synthetic, options.Seed, style, names);
            AnsiConsole.MarkupLineInterpolated($"  {files.Sum(f => new FileInfo(f).Length) / 1e6:N1} MB in {started.Elapsed.TotalSeconds:N1} s");
        }
        else if (!Directory.Exists(input)) throw new CommandLineException($"--input: no such folder '{input}'");
        ShardConverter.ClassFiles(input, classes); // no class files, a missing class: say so before starting

        AnsiConsole.MarkupLineInterpolated($"[bold]converting[/] {input} → {output}");
        if (typeof(ShardConverter).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
                is [System.Diagnostics.DebuggableAttribute { IsJITOptimizerDisabled: true }])
            AnsiConsole.MarkupLine("  [grey]a Debug build runs about 5× slower: dotnet run -c Release scripts/convert.cs -- ...[/]");
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
        var summary = ConsoleConversion.Run(input, output, options, cancel);
        cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jit;
        ConsoleConversion.PrintSummary(summary, options);
        if (a.Get("summary-json") is { } json) WriteJson(json, summary, options, cpu, jit);
        return 0;
    }
    catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException or InvalidOperationException)
    {
        // The converter's own checks (no class files, a class missing, .ndjson and .bin of one class): the options' fault.
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
});

static int AtLeast(ParsedArgs a, string name, int min)
{
    int v = a.Int(name);
    return v >= min ? v : throw new CommandLineException($"--{name} must be ≥ {min}, not {v}");
}

// The figures of the summary table, for benchmarks and other scripts (no reflection: file-based apps are trimmed).
static void WriteJson(string path, ConvertSummary s, ConvertOptions o, TimeSpan cpu, TimeSpan jit)
{
    using var stream = File.Create(path);
    using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
    w.WriteStartObject();
    w.WriteString("output", s.OutputFolder);
    w.WriteNumber("classes", s.Classes.Count);
    w.WriteNumber("train_records", s.TrainRecords);
    w.WriteNumber("eval_records", s.EvalRecords);
    w.WriteNumber("skipped", s.Skips.Total);
    w.WriteStartObject("skipped_by_reason");
    foreach (var (reason, count) in s.Skips.Counts) w.WriteNumber(reason.ToString(), count);
    w.WriteEndObject();
    w.WriteNumber("input_bytes", s.InputBytes);
    w.WriteNumber("output_bytes", s.OutputBytes);
    w.WriteNumber("seconds", s.Elapsed.TotalSeconds);
    w.WriteNumber("cpu_seconds", cpu.TotalSeconds); // all threads, the console view's included
    w.WriteNumber("jit_seconds", jit.TotalSeconds); // compiling methods on first use, all threads
    w.WriteNumber("drawings_per_second", s.DrawingsPerSecond);
    w.WriteNumber("input_mb_per_second", s.InputMBPerSecond);
    w.WriteNumber("workers", o.Workers > 0 ? o.Workers : Environment.ProcessorCount);
    w.WriteEndObject();
}
