using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace QuickDraw.Notebooks;

/// <summary>
/// Turns a checked <c>#r "nuget: Name, Version"</c> into assembly files, offline: the package and its dependencies
/// are read from the NuGet global packages folder (restored when the repo was built), <c>lib/&lt;tfm&gt;/*.dll</c>
/// for the best framework this runtime can load. An assembly the runner's own process already has (TorchSharp,
/// Plotly.NET: the runner references the lib) resolves to that loaded copy, so one process never holds two.
/// </summary>
public sealed partial class PackageAssemblies(PackagePins pins, string? packagesFolder = null)
{
    readonly string root = packagesFolder ?? DefaultPackagesFolder;
    static readonly Lazy<Dictionary<string, string>> hostAssemblies = new(ReadTrustedPlatformAssemblies);

    /// <summary>$NUGET_PACKAGES, else ~/.nuget/packages.</summary>
    public static string DefaultPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env ? env
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Assemblies the running process can load (its deps and the shared framework), by simple name.</summary>
    public static IReadOnlyDictionary<string, string> HostAssemblies => hostAssemblies.Value;

    /// <summary>The assembly files of a package and of everything it depends on.</summary>
    public IReadOnlyList<string> Resolve(string id, string version)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Walk(id, version, files, seen);
        return files.Distinct().ToList();
    }

    void Walk(string id, string versionRange, List<string> files, HashSet<string> seen)
    {
        if (!seen.Add(id)) return;
        var folder = PackageFolder(id, versionRange);
        // A dependency this runtime provides itself (System.Memory for a netstandard2.0 build) is never restored.
        if (folder == null && HostAssemblies.ContainsKey(id)) return;
        if (folder == null)
            throw new FileNotFoundException($"package {id} {versionRange} is not in the NuGet cache ({root}): build the repo first " +
                                               "(bash scripts/setup.sh), which restores every pinned package.");
        if (BestFrameworkFolder(Path.Combine(folder, "lib")) is { } lib)
            foreach (var dll in Directory.GetFiles(lib, "*.dll").Order(StringComparer.Ordinal))
                files.Add(HostAssemblies.GetValueOrDefault(Path.GetFileNameWithoutExtension(dll), dll));
        var nuspec = Directory.GetFiles(folder, "*.nuspec").FirstOrDefault();
        if (nuspec == null) return;
        var groups = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "group" && e.Parent?.Name.LocalName == "dependencies").ToList();
        var best = BestFramework(groups.Select(g => (string?)g.Attribute("targetFramework") ?? "").ToList());
        var deps = groups.Count == 0
            ? XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
            : groups.Where(g => ((string?)g.Attribute("targetFramework") ?? "") == best).SelectMany(g => g.Elements().Where(e => e.Name.LocalName == "dependency"));
        foreach (var dep in deps)
        {
            var depId = (string?)dep.Attribute("id");
            if (depId != null) Walk(depId, (string?)dep.Attribute("version") ?? "", files, seen);
        }
    }

    // The repo's pin wins; else the range's lower bound when restored; else the highest version restored.
    string? PackageFolder(string id, string versionRange)
    {
        var dir = Path.Combine(root, id.ToLowerInvariant());
        if (!Directory.Exists(dir)) return null;
        var candidates = new List<string>();
        if (pins.Versions.FirstOrDefault(kv => string.Equals(kv.Key, id, StringComparison.OrdinalIgnoreCase)).Value is { } pinned) candidates.Add(pinned);
        var lower = versionRange.Trim('[', '(', ' ').Split(',')[0].Trim();
        if (lower.Length > 0) candidates.Add(lower);
        foreach (var v in candidates)
        {
            var path = Path.Combine(dir, v.ToLowerInvariant());
            if (Directory.Exists(path)) return path;
        }
        return Directory.GetDirectories(dir).OrderByDescending(d => ParseVersion(Path.GetFileName(d))).FirstOrDefault();
    }

    static string? BestFrameworkFolder(string libFolder)
    {
        if (!Directory.Exists(libFolder)) return null;
        var names = Directory.GetDirectories(libFolder).Select(Path.GetFileName).OfType<string>().ToList();
        var best = BestFramework(names);
        return best == null ? null : Path.Combine(libFolder, best);
    }

    /// <summary>The framework name (net8.0, netstandard2.0, .NETStandard2.0, ...) this runtime loads best, or null.</summary>
    internal static string? BestFramework(IReadOnlyList<string> names) =>
        names.Select(n => (Name: n, Rank: FrameworkRank(n))).Where(x => x.Rank > 0).OrderByDescending(x => x.Rank).Select(x => x.Name).FirstOrDefault();

    // net10.0 > ... > net5.0 > netcoreapp3.1 > netstandard2.1 > netstandard2.0 > ...; .NET Framework (net48) and
    // frameworks newer than the runtime rank 0. An empty group name (any framework) ranks lowest.
    static int FrameworkRank(string name)
    {
        var n = name.ToLowerInvariant().Replace(".netcoreapp", "netcoreapp").Replace(".netstandard", "netstandard");
        if (n.Length == 0) return 1;
        var m = FrameworkName().Match(n);
        if (!m.Success) return 0;
        var version = new Version(m.Groups[2].Value.Contains('.') ? m.Groups[2].Value : m.Groups[2].Value + ".0");
        return m.Groups[1].Value switch
        {
            "net" when version.Major >= 5 && version.Major <= Environment.Version.Major => 3000 + version.Major * 10 + version.Minor,
            "netcoreapp" => 2000 + version.Major * 10 + version.Minor,
            "netstandard" => 1000 + version.Major * 10 + version.Minor,
            _ => 0,
        };
    }

    static Version ParseVersion(string s) => Version.TryParse(s.Split('-')[0], out var v) ? v : new Version(0, 0);

    static Dictionary<string, string> ReadTrustedPlatformAssemblies()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            map.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        return map;
    }

    [GeneratedRegex(@"^(netcoreapp|netstandard|net)(\d+(?:\.\d+)?)")]
    private static partial Regex FrameworkName();
}
