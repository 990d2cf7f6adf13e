#:project ../lib/QuickDraw/QuickDraw.csproj
// The main job, end to end: data → ink → shards → training → evaluation → summary.
// Usage: bash scripts/main.sh [options]   (or: dotnet run scripts/main.cs -- --help)
using QuickDraw.Common;
using QuickDraw.Configuration;
using QuickDraw.Experiments;

var cli = new CommandLine("bash scripts/main.sh [options]",
        "Runs the whole journey: picks data (downloaded Quick, Draw! files, else the shared real sample, else generated\n" +
        "doodles), converts it to TFRecord shards, trains a fixed number of steps on CPU (or CUDA), evaluates on the full\n" +
        "eval set, and prints a summary. The budget is in steps, so the result is the same on any machine; only the time\n" +
        "differs (an ETA shows after the first steps). Settings: the preset 'main' (the tutorial's conv layers with one\n" +
        "64-unit BiLSTM layer instead of three of 128: 4× the speed on a CPU, within 3 points per step); every option\n" +
        "below changes one (docs/settings.md); --preset tutorial trains the tutorial's own. Output: data/, experiments/runs/.")
    .Option("data", "auto | synthetic | real | a folder of class files (.ndjson/.bin)", "auto", "WHICH")
    .Option("run", "run name under experiments/runs/", "main-<data>-<time>", "NAME")
    .AddSettings(Presets.Main)
    .Example("bash scripts/main.sh")
    .Example("bash scripts/main.sh --data synthetic --steps 600")
    .Example("bash scripts/main.sh --bucket-by-length        # after 300 plain steps, batches of similar lengths: faster steps")
    .Example("bash scripts/main.sh --num-layers 3 --num-nodes 128      # the tutorial's model");

return cli.Run(args, (a, cancel) =>
    new MainJob(a.Get("data")!, a.ReadSettings(), a.Preset().Name, a.Get("run") is { } n && !n.StartsWith("main-<") ? n : null).Execute(SweepPaths.Repo, cancel));
