using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Experiments;
using QuickDraw.Experiments.Slurm;
using QuickDraw.Training;

namespace QuickDraw.Tests.Experiments;

/// <summary>
/// The real single-node SLURM of scripts/slurm-local.sh (started once for these tests: it installs slurm-wlm and munge
/// when missing), the task program published once into the repository's artifacts/, and scratch sweep folders.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    readonly TempDir dir = new();
    int sweeps;

    public SlurmCommands Slurm { get; } = new();
    public SweepTaskBuild Build { get; } = new(RepoPaths.Root);
    public string StartLog { get; }

    public SlurmCluster()
    {
        StartLog = "";
        if (SlurmFactAttribute.SkipReason != null) return; // every test is skipped, with that reason
        var psi = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "slurm-local.sh"), "start"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException("scripts/slurm-local.sh start ran over 5 minutes"); }
        StartLog = output + err.Result;
        if (p.ExitCode != 0) throw new InvalidOperationException($"scripts/slurm-local.sh start exited {p.ExitCode}:\n{StartLog}");
        Build.Publish("cpu");
    }

    /// <summary>A fresh experiments folder for one test's sweep; the data folder (generated doodles) is shared.</summary>
    public SweepPaths NewPaths() => new(dir.Path, dir.File($"experiments{Interlocked.Increment(ref sweeps)}"), dir.File("data"), null);

    readonly Dictionary<string, RunFolder> uninterrupted = [];

    /// <summary>The one run of <paramref name="spec"/> trained by a local sweep, without interruption (once per spec text).</summary>
    public RunFolder Uninterrupted(SweepSpec spec)
    {
        if (!uninterrupted.TryGetValue(spec.Json, out var run))
            uninterrupted[spec.Json] = run = new SweepRunner(NewPaths()).Run(spec).Single().Plan.Folder;
        return run;
    }

    /// <summary>A launcher for <paramref name="paths"/> on this cluster.</summary>
    public SlurmLauncher Launcher(SweepPaths paths) => new(paths, Slurm, Build);

    /// <summary>Tiny models on 4 generated classes (40 drawings each, 10 for eval), one thread, seeded; the grid as given.</summary>
    public static SweepSpec Spec(string name, long steps, string grid, long evalEvery = 5) => SweepSpec.Parse($$"""
        {
          "data": { "synthetic": { "classes": ["circle", "line", "square", "zigzag"], "per_class": 40, "eval_per_class": 10, "style": "easy", "seed": 3 } },
          "budget": { "steps": {{steps}} },
          "base": { "conv_len": [3], "num_layers": 1, "learning_rate": 0.003, "batch_size": 8, "dropout": 0,
                    "eval_every_steps": {{evalEvery}}, "log_every_steps": 5, "checkpoint_every_steps": 100000, "checkpoint_every_seconds": 0, "shuffle_buffer": 64, "threads": 1, "seed": 1 },
          "grid": {{grid}}
        }
        """, name + ".json", name);

    public void Dispose() => dir.Dispose();
}

/// <summary>A [Fact] on the local SLURM: skipped, with the reason, where scripts/slurm-local.sh cannot start one.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SkipReason is { } reason) Skip = reason;
    }

    /// <summary>Why the local SLURM cannot run here, or null.</summary>
    public static string? SkipReason => skipReason.Value;

    static readonly Lazy<string?> skipReason = new(Why);

    static string? Why()
    {
        if (!OperatingSystem.IsLinux()) return "the local SLURM (scripts/slurm-local.sh) runs on Linux only";
        if (Environment.UserName != "root" && !IsRoot()) return "starting the local SLURM (scripts/slurm-local.sh) needs root";
        if (new SlurmCommands().Available && File.Exists("/usr/sbin/slurmctld")) return null;
        if (new SlurmCommands().Locate("apt-get") == null) return "slurm-wlm is not installed and there is no apt-get to install it";
        // Without package lists apt knows nothing yet: slurm-local.sh runs apt-get update then, so only skip on lists that lack it.
        bool lists = Directory.Exists("/var/lib/apt/lists") && Directory.EnumerateFiles("/var/lib/apt/lists", "*Packages*").Any();
        var (code, output) = Run("apt-cache", "policy", "slurm-wlm", "munge");
        if (lists && (code != 0 || output.Contains("Candidate: (none)") || !output.Contains("Candidate:")))
            return "slurm-wlm or munge is not installable here (apt-cache policy has no candidate)";
        return null;
    }

    static bool IsRoot() => Run("id", "-u").Output.Trim() == "0";

    static (int Code, string Output) Run(string command, params string[] args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception) { return (127, ""); }
    }
}

// Serial and alone: the tasks use the machine's CPUs, and the local reference runs share torch's process-wide RNG.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>
{
    public const string Name = "local SLURM";
}
