using System.Diagnostics;

namespace QuickDraw.Experiments;

/// <summary>
/// Renders HTML in headless Chromium: the DOM after scripts ran (to check that a report draws its charts)
/// and screenshots (the PNG of a report's main chart, for READMEs). Each call uses a fresh profile folder.
/// Chromium is found on PATH (or at $CHROMIUM); <see cref="EnsureInstalled"/> installs Debian's package
/// when it is missing and we are root.
/// </summary>
public static class HeadlessChromium
{
    static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    const string InstallCommand = "sudo apt-get install -y chromium";

    /// <summary>The browser's path: $CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH; null when none.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(env)) return File.Exists(env) ? env : null;
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(n => dirs.Select(d => Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }

    /// <summary>The browser's path, installing Debian's <c>chromium</c> package first when it is missing and
    /// this process is root on Debian/Ubuntu; otherwise throws with the command that installs it.</summary>
    public static string EnsureInstalled(Action<string>? say = null)
    {
        if (Find() is { } found) return found;
        bool canInstall = OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess && File.Exists("/etc/debian_version") && File.Exists("/usr/bin/apt-get");
        if (!canInstall)
            throw new InvalidOperationException($"headless Chromium is needed to render the report (for its PNG and its check) but was not found: install it ({InstallCommand} on Debian/Ubuntu) or set CHROMIUM=/path/to/chrome");
        say?.Invoke("installing Debian's chromium package (apt-get install -y chromium)...");
        var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var install = Run("/usr/bin/apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], TimeSpan.FromMinutes(10), env);
        if (install.Exit != 0)
        {
            Run("/usr/bin/apt-get", ["update", "-qq"], TimeSpan.FromMinutes(5), env);
            install = Run("/usr/bin/apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], TimeSpan.FromMinutes(10), env);
        }
        return Find() ?? throw new InvalidOperationException($"apt-get install chromium failed (exit {install.Exit}): {Tail(install.Stderr)}");
    }

    /// <summary>The page's DOM after its scripts ran (<paramref name="virtualTimeMs"/> of virtual time).</summary>
    public static string DumpDom(string htmlFile, int virtualTimeMs = 10_000)
    {
        var r = Browse(htmlFile, [$"--virtual-time-budget={virtualTimeMs}", "--dump-dom"], null);
        if (r.Exit != 0 || r.Stdout.Length == 0) throw new InvalidOperationException($"chromium --dump-dom {htmlFile} failed (exit {r.Exit}): {Tail(r.Stderr)}");
        return r.Stdout;
    }

    /// <summary>Writes a PNG of the page's first <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static void Screenshot(string htmlFile, string pngFile, int width = 1200, int height = 800, int virtualTimeMs = 10_000)
    {
        var png = Path.GetFullPath(pngFile);
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.Delete(png);
        var r = Browse(htmlFile, [$"--virtual-time-budget={virtualTimeMs}", $"--window-size={width},{height}", "--hide-scrollbars", $"--screenshot={png}"], null);
        if (r.Exit != 0 || !File.Exists(png)) throw new InvalidOperationException($"chromium --screenshot {htmlFile} failed (exit {r.Exit}): {Tail(r.Stderr)}");
    }

    static (int Exit, string Stdout, string Stderr) Browse(string htmlFile, string[] args, Dictionary<string, string>? env)
    {
        var exe = EnsureInstalled();
        var profile = Directory.CreateTempSubdirectory("qd-chromium-").FullName;
        try
        {
            string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-dev-shm-usage", "--allow-file-access-from-files", $"--user-data-dir={profile}"];
            return Run(exe, [.. common, .. args, new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri], TimeSpan.FromSeconds(120), env);
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static (int Exit, string Stdout, string Stderr) Run(string exe, IEnumerable<string> args, TimeSpan timeout, Dictionary<string, string>? env)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? []) psi.Environment[k] = v;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(exe)} did not finish in {timeout.TotalSeconds:N0} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    static string Tail(string s) => s.Length <= 800 ? s.Trim() : "..." + s[^800..].Trim();
}
