namespace QuickDraw.Common;

/// <summary>The one place that resolves the repository's folders (data/, experiments/, ...).</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder upwards holding QuickDraw.sln (from the working
    /// directory, then from this assembly's location). QUICKDRAW_ROOT overrides.</summary>
    public static string Root => root.Value;

    public static string Data => Path.Combine(Root, "data");
    public static string Experiments => Path.Combine(Root, "experiments");
    public static string Runs => Path.Combine(Experiments, "runs");

    /// <summary>The shared real sample (../shared/quickdraw next to the repo), or null when absent.</summary>
    public static string? SharedQuickDraw
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("QUICKDRAW_SAMPLE");
            if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
            var p = Path.GetFullPath(Path.Combine(Root, "..", "shared", "quickdraw"));
            return Directory.Exists(p) ? p : null;
        }
    }

    static readonly Lazy<string> root = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("QUICKDRAW_ROOT");
        if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "QuickDraw.sln"))) return d.FullName;
        }
        return Directory.GetCurrentDirectory();
    });
}
