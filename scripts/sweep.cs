#:project ../lib/QuickDraw/QuickDraw.csproj
// Run a sweep of training runs from a spec in experiments/sweeps/, into experiments/<sweep>/<run>/.
// Usage: dotnet run scripts/sweep.cs -- --help
using QuickDraw.Common;
using QuickDraw.Experiments;
using QuickDraw.Experiments.Slurm;

var cli = new CommandLine("dotnet run scripts/sweep.cs -- --spec FILE [options]",
        "Runs every configuration of a sweep spec (a preset, then a grid and/or list over " + string.Join(", ", SweepSpec.Keys(sweepableOnly: true)) + ";\n" +
        "every setting's key: docs/settings.md) through the trainer, one after another, each into\n" +
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
    var command = new SweepCommand(a.Require("spec"))
    {
        DryRun = a.Has("dry-run"), Status = a.Has("status"), Launcher = a.Get("launcher")!, Wait = a.Has("wait"), Png = a.Has("png"), NoReport = a.Has("no-report"),
        Slurm = new SlurmOptions
        {
            Partition = a.Get("partition"), GpusPerRun = a.Int("gpus-per-run"), CpusPerRun = a.Int("cpus-per-run"), Time = a.Get("time"),
            MaxParallel = a.Int("max-parallel"),
        },
        Sbatch = a.Get("sbatch"),
    };
    return command.Run(SweepPaths.Repo, cancel);
});
