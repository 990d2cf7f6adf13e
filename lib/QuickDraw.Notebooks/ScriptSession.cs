using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using QuickDraw.Display;

namespace QuickDraw.Notebooks;

/// <summary>
/// One notebook's Roslyn scripting session, as the .NET Interactive C# kernel keeps one: the first cell starts it
/// (<c>CSharpScript.RunAsync</c>), each next cell continues it (<c>ContinueWithAsync</c>) with the references
/// gathered so far. Printed text (Console.Out and Console.Error) is captured per cell.
/// </summary>
sealed class ScriptSession(string notebookPath, PackagePins pins)
{
    // The kernel imports a few namespaces by default; notebooks write the others out.
    static readonly string[] Imports = ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    readonly string folder = Path.GetDirectoryName(notebookPath)!;
    readonly PackageAssemblies packages = new(pins);
    readonly NotebookGlobals globals = new();
    ScriptOptions options = ScriptOptions.Default.WithReferences(FrameworkReferences()).WithImports(Imports)
        .WithFilePath(notebookPath).WithEmitDebugInformation(false);
    ScriptState<object>? state;

    public async Task<CellRun> RunAsync(NotebookCell cell, int executionCount, CancellationToken cancel)
    {
        var outputs = new CellOutputs();
        var clock = Stopwatch.StartNew();
        var (stdout, stderr) = (Console.Out, Console.Error);
        var expectations = new List<Expectation>();
        string? error = null;
        globals.Current = outputs;
        Console.SetOut(outputs);
        Console.SetError(outputs);
        try
        {
            var code = Prepare(cell, out error);
            if (code != null)
            {
                expectations.AddRange(code.Expectations);
                state = state == null
                    ? await CSharpScript.RunAsync(code.Code, options, globals, typeof(NotebookGlobals), cancel)
                    : await state.ContinueWithAsync(code.Code, options, cancel);
                if (state.ReturnValue != null) outputs.Add("execute_result", state.ReturnValue);
            }
        }
        catch (CompilationErrorException e)
        {
            error = "does not compile:\n" + string.Join("\n", e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
            error = $"{inner.GetType().Name}: {inner.Message}\n{ScriptFrames(inner)}".TrimEnd();
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            globals.Current = null;
        }
        if (error != null) outputs.AddError("Error", error);
        var all = outputs.All;
        return new CellRun(cell.Index, executionCount, clock.Elapsed, all, error, error == null ? Check(all, expectations) : []);
    }

    // The cell's C#, with its #r references added to the session; null (and the reason) when its directives are wrong.
    CellCode? Prepare(NotebookCell cell, out string? error)
    {
        error = null;
        try
        {
            if (cell.KernelName is { } kernel && kernel != "csharp")
                throw new CellDirectiveException($"the cell's kernel is '{kernel}': notebooks/ cells are C# (polyglot_notebook.kernelName = \"csharp\")");
            var code = CellCode.Parse(cell.Source);
            options = options.AddReferences(References(code));
            return code;
        }
        catch (Exception e) when (e is CellDirectiveException or PackagePinException or FileNotFoundException)
        {
            error = e.Message;
            return null;
        }
    }

    IEnumerable<MetadataReference> References(CellCode code)
    {
        var files = new List<string>();
        foreach (var (id, version) in code.Packages)
            files.AddRange(packages.Resolve(pins.Check(id, version), version!));
        foreach (var relative in code.Assemblies)
        {
            var file = Path.GetFullPath(Path.Combine(folder, relative));
            if (!File.Exists(file))
                throw new FileNotFoundException($"#r \"{relative}\": no such file ({file}). Build the lib first: bash scripts/setup.sh (Release build).", file);
            // The runner's own copy (same assembly, loaded already) stands in for the file: one copy per process.
            files.Add(PackageAssemblies.HostAssemblies.GetValueOrDefault(Path.GetFileNameWithoutExtension(file), file));
        }
        return files.Distinct().Select(f => MetadataReference.CreateFromFile(f));
    }

    /// <summary>The broken promises of a cell's outputs.</summary>
    static IReadOnlyList<string> Check(IReadOnlyList<CellOutput> outputs, IReadOnlyList<Expectation> expectations)
    {
        var problems = new List<string>();
        foreach (var o in outputs.Where(o => o.Value is Html { Kind: not HtmlKind.Html } && o.IsEmpty))
            problems.Add($"a displayed {((Html)o.Value!).Kind.ToString().ToLowerInvariant()} shows nothing (no drawings or no data points)");
        bool Any(Func<CellOutput, bool> test) => outputs.Any(o => !o.IsEmpty && test(o));
        foreach (var e in expectations.Distinct())
        {
            bool met = e switch
            {
                Expectation.Chart => Any(o => o.Value is Html { Kind: HtmlKind.Chart }),
                Expectation.Picture => Any(o => o.Value is Html { Kind: HtmlKind.Picture or HtmlKind.Chart }),
                _ => Any(o => o.Kind != "error"),
            };
            if (!met) problems.Add($"'// expect: {e.ToString().ToLowerInvariant()}' but the cell displayed no {(e == Expectation.Output ? "output" : e == Expectation.Chart ? "chart with data" : "picture")}");
        }
        return problems;
    }

    // The shared framework, as the kernel references it: every assembly of the running runtime's folder.
    static IEnumerable<MetadataReference> FrameworkReferences()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        return PackageAssemblies.HostAssemblies.Values.Where(p => p.StartsWith(runtime, StringComparison.Ordinal))
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
    }

    static string Describe(Diagnostic d) =>
        $"line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    // The stack frames inside the notebook's cells and the lib, without Roslyn's and the runtime's machinery.
    static string ScriptFrames(Exception e) => string.Join("\n", (e.StackTrace ?? "").Split('\n')
        .Select(l => l.TrimEnd()).Where(l => l.Contains("Submission#") || l.Contains(" QuickDraw.")).Take(12));
}
