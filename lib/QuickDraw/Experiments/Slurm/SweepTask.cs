using System.Runtime.InteropServices;
using QuickDraw.Shards;
using QuickDraw.Training;

namespace QuickDraw.Experiments.Slurm;

/// <summary>
/// One run of a sweep, as an array task runs it (the body of the published <c>QuickDraw.SweepTask</c>): reads the
/// spec the submission copied into the sweep folder, plans the run as a local sweep does
/// (<see cref="SweepRunner.PlanRun"/>: done, resume or new, with the same settings check) and trains it with the
/// same configuration (<see cref="SweepRunner.ConfigFor"/>) through <see cref="ConsoleTraining"/>, into the same
/// run folder. SIGTERM stops after the current step with a checkpoint.
/// </summary>
public static class SweepTask
{
    /// <summary>The exit code of a run stopped by SIGTERM or Ctrl-C after writing its checkpoint (128 + 15).</summary>
    public const int StoppedExitCode = 143;

    /// <summary>Runs the task; returns its exit code (0 done, 143 stopped with a checkpoint, 1 failed).</summary>
    public static int Main(SweepTaskArgs args, CancellationToken interrupt)
    {
        using var term = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true; // the trainer ends the process once its checkpoint is written
            if (term.IsCancellationRequested) return;
            Console.Error.WriteLine("SIGTERM: stopping after the current step with a checkpoint");
            term.Cancel();
        });
        using var either = CancellationTokenSource.CreateLinkedTokenSource(interrupt, term.Token);
        try
        {
            var summary = Run(args, either.Token);
            if (!summary.Completed) Console.WriteLine($"stopped at step {summary.Steps:N0} with a checkpoint: resubmitting the sweep resumes it");
            return summary.Completed ? 0 : StoppedExitCode;
        }
        catch (Exception e) when (e is SweepSpecException or IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>Trains the run (resuming it from its checkpoint when it has one); a finished run is left alone.</summary>
    public static RunSummary Run(SweepTaskArgs args, CancellationToken cancel = default)
    {
        var folder = Path.GetFullPath(args.Sweep);
        var specFile = Path.Combine(folder, SweepRunner.SpecCopy);
        if (!File.Exists(specFile)) throw new FileNotFoundException($"{specFile} is missing: submit the sweep with sweep.cs --launcher slurm, which copies its spec there", specFile);
        var spec = SweepSpec.Parse(File.ReadAllText(specFile), specFile, Path.GetFileName(folder));
        var run = Sweep.Expand(spec).FirstOrDefault(r => r.Name == args.Run)
            ?? throw new SweepSpecException($"{specFile} has no run '{args.Run}': the spec changed after submission; resubmit the sweep");
        var plan = SweepRunner.PlanRun(run, folder);
        if (plan.State == RunState.Done)
        {
            Console.WriteLine($"{plan.Folder.Path}: done already, nothing to do");
            return plan.Folder.ReadSummary();
        }
        var paths = new SweepPaths(Path.GetFullPath(args.Root), Path.GetDirectoryName(folder)!, Path.GetFullPath(args.Data), args.Sample);
        var shards = spec.Data.Prepare(paths, Console.WriteLine);
        var classes = ShardLayout.ReadClasses(shards);
        if (run.Train.Threads == 0 && args.Threads > 0) run = run with { Train = run.Train with { Threads = args.Threads } };
        Console.WriteLine(plan.State == RunState.Resume ? "resuming from its checkpoint" : "starting");
        return ConsoleTraining.Run(plan.Folder, SweepRunner.ConfigFor(run, shards, classes), resume: plan.State == RunState.Resume, cancel);
    }
}
