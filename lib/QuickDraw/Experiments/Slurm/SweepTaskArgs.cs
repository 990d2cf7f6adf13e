namespace QuickDraw.Experiments.Slurm;

/// <summary>The command line of one cluster task: the sweep folder, the run's name, and the folders the spec's
/// data paths resolve against (see <see cref="SweepPaths"/>).</summary>
public sealed record SweepTaskArgs(string Sweep, string Run, string Root, string Data, string? Sample, int Threads);
