using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QuickDraw.Notebooks;

/// <summary>What went wrong in an executed notebook: error outputs and stderr streams, each with its cell.</summary>
public static class ExecutedNotebook
{
    /// <summary>Each error output and stderr stream of the executed notebook at <paramref name="path"/>, naming its cell.</summary>
    public static IEnumerable<string> Problems(string path)
    {
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
        {
            var firstLine = NotebookParameters.Source(cells[i]!).Split('\n')[0];
            foreach (var o in cells[i]!["outputs"] as JsonArray ?? [])
            {
                var kind = o?["output_type"]?.GetValue<string>();
                if (kind == "error")
                    yield return $"cell {i} ({firstLine}): {o!["ename"]}: {o["evalue"]}";
                else if (kind == "stream" && o?["name"]?.GetValue<string>() == "stderr")
                    yield return $"cell {i} ({firstLine}) wrote to stderr: {NotebookParameters.Source(new JsonObject { ["source"] = o["text"]?.DeepClone() })}".TrimEnd();
            }
        }
    }
}
