using System.Diagnostics;

namespace QuickDraw.Experiments.Slurm;

/// <summary>
/// The SLURM client commands (sbatch, scontrol, sinfo), found on a PATH (the environment's unless given) and run
/// as processes. No accounting storage is needed: state comes from scontrol, which knows a finished job for
/// MinJobAge (5 minutes by default); after that the run folders tell.
/// </summary>
public sealed class SlurmCommands(string? searchPath = null)
{
    readonly string path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";

    /// <summary>The hint for a machine without SLURM.</summary>
    public const string NoSlurmHint = "run this on a SLURM login node, or start a single-node SLURM here: sudo bash scripts/slurm-local.sh start";

    /// <summary>The full path of <paramref name="tool"/>, or null when it is not on the PATH.</summary>
    public string? Locate(string tool) =>
        path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>Whether sbatch is on the PATH.</summary>
    public bool Available => Locate("sbatch") != null;

    /// <summary>The full path of <paramref name="tool"/>; throws <see cref="SlurmException"/> when it is not on the PATH.</summary>
    public string Find(string tool) => Locate(tool) ?? throw new SlurmException($"{tool} not found on PATH: {NoSlurmHint}");

    /// <summary>Runs a SLURM command; returns its exit code and output (a minute at most).</summary>
    public (int Code, string Out, string Err) Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(Find(tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PATH"] = path;
        using var p = Process.Start(psi) ?? throw new SlurmException($"could not start {tool}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            p.Kill(entireProcessTree: true);
            throw new SlurmException($"{tool} {string.Join(' ', args)} did not answer in a minute: is slurmctld up? (scontrol ping)");
        }
        return (p.ExitCode, stdout.Result.Trim(), stderr.Result.Trim());
    }

    /// <summary>Submits a batch script; returns the job id.</summary>
    public long Submit(string script)
    {
        var (code, output, err) = Run("sbatch", "--parsable", script);
        if (code != 0) throw new SlurmException($"sbatch refused {script}: {FirstLine(err, output)}");
        var id = output.Split('\n').Last().Split(';')[0].Trim();
        return long.TryParse(id, out var job) ? job : throw new SlurmException($"sbatch printed '{output}', not a job id");
    }

    /// <summary>The cluster's partitions and the default one (sinfo marks it with '*'; null when there is none).</summary>
    public (IReadOnlyList<string> All, string? Default) Partitions()
    {
        var (code, output, err) = Run("sinfo", "-h", "-o", "%P");
        if (code != 0) throw new SlurmException($"sinfo failed: {FirstLine(err, output)} (is slurmctld up? scontrol ping)");
        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        return (names.Select(n => n.TrimEnd('*')).ToList(), names.FirstOrDefault(n => n.EndsWith('*'))?.TrimEnd('*'));
    }

    /// <summary>Throws a <see cref="SlurmException"/> naming the cluster's partitions when <paramref name="partition"/> is not one.</summary>
    public void CheckPartition(string partition)
    {
        var (all, dflt) = Partitions();
        if (!all.Contains(partition))
            throw new SlurmException($"unknown partition '{partition}': this cluster has {string.Join(", ", all.Select(p => p == dflt ? p + " (default)" : p))} (sinfo); " +
                "pass one of them to --partition, or leave it out for the default");
    }

    /// <summary>The nodes of <paramref name="partition"/> (of the default one when null).</summary>
    public IReadOnlyList<string> Nodes(string? partition)
    {
        partition ??= Partitions().Default;
        var args = partition == null ? new[] { "-h", "-N", "-o", "%N" } : ["-h", "-N", "-o", "%N", "-p", partition];
        var (code, output, _) = Run("sinfo", args);
        return code != 0 ? [] : output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
    }

    /// <summary>The tasks of array job <paramref name="arrayJobId"/>; empty when SLURM no longer knows the job.</summary>
    public IReadOnlyList<SlurmTaskState> Tasks(long arrayJobId)
    {
        var (code, output, err) = Run("scontrol", "-o", "show", "job", arrayJobId.ToString());
        if (code != 0)
        {
            if ((err + output).Contains("Invalid job id")) return [];
            throw new SlurmException($"scontrol show job {arrayJobId} failed: {FirstLine(err, output)}");
        }
        return ParseJobs(output);
    }

    /// <summary>Parses <c>scontrol -o show job</c> output (one line of key=value fields per task).</summary>
    public static IReadOnlyList<SlurmTaskState> ParseJobs(string text)
    {
        var tasks = new List<SlurmTaskState>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Split('=', 2)).Where(kv => kv.Length == 2)
                .GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.First()[1]);
            if (!f.TryGetValue("ArrayTaskId", out var ids) || !f.TryGetValue("ArrayJobId", out var arrayJob)) continue;
            long jobId = long.Parse(f["JobId"]);
            var indices = BatchScript.ParseArraySpec(ids);
            foreach (var i in indices)
                tasks.Add(new SlurmTaskState(long.Parse(arrayJob), i, indices.Count == 1 ? jobId : 0, f.GetValueOrDefault("JobState", "UNKNOWN"),
                    f.GetValueOrDefault("Reason", ""), f.GetValueOrDefault("ExitCode", ""), f.GetValueOrDefault("NodeList", "(null)") is var n && n != "(null)" ? n : "",
                    int.TryParse(f.GetValueOrDefault("Restarts"), out var r) ? r : 0));
        }
        return tasks;
    }

    static string FirstLine(string err, string output) => (err.Length > 0 ? err : output).Split('\n')[0].Replace("sbatch: error: ", "");
}
