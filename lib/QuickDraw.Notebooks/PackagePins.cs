using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace QuickDraw.Notebooks;

/// <summary>A notebook's <c>#r "nuget: ..."</c> line that the repository does not allow: unpinned, or pinned at another version.</summary>
public sealed class PackagePinException(string message) : Exception(message);

/// <summary>
/// The package versions the repository pins in <c>Directory.Packages.props</c> (central package management), so a
/// notebook's <c>#r "nuget: Name, Version"</c> can be held to the same versions the lib builds with.
/// </summary>
public sealed partial class PackagePins
{
    readonly Dictionary<string, string> versions;

    PackagePins(string path, Dictionary<string, string> versions)
    {
        Path = path;
        this.versions = versions;
    }

    /// <summary>The props file read.</summary>
    public string Path { get; }

    /// <summary>Package id → pinned version (ids compare case-insensitively, as NuGet's do).</summary>
    public IReadOnlyDictionary<string, string> Versions => versions;

    /// <summary>Reads a Directory.Packages.props, expanding <c>$(Property)</c> references to its own properties.</summary>
    public static PackagePins Load(string path)
    {
        var doc = XDocument.Load(path);
        var properties = doc.Descendants("PropertyGroup").Elements()
            .GroupBy(e => e.Name.LocalName).ToDictionary(g => g.Key, g => g.Last().Value.Trim());
        string Expand(string v) => PropertyReference().Replace(v, m => properties.GetValueOrDefault(m.Groups[1].Value, m.Value));
        var pins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in doc.Descendants("PackageVersion"))
        {
            var id = (string?)e.Attribute("Include");
            var version = (string?)e.Attribute("Version");
            if (id != null && version != null) pins[id] = Expand(version);
        }
        return new PackagePins(System.IO.Path.GetFullPath(path), pins);
    }

    /// <summary>The nearest Directory.Packages.props above <paramref name="folder"/> (the notebook's), else null.</summary>
    public static string? Find(string folder)
    {
        for (var d = new DirectoryInfo(folder); d != null; d = d.Parent)
        {
            var candidate = System.IO.Path.Combine(d.FullName, "Directory.Packages.props");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Throws <see cref="PackagePinException"/> unless <paramref name="id"/> is pinned at exactly
    /// <paramref name="version"/>; returns the id as the props file spells it.</summary>
    public string Check(string id, string? version)
    {
        var pinned = versions.FirstOrDefault(kv => string.Equals(kv.Key, id, StringComparison.OrdinalIgnoreCase));
        if (pinned.Key == null)
            throw new PackagePinException($"#r \"nuget: {id}\": {id} is not pinned in {Path}. Add a <PackageVersion Include=\"{id}\" Version=\"...\" /> " +
                                          "there (every package the repo uses is pinned), or drop the reference.");
        if (string.IsNullOrWhiteSpace(version))
            throw new PackagePinException($"#r \"nuget: {id}\" has no version: write #r \"nuget: {pinned.Key}, {pinned.Value}\" (the version {System.IO.Path.GetFileName(Path)} pins).");
        if (version.Trim() != pinned.Value)
            throw new PackagePinException($"#r \"nuget: {id}, {version.Trim()}\": the repo pins {pinned.Key} at {pinned.Value} in {Path}. " +
                                          $"Write #r \"nuget: {pinned.Key}, {pinned.Value}\" so the notebook runs what the lib was built with.");
        return pinned.Key;
    }

    [GeneratedRegex(@"\$\(([A-Za-z0-9_.\-]+)\)")]
    private static partial Regex PropertyReference();
}
