using System.Diagnostics;
using System.Text.RegularExpressions;
using QuickDraw.Experiments;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Notebooks;

/// <summary>A [Fact] skipped, with the reason, when Jupyter or its .net-csharp kernel is missing (scripts/setup.sh
/// installs Debian's jupyter-nbconvert and registers the kernel as root on Debian).</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute()
    {
        if (JupyterRouteTests.Missing() is { } why) Skip = why;
    }
}

/// <summary>
/// The route VS Code's Polyglot deprecation notice points to: Jupyter itself runs a notebook with the .NET Interactive
/// kernel that `dotnet interactive jupyter install` registers (.net-csharp); nbconvert renders the executed notebook
/// to HTML and headless Chromium must draw its chart (Plotly's SVG inside the chart's div), as a person would see it.
/// </summary>
[Collection(NotebooksCollection.Name)]
public class JupyterRouteTests(ITestOutputHelper output)
{
    [JupyterFact]
    public void Jupyter_runs_a_notebook_in_the_net_csharp_kernel_and_the_page_draws_its_chart()
    {
        using var tmp = new TempDir();
        var executed = tmp.File("02_ndjson_to_ink.executed.ipynb");
        var run = KernelTools.Run("02_ndjson_to_ink", executed, [$"dataRoot={tmp.Path}", "maxClasses=3", "perClass=2", "statsDrawings=30"],
            TimeSpan.FromMinutes(4), via: "jupyter");
        output.WriteLine($"02 via Jupyter: exit {run.Code} in {run.Took.TotalSeconds:F0} s\n{run.Out}");
        Assert.True(run.Code == 0, $"Jupyter failed (exit {run.Code}):\n{run.Out}\n{run.Err}");
        Assert.Equal("", run.Err);
        KernelTools.AssertEveryPromiseKept("02_ndjson_to_ink (Jupyter)", executed);
        Assert.Empty(Directory.GetFiles(KernelTools.NotebookFolder, ".run-*"));                 // the run's copy is gone

        var page = Html(executed, tmp.Path);
        var dom = HeadlessChromium.DumpDom(page, virtualTimeMs: 20_000);
        var charts = Regex.Matches(File.ReadAllText(page), "Plotly.newPlot\\('([^']+)'").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(charts);
        foreach (var id in charts)   // plotly.js marks the div it drew into and puts its SVG inside
            Assert.Matches($"<div id=\"{Regex.Escape(id)}\"[^>]*class=\"[^\"]*js-plotly-plot[^>]*>.*?class=\"main-svg\"", Regex.Replace(dom, "\\s+", " "));
    }

    /// <summary>`jupyter nbconvert --to html`, as a person would export the executed notebook.</summary>
    internal static string Html(string executed, string folder)
    {
        var psi = new ProcessStartInfo("jupyter") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "nbconvert", "--to", "html", "--log-level=WARN", "--output-dir", folder, executed }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "nbconvert --to html hung");
        Assert.True(p.ExitCode == 0, $"nbconvert --to html failed: {err.Result}");
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(executed) + ".html");
    }

    /// <summary>Why the Jupyter route cannot run here, or null.</summary>
    public static string? Missing()
    {
        try
        {
            var psi = new ProcessStartInfo("jupyter") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "kernelspec", "list" }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var list = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) return "jupyter kernelspec is missing (Debian: apt-get install jupyter-nbconvert jupyter-client; scripts/setup.sh does it as root)";
            return list.Contains(".net-csharp") ? null : "Jupyter has no .net-csharp kernel (scripts/setup.sh registers it: dotnet tool run dotnet-interactive -- jupyter install)";
        }
        catch (System.ComponentModel.Win32Exception) { return "Jupyter is not installed (Debian: apt-get install jupyter-nbconvert jupyter-client; scripts/setup.sh does it as root)"; }
    }
}
