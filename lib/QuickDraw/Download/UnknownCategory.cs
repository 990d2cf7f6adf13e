namespace QuickDraw.Download;

/// <summary>A name that matched no category, and the closest names (best first).</summary>
public sealed record UnknownCategory(string Requested, IReadOnlyList<string> Suggestions)
{
    public string Describe() => $"unknown category '{Requested}'" +
        (Suggestions.Count > 0 ? $"; did you mean: {string.Join(", ", Suggestions)}?" : "");
}
