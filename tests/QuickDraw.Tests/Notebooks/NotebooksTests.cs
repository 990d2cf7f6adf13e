using System.Text;
using QuickDraw.Common;
using QuickDraw.Notebooks;
using QuickDraw.Tests.Download;

namespace QuickDraw.Tests.Notebooks;

/// <summary>
/// CI for notebooks/: every notebook runs top to bottom on tiny data (generated doodles, a few training steps, a tiny
/// model), into temporary folders, and must finish with no cell error and every promised picture and chart shown.
/// </summary>
[Collection("Notebooks")]
public class NotebooksTests
{
    static string Folder => Path.Combine(RepoPaths.Root, "notebooks");

    /// <summary>Tiny parameters per notebook ({tmp} becomes a fresh temporary folder).</summary>
    public static TheoryData<string, string[]> Tiny => new()
    {
        { "01_download", ["outputRoot={tmp}/quickdraw"] },
        { "02_ndjson_to_ink", ["dataRoot={tmp}", "maxClasses=3", "perClass=2", "statsDrawings=30"] },
        { "03_shards", ["dataRoot={tmp}", "trainPerClass=20", "evalPerClass=5", "shards=2"] },
        { "04_model", ["numConv=[8]", "convLen=[3]", "numLayers=1", "numNodes=8", "numClasses=10", "batchSize=4"] },
        { "05_training", ["dataRoot={tmp}", "runsRoot={tmp}/runs", "device=cpu", "steps=6", "batchSize=8", "evalEvery=3",
                          "numConv=[8]", "convLen=[3]", "numLayers=1", "numNodes=8", "doodlesPerClass=12"] },
        { "06_compare_runs", ["runsRoot={tmp}/runs", "dataRoot={tmp}", "demoSteps=4"] },
    };

    [Theory]
    [MemberData(nameof(Tiny))]
    public void Runs_top_to_bottom_on_tiny_data(string name, string[] parameters)
    {
        using var tmp = new TempDir();
        var run = TestNotebooks.Run(Path.Combine(Folder, name + ".ipynb"), parameters.Select(p => p.Replace("{tmp}", tmp.Path)).ToArray());

        Assert.True(run.Succeeded, run.Failures);
        Assert.Equal(run.Executed.Cells.Count(c => c.IsCode), run.Cells.Count);
        var copy = tmp.File(name + ".executed.ipynb");
        run.Executed.Save(copy);
        Assert.All(NotebookFile.Load(copy).Cells.Where(c => c.IsCode), c => Assert.NotNull(c.ExecutionCount));
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
        var run = await TestNotebooks.RunAsync(Path.Combine(Folder, "01_download.ipynb"),
            "fetch=true", $"source={server.Root}", "maxPerClass=5", $"outputRoot={tmp.Path}");

        Assert.True(run.Succeeded, run.Failures);
        Assert.Equal(5, File.ReadLines(Path.Combine(tmp.Path, "simplified", "The Eiffel Tower.ndjson")).Count());
        var shown = string.Join("\n", run.Cells.SelectMany(c => c.Outputs).SelectMany(o => o.Data.Values));
        Assert.Contains("The bucket lists 3 categories", shown);
        Assert.DoesNotContain("generated doodles", shown);               // the first look drew the downloaded drawings
    }

    [Fact]
    public void Every_notebook_is_a_polyglot_csharp_notebook_pinned_like_the_repo()
    {
        var pins = PackagePins.Load(TestNotebooks.PackagesProps);
        var notebooks = Directory.GetFiles(Folder, "*.ipynb").Where(f => !f.EndsWith(".executed.ipynb")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Tiny.Select(t => (string)t[0] + ".ipynb"), notebooks.Select(Path.GetFileName));
        foreach (var path in notebooks)
        {
            var notebook = NotebookFile.Load(path);
            var name = Path.GetFileName(path);
            Assert.Equal(NotebookFile.CSharpKernelSpec, notebook.KernelSpec);
            Assert.Equal("csharp", notebook.DefaultKernelName);
            Assert.All(notebook.Cells.Where(c => c.IsCode), c => Assert.Equal("csharp", c.KernelName));
            Assert.Contains("parameters", NotebookParameters.Cell(notebook)!.Tags);
            Assert.Equal("markdown", notebook.Cells[0].Kind);                            // each opens with its story
            var code = notebook.Cells.Where(c => c.IsCode).Select(c => CellCode.Parse(c.Source)).ToList();
            foreach (var (id, version) in code.SelectMany(c => c.Packages)) pins.Check(id, version);
            Assert.Contains("../lib/QuickDraw/bin/Release/net10.0/QuickDraw.dll", code.SelectMany(c => c.Assemblies));
            long outputBytes = notebook.Cells.Sum(c => Encoding.UTF8.GetByteCount(c.Outputs.ToJsonString()));
            Assert.True(outputBytes < 20_000, $"{name} carries {outputBytes:N0} bytes of outputs: commit notebooks cleared (run them into *.executed.ipynb)");
            Assert.All(notebook.Cells.Where(c => c.IsCode), c => Assert.True(c.Source.Split('\n').Length <= 25, $"{name} cell {c.Index} is long: move logic into lib/"));
        }
    }
}
