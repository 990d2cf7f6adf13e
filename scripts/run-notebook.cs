#:project ../lib/QuickDraw.Notebooks/QuickDraw.Notebooks.csproj
// Run notebooks/ *.ipynb top to bottom without VS Code; the outputs go into a copy (<name>.executed.ipynb).
// Usage: dotnet run scripts/run-notebook.cs -- --help
using QuickDraw.Notebooks;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return NotebookCommand.Run(args, Console.Out, Console.Error, cancel.Token);
