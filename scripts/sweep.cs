#:project ../lib/QuickDraw/QuickDraw.csproj
// Run a sweep of training runs from a spec in experiments/sweeps/, into experiments/<sweep>/<run>/.
// Usage: dotnet run scripts/sweep.cs -- --help
using QuickDraw.Common;
using QuickDraw.Experiments;
using QuickDraw.Experiments.Slurm;
using Spectre.Console;

var cli = new CommandLine("dotnet run scripts/sweep.cs -- --spec FILE [options]",
        "Runs every configuration of a sweep spec (a grid and/or list over num_conv, conv_len, num_layers, num_nodes,\n" +
        "learning_rate, warmup_steps, decay, final_lr_fraction, batch_size, dropout, batch_norm, mean_over_time, seed) through the trainer, one after another, each into\n" +
        "experiments/<sweep>/<run>/ (config.json, metrics.csv, summary.json, model.bin). Resumable: finished runs are\n" +
        "skipped and an interrupted one continues from its checkpoint, so rerunning the same command finishes a sweep.\n" +
        "At the end: the leaderboard, and experiments/<sweep>/report.html + leaderboard.md. Spec format: experiments/README.md.\n" +
        "--launcher slurm submits one sbatch array job instead, a task per run not done yet (same run folders; submitting\n" +
        "again resumes; --status follows it); scripts/slurm-local.sh starts a single-node SLURM to try it. See experiments/README.md.")
    .Option("spec", "the sweep spec: a JSON file, or a name in experiments/sweeps/", null, "FILE")
    .Flag("dry-run", "check the spec and list the runs and their state; train nothing")
    .Flag("png", "also render report.png (the main chart) in headless Chromium")
    .Flag("no-report", "skip report.html and leaderboard.md")
    .Option("launcher", "local (one run after another, here) or slurm (one sbatch array job, a task per pending run)", "local", "NAME")
    .Flag("status", "show each run's state (done, running, pending, stopped, failed), its array task and log; train nothing")
    .Flag("wait", "with --launcher slurm: follow the job until every task ended, then write the report")
    .Option("partition", "slurm: the partition (default: the cluster's default)", null, "NAME")
    .Option("gpus-per-run", "slurm: GPUs per run (--gres=gpu:N; publishes the CUDA build)", "0", "N")
    .Option("cpus-per-run", "slurm: CPUs per run (--cpus-per-task; torch threads when the spec leaves threads at 0)", "1", "N")
    .Option("time", "slurm: time limit per run (90, 04:00:00, 1-12:00); USR1 2 minutes before it checkpoints and requeues", null, "TIME")
    .Option("max-parallel", "slurm: at most N runs at once (--array=...%N; 0 = no limit)", "0", "N")
    .Option("sbatch", "slurm: more sbatch options, as #SBATCH lines (\"--account=lab --qos=long\")", null, "\"OPTS\"")
    .Example("dotnet run scripts/sweep.cs -- --spec experiments/sweeps/smoke.json --dry-run")
    .Example("dotnet run scripts/sweep.cs -- --spec real15-sizes --png")
    .Example("dotnet run scripts/sweep.cs -- --spec real15-sizes --launcher slurm --partition gpu --gpus-per-run 1 --time 04:00:00 --dry-run")
    .Example("dotnet run scripts/sweep.cs -- --spec real15-sizes --status");

return cli.Run(args, (a, cancel) =>
{
    var path = a.Require("spec");
    if (!File.Exists(path) && !path.Contains('/') && !path.EndsWith(".json")) path = Path.Combine(RepoPaths.Experiments, "sweeps", path + ".json");
    var launcherName = a.Get("launcher");
    if (launcherName is not ("local" or "slurm")) throw new CommandLineException($"--launcher '{launcherName}' is not one: use local or slurm");
    bool slurm = launcherName == "slurm";
    if (!slurm && (new[] { "partition", "time", "sbatch" }.Any(o => a.Get(o) != null) || a.Has("wait")))
        throw new CommandLineException("--partition, --time, --sbatch and --wait go with --launcher slurm");
    SlurmOptions options;
    try
    {
        options = new SlurmOptions
        {
            Partition = a.Get("partition"), GpusPerRun = a.Int("gpus-per-run"), CpusPerRun = a.Int("cpus-per-run"), Time = a.Get("time"),
            MaxParallel = a.Int("max-parallel"), SbatchOptions = SlurmOptions.ParseSbatch(a.Get("sbatch")),
        };
        options.Validate();
    }
    catch (ArgumentException e) when (e is not CommandLineException) { throw new CommandLineException(e.Message); }
    try
    {
        var spec = SweepSpec.Load(path);
        var runner = new SweepRunner(SweepPaths.Repo);
        var plan = runner.Plan(spec);

        // Leaderboard and report from the run folders (the same for either launcher); false when no run has any yet.
        bool Report()
        {
            var folders = plan.Select(p => p.Folder.Path).Where(f => File.Exists(Path.Combine(f, "config.json"))).ToList();
            if (folders.Count == 0) return false;
            var runs = RunComparison.Load(folders);
            ConsoleSweep.PrintLeaderboard(Leaderboard.Rows(runs));
            if (!a.Has("no-report"))
            {
                var files = ComparisonReport.Write(runs, runner.SweepFolder(spec), spec.Name, a.Has("png"), Console.WriteLine);
                Console.WriteLine($"report: {files.Html}\nleaderboard: {files.Markdown}" + (files.Png != null ? $"\nchart: {files.Png}" : ""));
            }
            return true;
        }

        if (slurm || a.Has("status"))
        {
            var commands = new SlurmCommands();
            if (slurm && !a.Has("dry-run") && !a.Has("status")) commands.Find("sbatch"); // before anything is printed
            var launcher = new SlurmLauncher(SweepPaths.Repo, commands, new SweepTaskBuild(RepoPaths.Root));
            if (a.Has("status"))
            {
                AnsiConsole.MarkupLineInterpolated($"[bold]sweep[/] {spec.Name}: {plan.Count} runs → {runner.SweepFolder(spec)}");
                ConsoleSlurm.PrintStatus(launcher.Status(spec));
                return 0;
            }
            ConsoleSweep.PrintPlan(spec, runner.SweepFolder(spec), plan);
            var submission = launcher.Submit(spec, options, a.Has("dry-run"), m => Console.WriteLine($"  {m}"));
            ConsoleSlurm.PrintSubmission(submission, a.Has("dry-run"), $"dotnet run scripts/sweep.cs -- --spec {a.Require("spec")} --status");
            if (a.Has("dry-run") || !a.Has("wait")) return 0;
            var rows = launcher.Wait(spec, TimeSpan.FromSeconds(5), r => Console.WriteLine($"  {DateTime.Now:HH:mm:ss}  " +
                string.Join(", ", r.GroupBy(x => x.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {ConsoleSlurm.Name(g.Key)}"))), cancel);
            ConsoleSlurm.PrintStatus(rows);
            Report();
            return rows.All(r => r.State == SlurmRunState.Done) ? 0 : 1;
        }

        ConsoleSweep.PrintPlan(spec, runner.SweepFolder(spec), plan);
        if (a.Has("dry-run")) return 0;

        var results = ConsoleSweep.Run(runner, spec, cancel);
        if (!Report()) return 1;
        bool stopped = results.Any(r => r.Outcome == RunOutcome.Stopped) || results.Count < plan.Count;
        Console.WriteLine(stopped ? "sweep stopped: run the same command again to resume it." : $"sweep done: {results.Count(r => r.Outcome != RunOutcome.Skipped)} trained, {results.Count(r => r.Outcome == RunOutcome.Skipped)} already done.");
        return stopped ? 130 : 0;
    }
    catch (SlurmException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
    catch (SweepSpecException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
    catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
});
