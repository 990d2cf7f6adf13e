using QuickDraw.Common;

namespace QuickDraw.Download;

/// <summary>What to fetch.</summary>
public sealed record DownloadRequest
{
    /// <summary>Simplified ndjson (the tutorial's input), raw ndjson, or binary.</summary>
    public DataFormat Format { get; init; } = DataFormat.Simplified;

    /// <summary>Category names to fetch (case and '_' for ' ' forgiven); null or empty: every listed category.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Keep only the first N drawings of each file (ndjson only); null: whole files. The tutorial uses
    /// 11,000 (10,000 training + 1,000 eval).</summary>
    public int? MaxPerClass { get; init; }

    /// <summary>The folder that receives <c>simplified/</c>, <c>raw/</c> or <c>binary/</c>; default <c>data/quickdraw</c>.</summary>
    public string OutputRoot { get; init; } = DefaultOutputRoot;

    /// <summary><c>data/quickdraw</c> in the repository.</summary>
    public static string DefaultOutputRoot => Path.Combine(RepoPaths.Data, "quickdraw");

    /// <summary>Where this request's files go, e.g. <c>data/quickdraw/simplified</c>.</summary>
    public string OutputFolder => Path.Combine(OutputRoot, QuickDrawSource.FolderName(Format));

    internal void Validate()
    {
        if (MaxPerClass is int n && n < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxPerClass), n, "--max-per-class must be at least 1");
        if (MaxPerClass is not null && Format == DataFormat.Binary)
            throw new ArgumentException("--max-per-class applies to ndjson (simplified or raw) only, not to --format binary: " +
                                        ".bin drawings are not lines", nameof(MaxPerClass));
    }
}
