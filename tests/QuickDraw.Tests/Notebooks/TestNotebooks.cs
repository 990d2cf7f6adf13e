using System.Text.Json.Nodes;
using QuickDraw.Common;
using QuickDraw.Notebooks;

namespace QuickDraw.Tests.Notebooks;

/// <summary>The notebook tests change the working directory and Console.Out while a notebook runs: they run alone.</summary>
[CollectionDefinition("Notebooks", DisableParallelization = true)]
public sealed class NotebooksCollection;

/// <summary>Small notebooks in the Polyglot format, written for a test.</summary>
public static class TestNotebooks
{
    /// <summary>The lib's Release build, as the notebooks reference it (scripts/setup.sh builds it).</summary>
    public static string LibDll => Path.Combine(RepoPaths.Root, "lib", "QuickDraw", "bin", "Release", "net10.0", "QuickDraw.dll");

    public static string PackagesProps => Path.Combine(RepoPaths.Root, "Directory.Packages.props");

    /// <summary>Writes a C# notebook of <paramref name="cells"/> (a cell starting with "md:" is markdown) to dir/name.</summary>
    public static string Write(TempDir dir, string name, params string[] cells)
    {
        var array = new JsonArray();
        foreach (var cell in cells)
        {
            bool markdown = cell.StartsWith("md:");
            var source = markdown ? cell[3..] : cell;
            var node = new JsonObject
            {
                ["cell_type"] = markdown ? "markdown" : "code",
                ["metadata"] = markdown ? new JsonObject() : new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["source"] = source,
            };
            if (!markdown) { node["outputs"] = new JsonArray(); node["execution_count"] = null; }
            array.Add(node);
        }
        var notebook = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = NotebookFile.CSharpKernelSpec, ["language"] = "C#", ["display_name"] = ".NET (C#)" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = dir.File(name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>Runs a notebook against the repo's pins; parameters as "name=value" pairs.</summary>
    public static NotebookRun Run(string path, params string[] parameters) => RunAsync(path, parameters).GetAwaiter().GetResult();

    public static Task<NotebookRun> RunAsync(string path, params string[] parameters) =>
        NotebookRunner.RunAsync(path, new NotebookRunOptions
        {
            PackagesProps = PackagesProps,
            Parameters = parameters.Select(NotebookParameters.ParsePair).ToDictionary(),
        });

    /// <summary>The lib reference line, with the absolute path of the Release build.</summary>
    public static string ReferenceLib => $"#r \"{LibDll}\"";
}
