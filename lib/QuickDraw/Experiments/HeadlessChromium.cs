using System.Diagnostics;

namespace QuickDraw.Experiments;

/// <summary>
/// Renders HTML in headless Chromium: the DOM after scripts ran (to check that a report draws its charts)
/// and screenshots (the PNG of a report's main chart, for READMEs). Each call uses a fresh profile folder.
/// Chromium is found on PATH (or at $CHROMIUM); scripts/setup.sh installs Debian's package.
/// </summary>
public static class HeadlessChromium
{
    static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser's path: $CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH; null when none.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(env)) return File.Exists(env) ? env : null;
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(n => dirs.Select(d => Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }

    /// <summary>The browser's path; throws, saying how to install it, when there is none.</summary>
    public static string Require() => Find() ?? throw new Common.ExternalToolException(
        "headless Chromium is needed to render the page (for its PNG and its check) but was not found: run bash scripts/setup.sh " +
        "(it installs Debian's chromium), install chromium yourself, or set CHROMIUM=/path/to/chrome");

    /// <summary>The page's DOM after its scripts ran (<paramref name="virtualTimeMs"/> of virtual time).</summary>
    public static string DumpDom(string htmlFile, int virtualTimeMs = 10_000)
    {
        var r = Browse(htmlFile, [$"--virtual-time-budget={virtualTimeMs}", "--dump-dom"], null);
        if (r.Exit != 0 || r.Stdout.Length == 0) throw new Common.ExternalToolException($"chromium --dump-dom {htmlFile} failed (exit {r.Exit}): {Tail(r.Stderr)}");
        return r.Stdout;
    }

    /// <summary>Writes a PNG of the page's first <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static void Screenshot(string htmlFile, string pngFile, int width = 1200, int height = 800, int virtualTimeMs = 10_000)
    {
        var png = Path.GetFullPath(pngFile);
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.Delete(png);
        var r = Browse(htmlFile, [$"--virtual-time-budget={virtualTimeMs}", $"--window-size={width},{height}", "--hide-scrollbars", $"--screenshot={png}"], null);
        if (r.Exit != 0 || !File.Exists(png)) throw new Common.ExternalToolException($"chromium --screenshot {htmlFile} failed (exit {r.Exit}): {Tail(r.Stderr)}");
    }

    static (int Exit, string Stdout, string Stderr) Browse(string htmlFile, string[] args, Dictionary<string, string>? env)
    {
        var exe = Require();
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
        using var p = Process.Start(psi) ?? throw new Common.ExternalToolException($"could not start {exe}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new Common.ExternalToolException($"{Path.GetFileName(exe)} did not finish in {timeout.TotalSeconds:N0} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    static string Tail(string s) => s.Length <= 800 ? s.Trim() : "..." + s[^800..].Trim();
}
