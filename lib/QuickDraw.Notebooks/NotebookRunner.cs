using System.Diagnostics;
using QuickDraw.Common;

namespace QuickDraw.Notebooks;

/// <summary>How to run a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Overrides for the parameters cell (see <see cref="NotebookParameters"/>): name → value.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Run with the notebook's folder as the working directory, as the VS Code kernel does (restored after).</summary>
    public bool UseNotebookFolder { get; init; } = true;

    /// <summary>The Directory.Packages.props that <c>#r "nuget: ..."</c> lines are checked against; default: the
    /// nearest one above the notebook, else the repository's.</summary>
    public string? PackagesProps { get; init; }

    /// <summary>Hears one line per cell as it finishes ("cell 4 ✓ 0.3 s"); null: silent.</summary>
    public TextWriter? Log { get; init; }
}

/// <summary>How one code cell went.</summary>
/// <param name="Cell">Its index in the notebook (markdown cells count).</param>
/// <param name="ExecutionCount">1 for the first code cell run, 2 for the next, ...</param>
/// <param name="Elapsed">Compile and run time.</param>
/// <param name="Outputs">What it printed and displayed, in order.</param>
/// <param name="Error">The compile or run error, as a person reads it; null when it ran.</param>
/// <param name="Problems">Promises it broke (<c>// expect: chart</c> with no chart, an empty picture).</param>
public sealed record CellRun(int Cell, int ExecutionCount, TimeSpan Elapsed, IReadOnlyList<CellOutput> Outputs, string? Error, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Error == null && Problems.Count == 0;
}

/// <summary>A notebook run: every code cell that ran, and the notebook with their outputs filled in.</summary>
public sealed record NotebookRun(string Path, NotebookFile Executed, IReadOnlyList<CellRun> Cells, TimeSpan Elapsed)
{
    public bool Succeeded => Cells.Count > 0 && Cells.All(c => c.Succeeded);

    /// <summary>Every failure, one paragraph each, naming the cell and its first line of code.</summary>
    public string Failures => string.Join("\n", Cells.Where(c => !c.Succeeded).Select(c =>
        $"{System.IO.Path.GetFileName(Path)} cell {c.Cell} ({FirstLine(Executed.Cells[c.Cell].Source)}):\n" +
        string.Join("\n", (c.Error is { } e ? [e] : Array.Empty<string>()).Concat(c.Problems).Select(l => "  " + l.Replace("\n", "\n  ")))));

    static string FirstLine(string source) => source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("#r")) ?? "";
}

/// <summary>
/// Runs a .NET Interactive C# notebook top to bottom with the kernel's own engine, Roslyn scripting: the first code
/// cell with <c>CSharpScript.RunAsync</c>, each next one with <c>ContinueWithAsync</c>, so variables, usings and
/// types carry from cell to cell. <c>#r "nuget: Name, Version"</c> must match Directory.Packages.props and resolves
/// offline; <c>#r "file.dll"</c> is relative to the notebook. <c>display(x)</c> and printed text become the
/// cell's outputs. The run stops at the first cell that fails to compile or throws; a cell whose
/// <c>// expect: chart|picture|output</c> went unmet is reported and the run goes on.
/// </summary>
public static class NotebookRunner
{
    public static async Task<NotebookRun> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new NotebookRunOptions();
        var clock = Stopwatch.StartNew();
        var notebook = NotebookFile.Load(path);
        var folder = System.IO.Path.GetDirectoryName(notebook.Path)!;
        if (notebook.KernelSpec != NotebookFile.CSharpKernelSpec)
            throw new InvalidDataException($"{path}: kernelspec is '{notebook.KernelSpec}', not '{NotebookFile.CSharpKernelSpec}': not a .NET Interactive C# notebook");
        var props = options.PackagesProps ?? PackagePins.Find(folder) ?? System.IO.Path.Combine(RepoPaths.Root, "Directory.Packages.props");

        if (NotebookParameters.Cell(notebook) is { } parametersCell)
            parametersCell.Source = NotebookParameters.Apply(parametersCell.Source, options.Parameters);
        else if (options.Parameters.Count > 0) throw new ArgumentException($"{path} has no code cell to take parameters");

        var session = new ScriptSession(notebook.Path, PackagePins.Load(props));
        var runs = new List<CellRun>();
        var cwd = Environment.CurrentDirectory;
        try
        {
            if (options.UseNotebookFolder) Environment.CurrentDirectory = folder;
            foreach (var cell in notebook.Cells.Where(c => c.IsCode))
            {
                cancel.ThrowIfCancellationRequested();
                var run = await session.RunAsync(cell, runs.Count + 1, cancel);
                runs.Add(run);
                cell.SetOutputs(run.Outputs.Select(o => o.ToJson(run.ExecutionCount)), run.ExecutionCount);
                options.Log?.WriteLine($"  cell {cell.Index,2} {(run.Succeeded ? "ok  " : "FAIL")} {run.Elapsed.TotalSeconds,5:F1} s  {run.Outputs.Count} output(s)");
                if (run.Error != null) break;
            }
        }
        finally
        {
            if (options.UseNotebookFolder) Environment.CurrentDirectory = cwd;
        }
        return new NotebookRun(notebook.Path, notebook, runs, clock.Elapsed);
    }
}
