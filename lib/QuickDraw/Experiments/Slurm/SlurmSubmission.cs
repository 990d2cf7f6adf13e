namespace QuickDraw.Experiments.Slurm;

/// <summary>What a submission did (or, for a dry run, would do).</summary>
/// <param name="JobId">The array job's id; null for a dry run or when nothing was left to submit.</param>
/// <param name="Script">The batch script's file (where it is or would be written).</param>
/// <param name="ScriptText">Its text ("" when nothing is left to submit).</param>
/// <param name="Tasks">The array tasks: one per run that is neither done nor queued already.</param>
/// <param name="Skipped">Runs left out, with why ("done", "queued in 12_3").</param>
/// <param name="Warning">A warning for people (the sweep folder is on a local filesystem), or null.</param>
public sealed record SlurmSubmission(long? JobId, string Script, string ScriptText, IReadOnlyList<SlurmTask> Tasks,
    IReadOnlyList<(string Run, string Why)> Skipped, string? Warning);
