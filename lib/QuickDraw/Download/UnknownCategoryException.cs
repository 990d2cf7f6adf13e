namespace QuickDraw.Download;

/// <summary>One or more category names the listing does not hold, each with the closest real names.</summary>
public sealed class UnknownCategoryException(IReadOnlyList<UnknownCategory> unknown)
    : DownloadException(DownloadFailure.UnknownCategory,
        string.Join("\n", unknown.Select(u => u.Describe())) + "\n(--list prints every category)")
{
    public IReadOnlyList<UnknownCategory> Unknown { get; } = unknown;
}
