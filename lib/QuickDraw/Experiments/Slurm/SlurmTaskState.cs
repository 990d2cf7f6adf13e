namespace QuickDraw.Experiments.Slurm;

/// <summary>One array task as <c>scontrol show job</c> reports it. A task not yet split out of a pending array is
/// reported once per index of its range.</summary>
/// <param name="ArrayJobId">The sweep's job id (the one sbatch printed).</param>
/// <param name="TaskId">The array index (the run's number in the sweep).</param>
/// <param name="JobId">The task's own job id (0 while it is still part of the pending array).</param>
/// <param name="State">SLURM's state: PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, PREEMPTED, ...</param>
/// <param name="Reason">Why it waits or ended (Priority, Resources, BeginTime, NonZeroExitCode, ...).</param>
/// <param name="ExitCode">"code:signal", e.g. "0:0", "1:0".</param>
/// <param name="Node">Where it runs or ran ("" before it starts).</param>
/// <param name="Restarts">How often it was requeued.</param>
public sealed record SlurmTaskState(long ArrayJobId, int TaskId, long JobId, string State, string Reason, string ExitCode, string Node, int Restarts);
