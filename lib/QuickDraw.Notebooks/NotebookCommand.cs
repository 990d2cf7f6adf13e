namespace QuickDraw.Notebooks;

/// <summary>
/// <c>dotnet run scripts/run-notebook.cs -- notebooks/03_shards.ipynb [--param name=value]... [--out path]</c>:
/// runs notebooks for people without VS Code, writing each one's outputs into a copy
/// (<c>&lt;name&gt;.executed.ipynb</c> beside it, ignored by git).
/// </summary>
public static class NotebookCommand
{
    public const string Usage = """
        usage: dotnet run scripts/run-notebook.cs -- NOTEBOOK.ipynb [NOTEBOOK.ipynb ...] [options]

        Runs each notebook top to bottom with Roslyn scripting (the engine of the .NET Interactive C# kernel that
        VS Code's Polyglot Notebooks use) and writes its outputs (text, drawings, charts) into a copy of it:
        NOTEBOOK.executed.ipynb, beside it. Build the lib first: bash scripts/setup.sh.

        options:
          --param NAME=VALUE   override a variable of the notebook's parameters cell (repeatable); a string
                               parameter takes VALUE as text, any other takes it as C# (5, true, 1e-3)
          --out PATH           where to write the executed copy (one notebook only)
          --no-save            run only; write no copy
          --help               show this help

        examples:
          dotnet run scripts/run-notebook.cs -- notebooks/03_shards.ipynb
          dotnet run scripts/run-notebook.cs -- notebooks/05_training.ipynb --param steps=300 --param device=cpu
          dotnet run scripts/run-notebook.cs -- notebooks/*.ipynb
        """;

    /// <summary>Runs the command; returns the exit code (0 all ran, 1 a cell failed, 2 a bad command line).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter errors, CancellationToken cancel = default)
    {
        var notebooks = new List<string>();
        var parameters = new Dictionary<string, string>();
        string? outPath = null;
        bool save = true;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "-h" or "--help": output.Write(Usage); return 0;
                    case "--param": var (name, value) = NotebookParameters.ParsePair(Value()); parameters[name] = value; break;
                    case "--out": outPath = Value(); break;
                    case "--no-save": save = false; break;
                    case var a when a.StartsWith("--"): throw new ArgumentException($"unknown option {a} (see --help)");
                    default: notebooks.Add(args[i]); break;
                }
            }
            if (notebooks.Count == 0) throw new ArgumentException("name a notebook to run, e.g. notebooks/03_shards.ipynb (see --help)");
            if (outPath != null && notebooks.Count > 1) throw new ArgumentException("--out takes one notebook; with several, each copy goes beside its notebook");
        }
        catch (ArgumentException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return 2;
        }

        bool allRan = true;
        foreach (var path in notebooks)
        {
            output.WriteLine($"{path}:");
            NotebookRun run;
            try
            {
                run = NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = parameters, Log = output }, cancel).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException or PackagePinException)
            {
                errors.WriteLine($"error: {e.Message}");
                allRan = false;
                continue;
            }
            var copy = outPath ?? ExecutedPath(path);
            if (save) run.Executed.Save(copy);
            output.WriteLine(run.Succeeded
                ? $"  ran {run.Cells.Count} code cells in {run.Elapsed.TotalSeconds:F1} s{(save ? $" → {copy}" : "")}"
                : $"  FAILED{(save ? $" (outputs so far → {copy})" : "")}:\n{run.Failures}");
            allRan &= run.Succeeded;
        }
        return allRan ? 0 : 1;
    }

    /// <summary>notebooks/03_shards.ipynb → notebooks/03_shards.executed.ipynb.</summary>
    public static string ExecutedPath(string notebook) =>
        Path.Combine(Path.GetDirectoryName(notebook) ?? "", Path.GetFileNameWithoutExtension(notebook) + ".executed.ipynb");
}
