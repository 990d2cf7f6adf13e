using System.Text;
using System.Text.RegularExpressions;

namespace QuickDraw.Notebooks;

/// <summary>What a cell promises to show; the runner fails the cell when it does not.</summary>
public enum Expectation
{
    /// <summary><c>// expect: output</c>: something (a display, a value, printed text).</summary>
    Output,
    /// <summary><c>// expect: picture</c>: drawings or a chart (a non-empty <see cref="Display.Html"/> picture or chart).</summary>
    Picture,
    /// <summary><c>// expect: chart</c>: a Plotly chart with data.</summary>
    Chart,
}

/// <summary>A problem in a cell's magic commands, reported like a compile error.</summary>
public sealed class CellDirectiveException(string message) : Exception(message);

/// <summary>
/// A code cell split the way the .NET Interactive C# kernel reads it: its <c>#r "nuget: Name, Version"</c> and
/// <c>#r "path.dll"</c> references, its magic commands (<c>#!csharp</c>, <c>#i</c>: dropped), its
/// <c>// expect: ...</c> promises, and the C# left for Roslyn. Removed lines become blank lines, so compiler
/// messages keep the cell's line numbers.
/// </summary>
public sealed partial record CellCode(string Code, IReadOnlyList<(string Id, string? Version)> Packages,
    IReadOnlyList<string> Assemblies, IReadOnlyList<Expectation> Expectations)
{
    static readonly string[] CSharpMagics = ["#!csharp", "#!c#", "#!cs", "#!time"];

    /// <summary>Splits <paramref name="source"/>; throws <see cref="CellDirectiveException"/> on a directive the
    /// runner cannot honour (another language, a malformed #r).</summary>
    public static CellCode Parse(string source)
    {
        var code = new StringBuilder();
        var packages = new List<(string, string?)>();
        var assemblies = new List<string>();
        var expectations = new List<Expectation>();
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var t = line.Trim();
            if (i > 0) code.Append('\n');
            if (t.StartsWith("#!"))
            {
                var magic = t.Split(' ', 2)[0];
                if (!CSharpMagics.Contains(magic, StringComparer.OrdinalIgnoreCase))
                    throw new CellDirectiveException($"line {i + 1}: {magic} is not supported here: notebooks/ cells are C# only (the runner ignores only #!csharp and #!time)");
                continue;
            }
            if (t.StartsWith("#i ")) continue; // a package source: packages resolve from the local NuGet cache
            if (t.StartsWith("#r "))
            {
                var m = Reference().Match(t);
                if (!m.Success) throw new CellDirectiveException($"line {i + 1}: cannot read '{t}': write #r \"nuget: Name, Version\" or #r \"path/to/file.dll\"");
                var target = m.Groups[1].Value.Trim();
                if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    var parts = target["nuget:".Length..].Split(',', 2, StringSplitOptions.TrimEntries);
                    packages.Add((parts[0], parts.Length > 1 ? parts[1] : null));
                }
                else assemblies.Add(target);
                continue;
            }
            var expect = Expect().Match(t);
            if (expect.Success)
            {
                expectations.Add(expect.Groups[1].Value.ToLowerInvariant() switch
                {
                    "chart" => Expectation.Chart,
                    "picture" => Expectation.Picture,
                    "output" => Expectation.Output,
                    var other => throw new CellDirectiveException($"line {i + 1}: unknown '// expect: {other}': use chart, picture or output"),
                });
            }
            code.Append(line);
        }
        return new CellCode(code.ToString(), packages, assemblies, expectations);
    }

    [GeneratedRegex("^#r\\s+\"([^\"]+)\"\\s*$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^//\s*expect:\s*(\w+)")]
    private static partial Regex Expect();
}
