using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace QuickDraw.Experiments.Slurm;

/// <summary>
/// The published task program (<c>lib/QuickDraw.SweepTask</c>) that every array task runs: <c>dotnet publish</c>ed
/// once, self-contained for linux-x64 (compute nodes need no .NET), into
/// <c>artifacts/sweep-task/&lt;backend&gt;-&lt;hash of the sources&gt;/</c>. The same sources reuse the same
/// folder; changed sources publish a new one, so tasks still running keep the build they started with.
/// </summary>
public sealed class SweepTaskBuild(string repoRoot)
{
    /// <summary>The project that is published.</summary>
    public string Project => Path.Combine(repoRoot, "lib", "QuickDraw.SweepTask", "QuickDraw.SweepTask.csproj");

    /// <summary>The published program's folder for <paramref name="backend"/> ("cpu" or "cuda") and the current sources.</summary>
    public string Folder(string backend) => Path.Combine(repoRoot, "artifacts", "sweep-task", $"{backend}-{SourceHash()}");

    /// <summary>The program itself (what the batch script runs).</summary>
    public string App(string backend) => Path.Combine(Folder(backend), "QuickDraw.SweepTask");

    /// <summary>Whether <see cref="Folder"/> holds a finished publish.</summary>
    public bool IsPublished(string backend) => File.Exists(Path.Combine(Folder(backend), ".published"));

    /// <summary>Publishes unless this build exists already; returns the program's path.</summary>
    public string Publish(string backend, Action<string>? say = null)
    {
        if (!File.Exists(Project)) throw new FileNotFoundException($"{Project} is missing: the task program is part of the repository (lib/QuickDraw.SweepTask)", Project);
        var folder = Folder(backend);
        if (IsPublished(backend)) return App(backend);
        var staging = folder + $".tmp{Environment.ProcessId}";
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        say?.Invoke($"publishing the task program (dotnet publish, {backend}, self-contained) → {folder}");
        var clock = Stopwatch.StartNew();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repoRoot };
        foreach (var a in new[] { "publish", Project, "-c", "Release", "-r", "linux-x64", "--self-contained", $"-p:TorchBackend={backend}", "-o", staging, "-nologo", "-v", "q", "-clp:ErrorsOnly" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new Common.ExternalToolException("could not start dotnet publish");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new Common.ExternalToolException($"dotnet publish of the task program failed (exit {p.ExitCode}): {(stdout.Result + stderr.Result).Trim().Split('\n').FirstOrDefault()}" +
                (backend == "cuda" ? " (the cuda backend needs TorchSharp-cuda-linux from nuget.org)" : ""));
        File.WriteAllText(Path.Combine(staging, ".published"), $"published {DateTimeOffset.UtcNow:u} in {clock.Elapsed.TotalSeconds:F0} s\n");
        try { Directory.Move(staging, folder); }
        catch (IOException) when (IsPublished(backend)) { Directory.Delete(staging, true); } // another submission published it meanwhile
        say?.Invoke($"published in {clock.Elapsed.TotalSeconds:F0} s");
        Prune(backend, folder);
        return App(backend);
    }

    /// <summary>How many published builds per backend are kept (≈ 600 MB each, libtorch included): the newest.</summary>
    public const int Kept = 3;

    // Older builds go (tasks submitted that many source versions ago are long done); so do staging folders of crashed publishes.
    void Prune(string backend, string current)
    {
        var parent = Path.GetDirectoryName(current)!;
        var builds = Directory.GetDirectories(parent, $"{backend}-*");
        var stale = builds.Where(d => d.Contains(".tmp") && Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow.AddHours(-1));
        var old = builds.Where(d => d != current && File.Exists(Path.Combine(d, ".published")))
            .OrderByDescending(d => File.GetLastWriteTimeUtc(Path.Combine(d, ".published"))).Skip(Kept - 1);
        foreach (var d in stale.Concat(old))
            try { Directory.Delete(d, true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>12 hex digits of SHA-256 over the sources the task program is built from (paths and contents).</summary>
    public string SourceHash()
    {
        var files = new List<string>();
        foreach (var dir in new[] { Path.Combine("lib", "QuickDraw"), Path.Combine("lib", "QuickDraw.SweepTask") })
        {
            var full = Path.Combine(repoRoot, dir);
            if (!Directory.Exists(full)) continue;
            files.AddRange(Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj"))
                .Where(f => !Path.GetRelativePath(full, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")));
        }
        files.AddRange(new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }.Select(f => Path.Combine(repoRoot, f)).Where(File.Exists));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files.Select(f => Path.GetRelativePath(repoRoot, f)).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(f.Replace('\\', '/') + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(repoRoot, f)));
        }
        return Convert.ToHexString(sha.GetHashAndReset())[..12].ToLowerInvariant();
    }
}
