using System.Text.Json;
using QuickDraw.Training;

namespace QuickDraw.Experiments.Slurm;

/// <summary>One submission of a sweep, as kept in <c>experiments/&lt;sweep&gt;/slurm/jobs.jsonl</c> (a line each, newest
/// last): the array job's id, when, the batch script, and which run each array task trains.</summary>
public sealed record SlurmJobRecord(long JobId, string Submitted, string Script, IReadOnlyList<SlurmTask> Tasks)
{
    static readonly JsonSerializerOptions OneLine = new(RunFolder.Json) { WriteIndented = false };

    /// <summary>The records file of a sweep folder.</summary>
    public static string FileOf(string sweepFolder) => Path.Combine(BatchPlan.SlurmFolderOf(sweepFolder), "jobs.jsonl");

    /// <summary>Every submission of the sweep, oldest first (none when it was never submitted).</summary>
    public static IReadOnlyList<SlurmJobRecord> ReadAll(string sweepFolder)
    {
        var file = FileOf(sweepFolder);
        if (!File.Exists(file)) return [];
        return File.ReadLines(file).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<SlurmJobRecord>(l, RunFolder.Json) ?? throw new InvalidDataException($"{file}: an empty record"))
            .ToList();
    }

    /// <summary>Adds a submission to the sweep's records.</summary>
    public static void Append(string sweepFolder, SlurmJobRecord record)
    {
        var file = FileOf(sweepFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.AppendAllText(file, JsonSerializer.Serialize(record, OneLine) + "\n");
    }
}
