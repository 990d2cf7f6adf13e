#:project ../lib/QuickDraw/QuickDraw.csproj
// Train the tutorial's classifier on a folder of shards into experiments/runs/<name>/.
// Usage: dotnet run scripts/train.cs -- --help
using QuickDraw.Common;
using QuickDraw.Configuration;
using QuickDraw.Training;

var cli = new CommandLine("dotnet run scripts/train.cs -- [options]",
        "Trains the conv → bidirectional LSTM → sum → dense classifier on TFRecord shards into a self-describing run folder\n" +
        "(config.json, metrics.csv, summary.json, model.bin, checkpoint.bin). Settings start from --preset (default: the\n" +
        "tutorial's) and every option below changes one (docs/settings.md). Ctrl-C writes a checkpoint and exits;\n" +
        "--resume continues exactly where it stopped.")
    .Option("data", "folder of training/eval shards and training.tfrecord.classes", "data/shards/synthetic", "DIR")
    .Option("run", "run name (under experiments/runs/) or a folder path", "<date-time>", "NAME")
    .Flag("resume", "continue the run in --run from its checkpoint, with its own config.json")
    .Option("settings-table", "write every setting and preset as a Markdown table to FILE (docs/settings.md) and exit", null, "FILE")
    .AddSettings(Presets.Tutorial)
    .Example("dotnet run scripts/train.cs -- --data data/shards/synthetic --run quick --steps 2000 --batch-size 64 --lr 1e-3")
    .Example("dotnet run scripts/train.cs -- --preset main --data data/shards/real-classes15-300-100 --run main-again")
    .Example("dotnet run scripts/train.cs -- --run quick --resume");

return cli.Run(args, (a, cancel) =>
{
    if (a.Get("settings-table") is { } table) { File.WriteAllText(table, Settings.Markdown()); Console.WriteLine($"wrote {table}"); return 0; }
    var run = RunFolder.Named(a.Get("run") is { } n && n != "<date-time>" ? n : $"{DateTime.Now:yyyyMMdd-HHmmss}");
    var settings = a.Has("resume") ? null : a.ReadSettings();
    var threads = Settings.Get(nameof(TrainConfig.Threads)); // the one setting a resumed run may change (speed only)
    var summary = settings == null
        ? ConsoleTraining.Resume(run, [.. a.GivenSettingOptions().Where(o => o != threads.Option), .. a.Given.Contains("data") ? ["--data"] : Array.Empty<string>()], a.Has(threads.Option[2..]) ? (int)threads.Parse(a.Get(threads.Option[2..])!) : null, cancel)
        : ConsoleTraining.Start(run, settings.Model, settings.Train, a.Preset().Name, a.Require("data"), cancel);
    ConsoleTraining.PrintSummary(summary, run);
    return summary.Completed ? 0 : 130;
});
