using QuickDraw.Common;
using QuickDraw.Training;

namespace QuickDraw.Play;

/// <summary>Finds the run folder a player names: a folder, a name under experiments/runs/, or "latest".</summary>
public static class RunLocator
{
    /// <summary>The folder of <paramref name="name"/>; "latest" is the run under <paramref name="runsFolder"/>
    /// (default experiments/runs/) whose model.bin is newest. Throws <see cref="FileNotFoundException"/>
    /// with what to do when there is none.</summary>
    public static string Resolve(string name, string? runsFolder = null)
    {
        runsFolder ??= RepoPaths.Runs;
        if (name == "latest")
        {
            var newest = Directory.Exists(runsFolder)
                ? Directory.GetDirectories(runsFolder).Select(d => new RunFolder(d)).Where(r => File.Exists(r.ModelFile))
                    .OrderByDescending(r => File.GetLastWriteTimeUtc(r.ModelFile)).FirstOrDefault()
                : null;
            return newest?.Path ?? throw new FileNotFoundException(
                $"no trained run in {runsFolder}: run the main job first (bash scripts/main.sh) or give --run DIR");
        }
        var folder = Directory.Exists(name) ? name : Path.Combine(runsFolder, name);
        var run = new RunFolder(folder);
        if (!File.Exists(run.ModelFile))
            throw new FileNotFoundException(Directory.Exists(folder)
                ? $"no model.bin in {run.Path}: the run has not finished training (dotnet run scripts/train.cs -- --run {name} --resume)"
                : $"no run '{name}' (looked for {run.Path}); give a run folder, a name under {runsFolder}, or latest");
        return run.Path;
    }
}
