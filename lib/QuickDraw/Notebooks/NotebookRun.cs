using System.Diagnostics;
using System.Text.Json;
using QuickDraw.Common;

namespace QuickDraw.Notebooks;

/// <summary>
/// What run-notebook.cs does, as one call: runs a notebook top to bottom in the real .NET Interactive kernel
/// (dotnet-repl, or Jupyter with the .net-csharp kernel) from the notebook's own folder, as VS Code does, with
/// parameters injected after its <c>parameters</c> cell (papermill's way), and reports every error output and
/// stderr stream with its cell.
/// </summary>
/// <param name="Notebook">The notebook to run.</param>
/// <param name="Parameters">Values for variables of its parameters cell (a string takes the text; others are C#).</param>
/// <param name="Output">Where the executed copy goes (null: NOTEBOOK.executed.ipynb beside it).</param>
/// <param name="Via">"repl" (dotnet-repl hosts the kernel) or "jupyter".</param>
public sealed record NotebookRun(string Notebook, IReadOnlyList<(string Name, string Value)> Parameters, string? Output = null, string Via = "repl")
{
    /// <summary>Runs it; returns 0 when every cell ran clean, 1 when one failed or the kernel wrote to stderr. A bad
    /// parameter is a <see cref="CommandLineException"/>; a missing kernel or tool an <see cref="IOException"/>.</summary>
    public int Run(CancellationToken cancel = default)
    {
        var via = Via;
        var notebook = Path.GetFullPath(Notebook);
        if (!File.Exists(notebook)) throw new CommandLineException($"no notebook at {notebook}");
        if (via is not ("repl" or "jupyter")) throw new CommandLineException($"--via takes repl or jupyter, not '{via}'");
        var output = Path.GetFullPath(Output ?? Path.ChangeExtension(notebook, null) + ".executed.ipynb");
        var folder = Path.GetDirectoryName(notebook)!;
        var lib = Path.Combine(RepoPaths.Root, "lib", "QuickDraw", "bin", "Release", "net10.0", "QuickDraw.dll");
        if (!File.Exists(lib)) throw new ActionableException("the library the notebooks reference is not built", lib, "run bash scripts/setup.sh");

        // The kernel runs a copy with the overrides in a cell of their own, and always from the notebook's folder
        // (relative #r and data paths resolve from there). dotnet-repl takes a working folder, so its copy goes to a
        // scratch folder; Jupyter starts the kernel where the notebook is, so its copy sits beside the original
        // (a dot-file that notebooks/.gitignore ignores) for the length of the run.
        var copy = via == "repl"
            ? Path.Combine(Directory.CreateTempSubdirectory("run-notebook-").FullName, Path.GetFileName(notebook))
            : Path.Combine(folder, $".run-{Path.GetFileNameWithoutExtension(notebook)}-{Environment.ProcessId}.ipynb");
        try
        {
            File.WriteAllText(copy, NotebookParameters.Inject(File.ReadAllText(notebook), [.. Parameters]));
            Console.WriteLine($"{Path.GetRelativePath(Environment.CurrentDirectory, notebook)}: running in the .NET Interactive kernel " +
                              $"({(via == "repl" ? "dotnet-repl" : "Jupyter, kernel .net-csharp")}) from {folder} ...");
            var clock = Stopwatch.StartNew();
            var (code, stderr) = via == "repl" ? NotebookKernel.Repl(folder, copy, output, cancel) : NotebookKernel.Jupyter(copy, output, cancel);
            var problems = File.Exists(output) ? ExecutedNotebook.Problems(output).ToList() : [];
            if (stderr.Length > 0) problems.Add("the kernel wrote to stderr:\n" + stderr.TrimEnd());
            if (problems.Count == 0 && code != 0) problems.Add($"{via} exited with code {code}");
            Console.WriteLine(problems.Count == 0
                ? $"  ran in {clock.Elapsed.TotalSeconds:F0} s → {output}"
                : $"  FAILED after {clock.Elapsed.TotalSeconds:F0} s (outputs → {output}):\n  " + string.Join("\n  ", problems));
            return problems.Count == 0 ? 0 : 1;
        }
        catch (JsonException e) { throw new InvalidDataException($"{notebook} is not a notebook (JSON): {e.Message}", e); }
        finally
        {
            File.Delete(copy);
            if (via == "repl") Directory.Delete(Path.GetDirectoryName(copy)!);
        }
    }
}
