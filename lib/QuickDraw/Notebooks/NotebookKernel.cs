using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QuickDraw.Notebooks;

/// <summary>The kernel as a process: dotnet-repl (the manifest's pinned version) in the notebook's folder, or Jupyter.</summary>
public static class NotebookKernel
{
    /// <summary>Runs <paramref name="notebook"/> in dotnet-repl started in <paramref name="folder"/>, writing the executed copy to <paramref name="output"/>.</summary>
    public static (int Code, string Stderr) Repl(string folder, string notebook, string output, CancellationToken cancel)
    {
        var (code, stdout, stderr) = Start("dotnet", folder, ["tool", "run", "dotnet-repl", "--", "--run", notebook, "--exit-after-run",
            "--output-format", "ipynb", "--output-path", output], cancel);
        if ((stdout + stderr).Contains("dotnet tool restore"))
            throw new IOException("dotnet-repl is not restored: run bash scripts/setup.sh (or dotnet tool restore)");
        if (!File.Exists(output)) throw new IOException($"dotnet-repl wrote no notebook (exit code {code}): {stderr}{stdout}".TrimEnd());
        return (code, stderr);
    }

    /// <summary>Runs <paramref name="notebook"/> through <c>jupyter nbconvert --execute</c> with the .net-csharp kernel.</summary>
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
