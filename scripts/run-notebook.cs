#:project ../lib/QuickDraw/QuickDraw.csproj
// Run a notebook in the real .NET Interactive kernel (dotnet-repl, pinned in .config/dotnet-tools.json), from the
// notebook's own folder as VS Code does, with parameters injected after its `parameters` cell (papermill's way).
// Usage: dotnet run scripts/run-notebook.cs -- --help
using QuickDraw.Common;
using QuickDraw.Notebooks;

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
    .Example("dotnet run scripts/run-notebook.cs -- --notebook notebooks/05_training.ipynb --param \"overrides=--steps 100 --device cpu\"")
    .Example("dotnet run scripts/run-notebook.cs -- --notebook notebooks/02_ndjson_to_ink.ipynb --via jupyter");

return cli.Run(args, (a, cancel) =>
    new NotebookRun(a.Require("notebook"), NotebookParameters.Pairs(a.Get("param")), a.Get("out"), a.Get("via")!).Run(cancel));
