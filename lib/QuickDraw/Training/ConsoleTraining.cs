using QuickDraw.Common;
using QuickDraw.Model;
using Spectre.Console;

namespace QuickDraw.Training;

/// <summary>Runs the trainer with a console view: a live progress bar (loss, accuracy, examples/s) on a
/// terminal, plain log lines when output is redirected (CI, files). Used by the scripts and the main job.</summary>
public static class ConsoleTraining
{
    /// <summary>Starts a run into <paramref name="run"/> on the shards in <paramref name="data"/> with
    /// <paramref name="model"/> and <paramref name="train"/> (from <paramref name="preset"/>, recorded in config.json),
    /// with a console view.</summary>
    public static RunSummary Start(RunFolder run, ModelConfig model, TrainConfig train, string? preset, string data, CancellationToken cancel = default)
    {
        var folder = System.IO.Path.GetFullPath(data);
        var config = new RunConfig(model, train, folder, Shards.ShardLayout.ReadClasses(folder)) { Preset = preset };
        return Run(run, config, resume: false, cancel);
    }

    /// <summary>Resumes <paramref name="run"/> from its checkpoint with its own config.json, on <paramref name="threads"/>
    /// CPU threads when given (speed only). <paramref name="given"/> names other settings the user gave anyway: each
    /// is an error, since a resumed run keeps its settings.</summary>
    public static RunSummary Resume(RunFolder run, IReadOnlyCollection<string> given, int? threads = null, CancellationToken cancel = default)
    {
        if (!run.HasCheckpoint)
            throw new ActionableException("no checkpoint to resume", run.Path, "start the run without --resume");
        if (given.Count > 0)
            throw new ActionableException($"a resumed run keeps the settings of its config.json, so {string.Join(", ", given)} cannot change", run.Path,
                $"leave them out (only {SettingNames.Option(nameof(TrainConfig.Threads))} may change), or start a new run with them", exitCode: 2);
        var config = run.ReadConfig();
        if (threads is { } n) config = config with { Train = config.Train with { Threads = n } };
        return Run(run, config, resume: true, cancel);
    }

    /// <summary>Trains with a console view: the step, examples/s and, after the first report (the warm-up), an ETA
    /// for the whole budget (see <see cref="TrainingEta"/>).</summary>
    public static RunSummary Run(RunFolder run, RunConfig config, bool resume = false, CancellationToken cancel = default)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]run[/] {run.Path}");
        var (m, t) = resume && run.HasCheckpoint && run.ReadConfig() is var saved ? (saved.Model, saved.Train) : (config.Model, config.Train);
        int parts = DeviceChoice.IsName(t.Device) ? Trainer.Parts(m, t, DeviceChoice.Resolve(t.Device), t.BatchSize) : 1;
        AnsiConsole.MarkupLineInterpolated($"  budget {Budget(t)} · batch {t.BatchSize}{(parts > 1 ? $" in {parts} parts" : "")} · learning rate {LearningRateSchedule.Describe(t)}");
        var eta = new TrainingEta(t.Steps, t.MaxSeconds);
        string? left = null;
        void Pace(TrainingProgress p)
        {
            if (p.Eval != null || p.Message != null) return;
            left = eta.Observe(p.Step, p.Seconds) is { } s ? TrainingEta.Format(s) : null;
        }
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return Trainer.Run(run, config, resume, new SynchronousProgress<TrainingProgress>(p => { Pace(p); AnsiConsole.MarkupLine(Line(p, t.Steps, left)); }), cancel);

        RunSummary summary = null!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training (measuring the pace...)", maxValue: Math.Max(1, t.Steps));
                summary = Trainer.Run(run, config, resume, new SynchronousProgress<TrainingProgress>(p =>
                {
                    Pace(p);
                    task.Value = p.Step;
                    if (p.Eval != null || p.Message != null) AnsiConsole.MarkupLine(Line(p, t.Steps, left));
                    else task.Description = Markup.Escape($"step {p.Step:N0}/{t.Steps:N0}  loss {p.Loss:F3}  acc {p.Top1:P1}  {p.ExamplesPerSecond:N0} ex/s  " +
                                                          (left != null ? $"ETA {left}" : "(measuring the pace...)"));
                }), cancel);
                task.Value = task.MaxValue;
            });
        return summary;
    }

    static string Budget(TrainConfig t) => $"{t.Steps:N0} steps" + (t.MaxSeconds > 0 ? $" (or {TrainingEta.Format(t.MaxSeconds)}, whichever ends first)" : "");

    static string Line(TrainingProgress p, long total, string? left) =>
        p.Message != null ? Markup.Escape($"  step {p.Step,8:N0}  {p.Message}")
        : p.Eval != null ? $"  step {p.Step,8:N0}  [green]eval[/]  " + Markup.Escape(p.Eval.ToString())
        : Markup.Escape($"  step {p.Step,8:N0}/{total:N0}  train loss {p.Loss:F4}  acc {p.Top1:P1}  {p.ExamplesPerSecond:N0} ex/s  ({p.Seconds:F0} s" +
                        (left != null ? $", ETA {left})" : ")"));

    /// <summary>Prints a run's summary as a small table.</summary>
    public static void PrintSummary(RunSummary s, RunFolder run)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumns("", "");
        t.AddRow("model", Markup.Escape($"{s.Label} ({s.Parameters:N0} parameters)"));
        t.AddRow("steps", $"{s.Steps:N0} in {s.Seconds:F0} s on {s.Device} ({s.ExamplesPerSecond:N0} examples/s)");
        if (s.Final != null) t.AddRow("final eval", Markup.Escape(s.Final.ToString()));
        if (s.Best != null) t.AddRow("best eval", Markup.Escape($"top-1 {s.Best.Top1:P2} at step {s.BestStep:N0}"));
        t.AddRow("folder", Markup.Escape(run.Path));
        AnsiConsole.Write(t);
    }
}
