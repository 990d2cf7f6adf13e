#:project ../lib/QuickDraw/QuickDraw.csproj
// Run a notebook in the real .NET Interactive kernel (dotnet-repl, pinned in .config/dotnet-tools.json), from the
// notebook's own folder as VS Code does, with parameters injected after its `parameters` cell (papermill's way).
// Usage: dotnet run scripts/run-notebook.cs -- --help
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QuickDraw.Common;

var cli = new CommandLine("dotnet run scripts/run-notebook.cs -- --notebook NOTEBOOK.ipynb [--param NAME=VALUE]... [--out PATH]",
        "Runs the notebook top to bottom in the .NET Interactive kernel (dotnet-repl 0.3.259, restored by scripts/setup.sh),\n" +
        "started in the notebook's folder so its relative #r paths resolve as in VS Code, and writes the executed copy,\n" +
        "outputs included (NOTEBOOK.executed.ipynb beside it, ignored by git). Exit code 1 when a cell failed or the\n" +
        "kernel wrote to stderr. The same without this script, from notebooks/:\n" +
        "  dotnet tool run dotnet-repl -- --run 03_shards.ipynb --exit-after-run --output-format ipynb --output-path 03_shards.executed.ipynb\n" +
        "  jupyter nbconvert --to notebook --execute 03_shards.ipynb --output 03_shards.executed.ipynb")
    .Option("notebook", "the notebook to run", null, "PATH")
    .Many("param", "set a variable of the parameters cell: a string parameter takes VALUE as text, any other as C# (5, true, 1e-3, [8, 16])", "NAME=VALUE")
    .Option("out", "where to write the executed notebook (default: NOTEBOOK.executed.ipynb beside it)", null, "PATH")
    .Option("via", "repl: dotnet-repl hosts the kernel; jupyter: Jupyter runs it (jupyter nbconvert --execute with the .net-csharp kernel that scripts/setup.sh registers)", "repl", "repl|jupyter")
    .Example("dotnet run scripts/run-notebook.cs -- --notebook notebooks/03_shards.ipynb")
    .Example("dotnet run scripts/run-notebook.cs -- --notebook notebooks/05_training.ipynb --param steps=100 --param device=cpu")
    .Example("dotnet run scripts/run-notebook.cs -- --notebook notebooks/02_ndjson_to_ink.ipynb --via jupyter");

return cli.Run(args, (a, cancel) =>
{
    var notebook = Path.GetFullPath(a.Require("notebook"));
    if (!File.Exists(notebook)) throw new CommandLineException($"no notebook at {notebook}");
    var via = a.Get("via");
    if (via is not ("repl" or "jupyter")) throw new CommandLineException($"--via takes repl or jupyter, not '{via}'");
    var output = Path.GetFullPath(a.Get("out") ?? Path.ChangeExtension(notebook, null) + ".executed.ipynb");
    var folder = Path.GetDirectoryName(notebook)!;
    var lib = Path.Combine(RepoPaths.Root, "lib", "QuickDraw", "bin", "Release", "net10.0", "QuickDraw.dll");
    if (!File.Exists(lib)) { Console.Error.WriteLine($"error: the notebooks reference {lib}, which is not built: run bash scripts/setup.sh"); return 1; }

    // The kernel runs a copy with the overrides in a cell of their own, and always from the notebook's folder
    // (relative #r and data paths resolve from there). dotnet-repl takes a working folder, so its copy goes to a
    // scratch folder; Jupyter starts the kernel where the notebook is, so its copy sits beside the original
    // (a dot-file that notebooks/.gitignore ignores) for the length of the run.
    var copy = via == "repl"
        ? Path.Combine(Directory.CreateTempSubdirectory("run-notebook-").FullName, Path.GetFileName(notebook))
        : Path.Combine(folder, $".run-{Path.GetFileNameWithoutExtension(notebook)}-{Environment.ProcessId}.ipynb");
    try
    {
        File.WriteAllText(copy, NotebookParameters.Inject(File.ReadAllText(notebook), NotebookParameters.Pairs(a.Get("param"))));
        Console.WriteLine($"{Path.GetRelativePath(Environment.CurrentDirectory, notebook)}: running in the .NET Interactive kernel " +
                          $"({(via == "repl" ? "dotnet-repl" : "Jupyter, kernel .net-csharp")}) from {folder} ...");
        var clock = Stopwatch.StartNew();
        var (code, stderr) = via == "repl" ? Kernel.Repl(folder, copy, output, cancel) : Kernel.Jupyter(copy, output, cancel);
        var problems = File.Exists(output) ? ExecutedNotebook.Problems(output).ToList() : [];
        if (stderr.Length > 0) problems.Add("the kernel wrote to stderr:\n" + stderr.TrimEnd());
        if (problems.Count == 0 && code != 0) problems.Add($"{via} exited with code {code}");
        Console.WriteLine(problems.Count == 0
            ? $"  ran in {clock.Elapsed.TotalSeconds:F0} s → {output}"
            : $"  FAILED after {clock.Elapsed.TotalSeconds:F0} s (outputs → {output}):\n  " + string.Join("\n  ", problems));
        return problems.Count == 0 ? 0 : 1;
    }
    catch (ArgumentException e) { Console.Error.WriteLine($"error: {e.Message}"); return 2; }
    catch (Exception e) when (e is IOException or JsonException or InvalidDataException) { Console.Error.WriteLine($"error: {e.Message}"); return 1; }
    finally
    {
        File.Delete(copy);
        if (via == "repl") Directory.Delete(Path.GetDirectoryName(copy)!);
    }
});

/// <summary>The kernel as a process: dotnet-repl (the manifest's pinned version) in the notebook's folder, or Jupyter.</summary>
static class Kernel
{
    public static (int Code, string Stderr) Repl(string folder, string notebook, string output, CancellationToken cancel)
    {
        var (code, stdout, stderr) = Start("dotnet", folder, ["tool", "run", "dotnet-repl", "--", "--run", notebook, "--exit-after-run",
            "--output-format", "ipynb", "--output-path", output], cancel);
        if ((stdout + stderr).Contains("dotnet tool restore"))
            throw new IOException("dotnet-repl is not restored: run bash scripts/setup.sh (or dotnet tool restore)");
        if (!File.Exists(output)) throw new IOException($"dotnet-repl wrote no notebook (exit code {code}): {stderr}{stdout}".TrimEnd());
        return (code, stderr);
    }

    public static (int Code, string Stderr) Jupyter(string notebook, string output, CancellationToken cancel)
    {
        var kernels = Start("jupyter", Path.GetDirectoryName(notebook)!, ["kernelspec", "list"], cancel, missing:
            "Jupyter is not installed: run bash scripts/setup.sh (Debian's jupyter-nbconvert), or use --via repl");
        if (!kernels.Stdout.Contains(".net-csharp"))
            throw new IOException("Jupyter has no .net-csharp kernel: run bash scripts/setup.sh (or, in the repo: dotnet tool run dotnet-interactive -- jupyter install)");
        File.Delete(output);
        var (code, _, stderr) = Start("jupyter", Path.GetDirectoryName(notebook)!, ["nbconvert", "--to", "notebook", "--execute", "--log-level=WARN",
            "--ExecutePreprocessor.kernel_name=.net-csharp", "--ExecutePreprocessor.timeout=1800",
            "--output-dir", Path.GetDirectoryName(output)!, "--output", Path.GetFileName(output), notebook], cancel);
        return (code, stderr);
    }

    static (int Code, string Stdout, string Stderr) Start(string program, string folder, string[] args, CancellationToken cancel, string? missing = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(start) ?? throw new IOException($"could not start {program}"); }
        catch (System.ComponentModel.Win32Exception) { throw new IOException(missing ?? $"{program} not found"); }
        using var _ = process;
        using var kill = cancel.Register(() => process.Kill(entireProcessTree: true));
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        cancel.ThrowIfCancellationRequested();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>papermill's convention for C#: the values go into a cell tagged "injected-parameters", right after the
/// cell tagged "parameters", as assignments to the variables that cell declares.</summary>
static class NotebookParameters
{
    // `int steps = 300;   // comment` → type, name (one declaration per line, as the notebooks write them).
    static readonly Regex Declaration = new(@"^\s*(?<type>[A-Za-z_][\w.<>\[\]?, ]*?)\s+(?<name>[A-Za-z_]\w*)\s*=", RegexOptions.Multiline);

    /// <summary>"a=1,b=[8,16],c=x" (--param values, which the command line joins with commas) → pairs.</summary>
    public static List<(string Name, string Value)> Pairs(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : [.. Regex.Split(joined, @",(?=\s*[A-Za-z_]\w*=)").Select(p =>
        {
            int eq = p.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--param needs NAME=VALUE, got '{p}'");
            return (p[..eq].Trim(), p[(eq + 1)..]);
        })];

    public static string Inject(string json, List<(string Name, string Value)> values)
    {
        if (values.Count == 0) return json;
        var root = JsonNode.Parse(json)!.AsObject();
        var cells = root["cells"]!.AsArray();
        int at = cells.ToList().FindIndex(c => c?["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == "parameters"));
        if (at < 0) throw new ArgumentException("the notebook has no cell tagged 'parameters' to set");
        var declared = Declaration.Matches(Source(cells[at]!)).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value.Trim());
        var lines = values.Select(v => declared.TryGetValue(v.Name, out var type)
            ? $"{v.Name} = {(type == "string" ? Literal(v.Value) : v.Value)};"
            : throw new ArgumentException($"no parameter '{v.Name}' in the parameters cell; it declares: {string.Join(", ", declared.Keys)}"));
        cells.Insert(at + 1, new JsonObject
        {
            ["cell_type"] = "code",
            ["id"] = "injected-parameters",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject
            {
                ["tags"] = new JsonArray("injected-parameters"),
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            },
            ["outputs"] = new JsonArray(),
            ["source"] = "// Injected parameters\n" + string.Join("\n", lines),
        });
        return root.ToJsonString();
    }

    public static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
}

/// <summary>What went wrong in an executed notebook: error outputs and stderr streams, each with its cell.</summary>
static class ExecutedNotebook
{
    public static IEnumerable<string> Problems(string path)
    {
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
        {
            var firstLine = NotebookParameters.Source(cells[i]!).Split('\n')[0];
            foreach (var o in cells[i]!["outputs"] as JsonArray ?? [])
            {
                var kind = o?["output_type"]?.GetValue<string>();
                if (kind == "error")
                    yield return $"cell {i} ({firstLine}): {o!["ename"]}: {o["evalue"]}";
                else if (kind == "stream" && o?["name"]?.GetValue<string>() == "stderr")
                    yield return $"cell {i} ({firstLine}) wrote to stderr: {NotebookParameters.Source(new JsonObject { ["source"] = o["text"]?.DeepClone() })}".TrimEnd();
            }
        }
    }
}
