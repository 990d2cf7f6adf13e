using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>Loads run folders for comparison; plots and tables read only what this returns.</summary>
public static class RunComparison
{
    /// <summary>
    /// The runs in <paramref name="folders"/>: each a run folder (it has config.json) or a folder holding run
    /// folders at any depth (a sweep, or experiments/ for every run). Runs are ordered as found (folders in
    /// name order) and named by their folder, or by <c>parent/folder</c> where two share a name.
    /// </summary>
    public static IReadOnlyList<RunSeries> Load(IEnumerable<string> folders)
    {
        var found = new List<string>();
        foreach (var f in folders)
        {
            var full = Path.GetFullPath(f);
            if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"no such folder: {f}");
            var runs = RunFolders(full).ToList();
            if (runs.Count == 0) throw new FileNotFoundException($"no run folders (folders with config.json) in {f}");
            found.AddRange(runs.Where(r => !found.Contains(r)));
        }
        var names = found.Select(Path.GetFileName).ToList();
        return found.Select(path =>
        {
            var run = new RunFolder(path);
            var name = names.Count(n => n == run.Name) > 1 ? $"{Path.GetFileName(Path.GetDirectoryName(path))}/{run.Name}" : run.Name;
            var summary = File.Exists(run.SummaryFile) ? run.ReadSummary() : null;
            return new RunSeries(name, run, run.ReadConfig(), summary, run.ReadMetrics());
        }).ToList();
    }

    /// <summary>The runs under <paramref name="folder"/>, found as <see cref="Load"/> finds them, or none where the
    /// folder is missing or holds no run folders yet (a fresh clone).</summary>
    public static IReadOnlyList<RunSeries> Find(string folder) =>
        Directory.Exists(folder) && RunFolders(Path.GetFullPath(folder)).Any() ? Load([folder]) : [];

    static IEnumerable<string> RunFolders(string folder)
    {
        if (File.Exists(Path.Combine(folder, "config.json"))) return [folder];
        return Directory.GetDirectories(folder).Order(StringComparer.Ordinal).SelectMany(RunFolders);
    }
}
