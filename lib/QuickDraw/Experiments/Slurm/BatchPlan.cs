namespace QuickDraw.Experiments.Slurm;

/// <summary>What a sweep's batch script runs: the runs as array tasks, the published task program
/// (<paramref name="App"/>), and the folders it reads and writes (all absolute, on the shared filesystem).</summary>
public sealed record BatchPlan(string Sweep, string SweepFolder, IReadOnlyList<SlurmTask> Tasks, string App, string Root, string Data, string? Sample)
{
    /// <summary>The folder of the sweep's SLURM files: batch scripts, jobs.jsonl, logs/.</summary>
    public string SlurmFolder => SlurmFolderOf(SweepFolder);

    /// <summary>Where each task writes its output (one file per array task; a requeued task appends).</summary>
    public string LogPattern => Path.Combine(SlurmFolder, "logs", "%A_%a.log");

    /// <summary><c>experiments/&lt;sweep&gt;/slurm</c>.</summary>
    public static string SlurmFolderOf(string sweepFolder) => Path.Combine(sweepFolder, "slurm");

    /// <summary>The log of task <paramref name="taskId"/> of array job <paramref name="arrayJobId"/>.</summary>
    public static string LogOf(string sweepFolder, long arrayJobId, int taskId) => Path.Combine(SlurmFolderOf(sweepFolder), "logs", $"{arrayJobId}_{taskId}.log");
}
