#:project ../lib/QuickDraw/QuickDraw.csproj
#:property TieredCompilation=false
// Quick, Draw! class files (ndjson or .bin) → the tutorial's TFRecord shards (create_dataset.py).
// Usage: dotnet run scripts/convert.cs -- --help   (add -c Release for full speed: a Debug build is unoptimised)
// Tiered compilation off: a conversion lasts seconds, so every method is compiled optimised once, at first use
// (the library marks its per-drawing methods for that already; this covers what they call, and costs ~25% less CPU).
using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.Shards;

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

return cli.Run(args, (a, cancel) => new ConvertCommand(a.Get("input"), a.Get("output") is { } o && !o.StartsWith("data/shards/<") ? o : null,
    new ConvertOptions(
        TrainPerClass: AtLeast(a, "train-per-class", 0), EvalPerClass: AtLeast(a, "eval-per-class", 0), Shards: AtLeast(a, "shards", 1),
        Seed: a.Int("seed"), Read: new ReadOptions(DropUnrecognized: a.Has("drop-unrecognized")), Workers: AtLeast(a, "workers", 0),
        Classes: a.Has("classes") ? a.List("classes") : null))
{
    Synthetic = a.Has("synthetic") ? AtLeast(a, "synthetic", 1) : 0, Hard = a.Has("hard"), SummaryJson = a.Get("summary-json"),
}.Run(cancel));

static int AtLeast(ParsedArgs a, string name, int min)
{
    int v = a.Int(name);
    return v >= min ? v : throw new CommandLineException($"--{name} must be ≥ {min}, not {v}");
}
