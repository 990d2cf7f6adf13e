#:project ../lib/QuickDraw/QuickDraw.csproj
// Evaluate a trained run on any set of shards: top-1, top-3, MAP@3, per-class accuracy, confusion matrix,
// most-confused pairs, and accuracy while the drawing is being drawn.
// Usage: dotnet run scripts/evaluate.cs -- --help
using QuickDraw.Common;
using QuickDraw.Training;

var cli = new CommandLine("dotnet run scripts/evaluate.cs -- --run DIR [options]",
        "Scores a run's model.bin on every drawing of a split (default: the run's own eval shards), writes\n" +
        "confusion.csv and per_class.csv into --out (default: the run folder), and prints the most confused pairs.")
    .Option("run", "run folder (or a name under experiments/runs/)", null, "DIR")
    .Option("data", "shards folder (default: the run's own data)", null, "DIR")
    .Option("split", "eval or training", "eval", "NAME")
    .Option("max", "score at most N drawings (0 = all)", "0", "N")
    .Option("out", "folder for confusion.csv and per_class.csv (default: the run folder)", null, "DIR")
    .Option("device", "auto, cpu, cuda", "auto", "D")
    .Flag("by-strokes", "also report accuracy on the first 25/50/75/100% of each drawing's strokes")
    .Example("dotnet run scripts/evaluate.cs -- --run experiments/runs/quick --by-strokes");

return cli.Run(args, (a, cancel) =>
{
    ConsoleEvaluation.Run(RunFolder.Find(a.Require("run")), a.Get("data"), a.Get("split")!, a.Int("max"), a.Get("out"), a.Get("device")!, a.Has("by-strokes"));
    return 0;
});
