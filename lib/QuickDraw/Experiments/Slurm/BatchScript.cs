using System.Text;

namespace QuickDraw.Experiments.Slurm;

/// <summary>
/// Writes the sbatch script of a sweep: one array job, one array task per pending run. Each task runs the published
/// <c>QuickDraw.SweepTask</c> on its run, which trains it through the same library call as a local sweep, into the
/// same run folder (resuming from its checkpoint when it has one). Near the time limit SLURM sends USR1
/// (<c>--signal=B:USR1@S</c>): the script passes TERM on to the trainer, which checkpoints, and requeues the task,
/// which then resumes. <c>scancel</c> and preemption send TERM to every process of the task: it checkpoints too.
/// </summary>
public static class BatchScript
{
    /// <summary>The script's text (bash, <c>set -euo pipefail</c>, #SBATCH lines first).</summary>
    public static string Write(BatchPlan plan, SlurmOptions options, DateTimeOffset written)
    {
        if (plan.Tasks.Count == 0) throw new ArgumentException("no runs to submit");
        var s = new StringBuilder();
        s.AppendLine("#!/bin/bash");
        s.AppendLine($"# QuickDraw.NET sweep '{plan.Sweep}': {plan.Tasks.Count} runs, one array task each (task id = the run's number in the spec).");
        s.AppendLine($"# Written by scripts/sweep.cs --launcher slurm at {written.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Each task trains experiments/{plan.Sweep}/<run>/.");
        void Sbatch(string option) => s.AppendLine($"#SBATCH {option}");
        Sbatch($"--job-name=qd-{plan.Sweep}");
        Sbatch($"--array={ArraySpec(plan.Tasks.Select(t => t.Index), options.MaxParallel)}");
        Sbatch("--nodes=1");
        Sbatch("--ntasks=1");
        Sbatch($"--cpus-per-task={options.CpusPerRun}");
        if (options.GpusPerRun > 0) Sbatch($"--gres=gpu:{options.GpusPerRun}");
        if (options.Partition != null) Sbatch($"--partition={options.Partition}");
        if (options.Time != null) Sbatch($"--time={options.Time}");
        Sbatch($"--output={plan.LogPattern}");
        Sbatch("--open-mode=append");
        Sbatch($"--signal=B:USR1@{options.SignalSeconds}");
        Sbatch("--requeue");
        foreach (var o in options.SbatchOptions) Sbatch(o);
        s.AppendLine("set -euo pipefail");
        s.AppendLine();
        s.AppendLine("runs=(");
        foreach (var t in plan.Tasks) s.AppendLine($"  [{t.Index}]={Quote(t.Run)}");
        s.AppendLine(")");
        s.AppendLine("run=\"${runs[$SLURM_ARRAY_TASK_ID]}\"");
        s.AppendLine($"sweep={Quote(plan.SweepFolder)}");
        s.AppendLine($"app={Quote(plan.App)}");
        s.AppendLine("task=\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"");
        s.AppendLine("echo \"[$(date -u +%FT%TZ)] task $task (job $SLURM_JOB_ID, restart ${SLURM_RESTART_COUNT:-0}) on ${SLURMD_NODENAME:-$(uname -n)}: run $run\"");
        s.AppendLine();
        s.AppendLine("# USR1 = the time limit is near: checkpoint (the trainer stops on TERM) and requeue. TERM (scancel, preemption)");
        s.AppendLine("# reaches the trainer directly as well; passing it on again is harmless.");
        s.AppendLine("requeue=0");
        s.AppendLine("pid=");
        s.AppendLine("trap 'requeue=1; [ -n \"$pid\" ] && kill -TERM \"$pid\" 2>/dev/null || true' USR1");
        s.AppendLine("trap '[ -n \"$pid\" ] && kill -TERM \"$pid\" 2>/dev/null || true' TERM");
        s.AppendLine($"cd {Quote(plan.Root)}");
        var args = new StringBuilder($"\"$app\" --sweep \"$sweep\" --run \"$run\" --root {Quote(plan.Root)} --data {Quote(plan.Data)}");
        if (plan.Sample != null) args.Append($" --sample {Quote(plan.Sample)}");
        args.Append(" --threads \"${SLURM_CPUS_PER_TASK:-1}\" &");
        s.AppendLine(args.ToString());
        s.AppendLine("pid=$!");
        s.AppendLine("set +e");
        s.AppendLine("wait \"$pid\"; rc=$?");
        s.AppendLine("while kill -0 \"$pid\" 2>/dev/null; do wait \"$pid\"; rc=$?; done   # a trap ends wait early: wait for the trainer");
        s.AppendLine("set -e");
        s.AppendLine("if [ \"$requeue\" = 1 ] && [ \"$rc\" != 0 ]; then");
        s.AppendLine("  echo \"[$(date -u +%FT%TZ)] time limit near: checkpointed; requeueing $task to resume\"");
        s.AppendLine("  scontrol requeue \"$task\"");
        s.AppendLine("fi");
        s.AppendLine("echo \"[$(date -u +%FT%TZ)] task $task: exit $rc\"");
        s.AppendLine("exit \"$rc\"");
        return s.ToString();
    }

    /// <summary>sbatch's --array value: sorted indices with runs of consecutive ones as ranges ("0-3,5,7-8"), and
    /// "%N" when at most N may run at once.</summary>
    public static string ArraySpec(IEnumerable<int> indices, int maxParallel = 0)
    {
        var sorted = indices.Distinct().Order().ToList();
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(',', parts) + (maxParallel > 0 ? $"%{maxParallel}" : "");
    }

    /// <summary>The indices an --array value (or scontrol's ArrayTaskId, e.g. "2-5%1", "1,3") stands for.</summary>
    public static IReadOnlyList<int> ParseArraySpec(string spec)
    {
        var list = new List<int>();
        var body = spec.Split('%')[0].Trim('[', ']');
        foreach (var part in body.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split(':')[0].Split('-');
            int from = int.Parse(range[0]), to = range.Length > 1 ? int.Parse(range[1]) : from;
            int stride = part.Contains(':') ? int.Parse(part.Split(':')[1]) : 1;
            for (int i = from; i <= to; i += stride) list.Add(i);
        }
        return list;
    }

    /// <summary>A bash word: single-quoted unless it is plainly safe.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '=' or '@' or ',')
            ? word : "'" + word.Replace("'", "'\\''") + "'";
}
