using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QuickDraw.Common;

namespace QuickDraw.Tests.Notebooks;

/// <summary>The notebook tests start real kernels (each uses both cores for a while): they run alone, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebooksCollection
{
    public const string Name = "Notebooks";
}

/// <summary>The .NET Interactive tools pinned in .config/dotnet-tools.json (restored by scripts/setup.sh), and the
/// notebooks run through scripts/run-notebook.cs, which starts dotnet-repl in the notebook's folder.</summary>
public static class KernelTools
{
    public static string NotebookFolder => Path.Combine(RepoPaths.Root, "notebooks");

    /// <summary>Tool id → pinned version, from the manifest.</summary>
    public static Dictionary<string, string> Pins()
    {
        var tools = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, ".config", "dotnet-tools.json")))!["tools"]!.AsObject();
        return tools.ToDictionary(t => t.Key, t => t.Value!["version"]!.GetValue<string>());
    }

    /// <summary>Where `dotnet tool restore` put a pinned tool's files (the NuGet packages folder).</summary>
    public static string? ToolFolder(string id)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(packages, id.ToLowerInvariant(), Pins()[id], "tools");
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>The FSharp.Core.dll each pinned kernel ships (the one Plotly.NET gets inside it).</summary>
    public static List<string> FSharpCores() =>
        [.. Pins().Keys.Select(ToolFolder).OfType<string>().SelectMany(f => Directory.GetFiles(f, "FSharp.Core.dll", SearchOption.AllDirectories))];

    /// <summary>Runs notebooks/NAME.ipynb through scripts/run-notebook.cs with "name=value" parameters into
    /// <paramref name="executed"/>; returns its exit code and output.</summary>
    public static (int Code, string Out, string Err, TimeSpan Took) Run(string name, string executed, IEnumerable<string> parameters, TimeSpan timeout, string via = "repl")
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", Path.Combine("scripts", "run-notebook.cs"), "--", "--notebook", Path.Combine(NotebookFolder, name + ".ipynb"), "--out", executed, "--via", via })
            psi.ArgumentList.Add(a);
        foreach (var p in parameters) { psi.ArgumentList.Add("--param"); psi.ArgumentList.Add(p); }
        psi.Environment["NO_COLOR"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{name} ran over {timeout.TotalMinutes:F0} minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    /// <summary>The code cells of an executed notebook: source and outputs.</summary>
    public static List<(int Index, string Source, JsonArray Outputs)> CodeCells(string path)
    {
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        return [.. cells.Select((c, i) => (c, i)).Where(x => x.c!["cell_type"]!.GetValue<string>() == "code")
            .Select(x => (x.i, Text(x.c!["source"]), x.c!["outputs"] as JsonArray ?? []))];
    }

    /// <summary>nbformat's multi-line text: a string or a list of lines.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    /// <summary>The text/html of each of a cell's display outputs.</summary>
    public static IEnumerable<string> Html(JsonArray outputs) =>
        outputs.Select(o => o?["data"]?["text/html"]).Where(h => h != null).Select(Text);

    /// <summary>An interactive Plotly chart that works offline: a div, plotly.js itself (not a CDN link), and the
    /// call that draws into that div.</summary>
    public static bool IsOfflinePlotlyChart(string html)
    {
        var div = Regex.Match(html, "<div id=\"([^\"]+)\"");
        return div.Success
            && html.Length > 1_000_000 && html.Contains("plotly.js v", StringComparison.Ordinal)  // the library itself, embedded
            && !Regex.IsMatch(html, "<script[^>]+src=\"https?://", RegexOptions.IgnoreCase)   // not a CDN link
            && html.Contains($"Plotly.newPlot('{div.Groups[1].Value}'", StringComparison.Ordinal);
    }

    /// <summary>Every code cell ran without an error or stderr, and every promised chart and picture is there.</summary>
    public static void AssertEveryPromiseKept(string name, string executed)
    {
        var cells = CodeCells(executed);
        foreach (var (index, source, outputs) in cells)
        {
            foreach (var o in outputs)
            {
                var kind = o?["output_type"]?.GetValue<string>();
                Assert.False(kind == "error", $"{name} cell {index}: {o?["ename"]}: {o?["evalue"]}");
                Assert.False(kind == "stream" && o?["name"]?.GetValue<string>() == "stderr", $"{name} cell {index} wrote to stderr: {Text(o?["text"])}");
            }
            var html = Html(outputs).ToList();
            if (source.Contains("// expect: chart"))
                Assert.True(html.Any(IsOfflinePlotlyChart), $"{name} cell {index} shows no offline Plotly chart");
            if (source.Contains("// expect: picture"))
                Assert.True(html.Any(h => h.Contains("<svg") && (h.Contains("<polyline") || h.Contains("<path"))), $"{name} cell {index} shows no drawing");
        }
        Assert.Contains(cells, c => c.Source.StartsWith("// Injected parameters"));
        Assert.True(cells.Count(c => c.Outputs.Count > 0) >= 3, $"{name}: hardly anything ran");
    }
}
