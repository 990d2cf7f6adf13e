using QuickDraw.Configuration;
using QuickDraw.Training;
using Spectre.Console;

namespace QuickDraw.Experiments;

/// <summary>The main job (scripts/main.sh), end to end with a console view: the data policy's data
/// (<see cref="TrainingData.Choose"/>) → shards → training with <paramref name="Settings"/> → the evaluation report.</summary>
/// <param name="Data">"auto", "synthetic", "real" or a folder of class files.</param>
/// <param name="Settings">The run's settings (the preset's, changed by the command line).</param>
/// <param name="Preset">The preset they started from (recorded in config.json).</param>
/// <param name="Run">The run's name or folder; null: main-&lt;data&gt;-&lt;date-time&gt; under experiments/runs/.</param>
public sealed record MainJob(string Data, RunSettings Settings, string Preset, string? Run = null)
{
    /// <summary>Runs it; returns 0 when the budget was trained, 130 when stopped (Ctrl-C: --resume continues it).</summary>
    public int Execute(SweepPaths paths, CancellationToken cancel = default)
    {
        var (label, data) = TrainingData.Choose(Data, Settings.Train.Seed, paths);
        AnsiConsole.Write(new Rule($"[bold]1. ink → shards[/] ({Markup.Escape(label)})").LeftJustified());
        AnsiConsole.MarkupLineInterpolated($"[bold]data[/]: {data.Describe()}");
        var shards = data.Prepare(paths, line => AnsiConsole.MarkupLineInterpolated($"  {line}"));

        AnsiConsole.Write(new Rule("[bold]2. train[/]").LeftJustified());
        var run = RunFolder.Named(Run ?? $"main-{label}-{DateTime.Now:yyyyMMdd-HHmmss}");
        var summary = ConsoleTraining.Start(run, Settings.Model, Settings.Train, Preset, shards, cancel);

        AnsiConsole.Write(new Rule("[bold]3. evaluate[/]").LeftJustified());
        ConsoleEvaluation.Run(run, device: Settings.Train.Device, byStrokes: true);
        ConsoleTraining.PrintSummary(summary, run);
        return summary.Completed ? 0 : 130;
    }
}
