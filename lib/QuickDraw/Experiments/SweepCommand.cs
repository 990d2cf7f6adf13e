using QuickDraw.Common;
using QuickDraw.Experiments.Slurm;
using Spectre.Console;

namespace QuickDraw.Experiments;

/// <summary>
/// What sweep.cs does, as one call: a spec's plan → its runs (here, one after another, or as a SLURM array job) →
/// the leaderboard and report; or only the plan (<see cref="DryRun"/>) or each run's state (<see cref="Status"/>).
/// </summary>
public sealed record SweepCommand(string Spec)
{
    public bool DryRun { get; init; }
    public bool Status { get; init; }
    /// <summary>"local" or "slurm".</summary>
    public string Launcher { get; init; } = "local";
    /// <summary>With SLURM: follow the job until every task ended, then write the report.</summary>
    public bool Wait { get; init; }
    public SlurmOptions Slurm { get; init; } = new();
    /// <summary>More sbatch options as written after --sbatch ("--account=lab --qos=long"), added to <see cref="Slurm"/>.</summary>
    public string? Sbatch { get; init; }
    /// <summary>Also render report.png in headless Chromium.</summary>
    public bool Png { get; init; }
    /// <summary>Skip report.html and leaderboard.md.</summary>
    public bool NoReport { get; init; }

    /// <summary>The spec file: a path, or a name in experiments/sweeps/.</summary>
    public string SpecFile => !File.Exists(Spec) && !Spec.Contains('/') && !Spec.EndsWith(".json")
        ? Path.Combine(RepoPaths.Experiments, "sweeps", Spec + ".json") : Spec;

    /// <summary>Runs the command with a console view; returns the exit code (0 done, 1 a failure, 130 stopped: run it
    /// again to resume). Bad specs and options throw <see cref="SweepSpecException"/> / <see cref="SlurmException"/>.</summary>
    public int Run(SweepPaths paths, CancellationToken cancel = default)
    {
        if (Launcher is not ("local" or "slurm")) throw new CommandLineException($"--launcher '{Launcher}' is not one: use local or slurm");
        bool slurm = Launcher == "slurm";
        if (!slurm && (Slurm.Partition != null || Slurm.Time != null || Sbatch != null || Wait))
            throw new CommandLineException("--partition, --time, --sbatch and --wait go with --launcher slurm");
        SlurmOptions options;
        try
        {
            options = Slurm with { SbatchOptions = [.. Slurm.SbatchOptions, .. SlurmOptions.ParseSbatch(Sbatch)] };
            options.Validate();
        }
        catch (ArgumentException e) when (e is not CommandLineException) { throw new CommandLineException(e.Message); }

        if (Png && !DryRun && !Status) HeadlessChromium.Require(); // before hours of training, not after
        var spec = SweepSpec.Load(SpecFile);
        var runner = new SweepRunner(paths);
        var plan = runner.Plan(spec);
        if (slurm || Status) return RunOnSlurm(spec, runner, plan, slurm, options, paths, cancel);

        ConsoleSweep.PrintPlan(spec, runner.SweepFolder(spec), plan);
        if (DryRun) return 0;
        var results = ConsoleSweep.Run(runner, spec, cancel);
        if (!Report(spec, runner, plan)) return 1;
        bool stopped = results.Any(r => r.Outcome == RunOutcome.Stopped) || results.Count < plan.Count;
        Console.WriteLine(stopped ? "sweep stopped: run the same command again to resume it."
            : $"sweep done: {results.Count(r => r.Outcome != RunOutcome.Skipped)} trained, {results.Count(r => r.Outcome == RunOutcome.Skipped)} already done.");
        return stopped ? 130 : 0;
    }

    int RunOnSlurm(SweepSpec spec, SweepRunner runner, IReadOnlyList<PlannedRun> plan, bool submit, SlurmOptions options, SweepPaths paths, CancellationToken cancel)
    {
        var commands = new SlurmCommands();
        if (submit && !DryRun && !Status) commands.Find("sbatch"); // before anything is printed
        var launcher = new SlurmLauncher(paths, commands, new SweepTaskBuild(paths.Root));
        if (Status)
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]sweep[/] {spec.Name}: {plan.Count} runs → {runner.SweepFolder(spec)}");
            ConsoleSlurm.PrintStatus(launcher.Status(spec));
            return 0;
        }
        ConsoleSweep.PrintPlan(spec, runner.SweepFolder(spec), plan);
        var submission = launcher.Submit(spec, options, DryRun, m => Console.WriteLine($"  {m}"));
        ConsoleSlurm.PrintSubmission(submission, DryRun, $"dotnet run scripts/sweep.cs -- --spec {Spec} --status");
        if (DryRun || !Wait) return 0;
        var rows = launcher.Wait(spec, TimeSpan.FromSeconds(5), r => Console.WriteLine($"  {DateTime.Now:HH:mm:ss}  " +
            string.Join(", ", r.GroupBy(x => x.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {ConsoleSlurm.Name(g.Key)}"))), cancel);
        ConsoleSlurm.PrintStatus(rows);
        Report(spec, runner, plan);
        return rows.All(r => r.State == SlurmRunState.Done) ? 0 : 1;
    }

    // Leaderboard and report from the run folders (the same for either launcher); false when no run has any yet.
    bool Report(SweepSpec spec, SweepRunner runner, IReadOnlyList<PlannedRun> plan)
    {
        var folders = plan.Select(p => p.Folder.Path).Where(f => File.Exists(Path.Combine(f, "config.json"))).ToList();
        if (folders.Count == 0) return false;
        var runs = RunComparison.Load(folders);
        ConsoleSweep.PrintLeaderboard(Leaderboard.Rows(runs));
        if (!NoReport)
        {
            var files = ComparisonReport.Write(runs, runner.SweepFolder(spec), spec.Name, Png, Console.WriteLine);
            Console.WriteLine($"report: {files.Html}\nleaderboard: {files.Markdown}" + (files.Png != null ? $"\nchart: {files.Png}" : ""));
        }
        return true;
    }
}
