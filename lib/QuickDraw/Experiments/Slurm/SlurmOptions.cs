using System.Text.RegularExpressions;

namespace QuickDraw.Experiments.Slurm;

/// <summary>What each run of a sweep asks SLURM for (the options of <c>sweep.cs --launcher slurm</c>). Every
/// array task is one run: one task, <see cref="CpusPerRun"/> CPUs and <see cref="GpusPerRun"/> GPUs.</summary>
public sealed record SlurmOptions
{
    /// <summary>The partition (queue); null = the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>GPUs per run (<c>--gres=gpu:N</c>); 0 = none. TorchSharp has no data parallelism: 1 is the useful value.</summary>
    public int GpusPerRun { get; init; }

    /// <summary>CPUs per run (<c>--cpus-per-task</c>); the run's torch threads when its spec leaves threads at 0.</summary>
    public int CpusPerRun { get; init; } = 1;

    /// <summary>Time limit per run in sbatch's format (<c>MM</c>, <c>HH:MM:SS</c>, <c>D-HH:MM</c>, ...); null = the partition's.</summary>
    public string? Time { get; init; }

    /// <summary>At most this many runs at once (<c>--array=...%N</c>); 0 = as many as the cluster gives.</summary>
    public int MaxParallel { get; init; }

    /// <summary>More sbatch options, each written as an <c>#SBATCH</c> line (<c>--account=lab</c>, <c>--qos=long</c>, ...).</summary>
    public IReadOnlyList<string> SbatchOptions { get; init; } = [];

    /// <summary>SLURM sends USR1 this many seconds before the time limit: the run checkpoints and requeues itself.</summary>
    public int SignalSeconds { get; init; } = 120;

    /// <summary>Options the launcher writes itself: passing them through would break the plan.</summary>
    public static readonly string[] Reserved = ["array", "output", "error", "open-mode", "signal", "requeue", "no-requeue", "ntasks", "nodes", "wrap"];

    static readonly Regex TimeFormat = new(@"^(\d+-\d{1,2}(:\d{1,2}){0,2}|\d+(:\d{1,2}){0,2})$");

    /// <summary>Splits the <c>--sbatch</c> text ("--account=lab --qos=long") into options; throws for anything else.</summary>
    public static IReadOnlyList<string> ParseSbatch(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var options = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        foreach (var o in options)
        {
            if (!o.StartsWith('-')) throw new ArgumentException($"--sbatch: '{o}' is not an sbatch option: give options such as \"--account=lab --qos=long\" (name=value, no spaces)");
            var name = o.TrimStart('-').Split('=')[0];
            if (Reserved.Contains(name)) throw new ArgumentException($"--sbatch: --{name} is set by the launcher (one array task per run, logs in the sweep folder): leave it out");
        }
        return options;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with a message for people when a value cannot work.</summary>
    public void Validate()
    {
        if (GpusPerRun < 0) throw new ArgumentException("--gpus-per-run must be ≥ 0");
        if (CpusPerRun < 1) throw new ArgumentException("--cpus-per-run must be ≥ 1");
        if (MaxParallel < 0) throw new ArgumentException("--max-parallel must be ≥ 0 (0 = no limit)");
        if (Time != null && !TimeFormat.IsMatch(Time))
            throw new ArgumentException($"--time '{Time}' is not a SLURM time: use minutes (90), HH:MM:SS (04:00:00) or D-HH:MM (1-12:00)");
        if (Partition != null && (Partition.Length == 0 || Partition.Any(c => char.IsWhiteSpace(c) || c == ',')))
            throw new ArgumentException($"--partition '{Partition}' must be one partition's name");
        foreach (var o in SbatchOptions)
            if (o.Any(char.IsWhiteSpace)) throw new ArgumentException($"sbatch option '{o}' holds a space: write name=value");
    }
}
