using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QuickDraw.Common;
using QuickDraw.Tests.Download;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Notebooks;

/// <summary>
/// CI for notebooks/: every notebook runs top to bottom in the real .NET Interactive kernel (dotnet-repl, started in
/// notebooks/ as VS Code starts its kernel) with CI-sized values injected after its parameters cell, into temporary
/// folders. A run fails on any error output, anything on stderr, a <c>// expect: chart</c> cell without an offline
/// Plotly chart, or a <c>// expect: picture</c> cell without a drawing.
/// </summary>
[Collection(NotebooksCollection.Name)]
public class RealKernelTests(ITestOutputHelper output)
{
    /// <summary>CI-sized parameters per notebook ({tmp} becomes a fresh temporary folder). 01_download runs in
    /// <see cref="The_download_notebook_fetches_from_a_mirror_when_asked"/>, which checks the same and more.</summary>
    public static TheoryData<string, string[]> Small => new()
    {
        { "02_ndjson_to_ink", ["dataRoot={tmp}", "maxClasses=3", "perClass=2", "statsDrawings=30"] },
        { "03_shards", ["dataRoot={tmp}", "trainPerClass=20", "evalPerClass=5", "shards=2"] },
        { "04_model", ["overrides=--num-conv 8 --conv-len 3 --num-layers 1 --num-nodes 8", "numClasses=10", "drawings=4"] },
        { "05_training", ["dataRoot={tmp}", "runsRoot={tmp}/runs", "doodlesPerClass=12",
                          "overrides=--device cpu --steps 6 --batch-size 8 --eval-every-steps 3 --log-every-steps 1 --num-conv 8 --conv-len 3 --num-layers 1 --num-nodes 8"] },
        { "06_compare_runs", ["runsRoot={tmp}/runs", "dataRoot={tmp}", "demoOverrides=--steps 4"] },
    };

    [Theory]
    [MemberData(nameof(Small))]
    public void Runs_clean_in_the_real_kernel_with_every_chart_drawn(string name, string[] parameters)
    {
        using var tmp = new TempDir();
        var executed = tmp.File(name + ".executed.ipynb");
        var run = KernelTools.Run(name, executed, parameters.Select(p => p.Replace("{tmp}", tmp.Path)), TimeSpan.FromMinutes(4));
        output.WriteLine($"{name}: exit {run.Code} in {run.Took.TotalSeconds:F0} s\n{run.Out}");
        Assert.True(run.Code == 0, $"{name} failed in the kernel (exit {run.Code}):\n{run.Out}\n{run.Err}");
        Assert.Equal("", run.Err);
        KernelTools.AssertEveryPromiseKept(name, executed);
    }

    [Fact]
    public async Task The_download_notebook_fetches_from_a_mirror_when_asked()
    {
        using var tmp = new TempDir();
        await using var server = new LoopbackServer();
        server.ServeBucket(new Dictionary<string, byte[]>
        {
            ["cat"] = DownloadFixtures.Ndjson("cat", 20),
            ["The Eiffel Tower"] = DownloadFixtures.Ndjson("The Eiffel Tower", 20),
            ["dog"] = DownloadFixtures.Ndjson("dog", 20),
        });
        var executed = tmp.File("01.executed.ipynb");
        var run = await Task.Run(() => KernelTools.Run("01_download", executed,
            ["fetch=true", $"source={server.Root}", "maxPerClass=5", $"outputRoot={tmp.Path}"], TimeSpan.FromMinutes(4)));
        output.WriteLine($"01_download: exit {run.Code} in {run.Took.TotalSeconds:F0} s\n{run.Out}");
        Assert.True(run.Code == 0, $"01_download failed (exit {run.Code}):\n{run.Out}\n{run.Err}");
        Assert.Equal("", run.Err);
        KernelTools.AssertEveryPromiseKept("01_download", executed);
        Assert.Equal(5, File.ReadLines(Path.Combine(tmp.Path, "simplified", "The Eiffel Tower.ndjson")).Count());
        var shown = string.Join("\n", KernelTools.CodeCells(executed).SelectMany(c => c.Outputs)
            .Select(o => KernelTools.Text(o?["data"]?["text/plain"])));
        Assert.Contains("The bucket lists 3 categories", shown);
        Assert.DoesNotContain("generated doodles", shown);               // the first look drew the downloaded drawings
    }

    [Fact]
    public void A_broken_cell_fails_the_run_and_names_the_cell()
    {
        // The check itself: an override of the wrong type is a compile error in the kernel, and the run says where.
        using var tmp = new TempDir();
        var run = KernelTools.Run("01_download", tmp.File("01.executed.ipynb"), ["maxPerClass=\"many\"", $"outputRoot={tmp.Path}"], TimeSpan.FromMinutes(4));
        Assert.Equal(1, run.Code);
        Assert.Contains("FAILED", run.Out);
        Assert.Contains("cell 2 (// Injected parameters)", run.Out);
    }

    [Fact]
    public void Every_notebook_is_a_csharp_notebook_pinned_like_the_repo()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
        var pins = Regex.Matches(props, "PackageVersion Include=\"([^\"]+)\" Version=\"([^\"]+)\"").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        pins["TorchSharp-cpu"] = Regex.Match(props, "<TorchSharpVersion>([^<]+)<").Groups[1].Value;
        var notebooks = Directory.GetFiles(KernelTools.NotebookFolder, "*.ipynb").Where(f => !f.EndsWith(".executed.ipynb") && !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Small.Select(t => (string)t[0] + ".ipynb").Prepend("01_download.ipynb"), notebooks.Select(Path.GetFileName));
        foreach (var path in notebooks)
        {
            var name = Path.GetFileName(path);
            var root = JsonNode.Parse(File.ReadAllText(path))!;
            Assert.Equal(".net-csharp", root["metadata"]?["kernelspec"]?["name"]?.GetValue<string>());
            var cells = root["cells"]!.AsArray();
            Assert.Equal("markdown", cells[0]!["cell_type"]!.GetValue<string>());              // each opens with its story
            var code = cells.Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
            Assert.Contains("parameters", (code[0]!["metadata"]?["tags"] as JsonArray)?.Select(t => t!.GetValue<string>()) ?? []);
            var sources = code.Select(c => KernelTools.Text(c!["source"])).ToList();
            foreach (Match m in Regex.Matches(string.Join("\n", sources), "#r \"nuget: *([^,\"]+), *([^\"]+)\""))
                Assert.True(pins.GetValueOrDefault(m.Groups[1].Value) == m.Groups[2].Value,
                    $"{name}: #r nuget {m.Groups[1].Value} {m.Groups[2].Value}, but Directory.Packages.props pins {pins.GetValueOrDefault(m.Groups[1].Value) ?? "nothing"}");
            Assert.Contains(sources, s => s.Contains("#r \"../lib/QuickDraw/bin/Release/net10.0/QuickDraw.dll\""));
            long outputBytes = code.Sum(c => Encoding.UTF8.GetByteCount(c!["outputs"]?.ToJsonString() ?? ""));
            Assert.True(outputBytes < 20_000, $"{name} carries {outputBytes:N0} bytes of outputs: commit notebooks cleared (run them into *.executed.ipynb)");
            Assert.All(sources, s => Assert.True(s.Split('\n').Length <= 25, $"{name} has a long cell: move logic into lib/"));
        }
    }
}
