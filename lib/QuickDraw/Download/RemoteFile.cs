namespace QuickDraw.Download;

/// <summary>One category's file in the bucket, as the listing describes it.</summary>
/// <param name="Category">The category name, e.g. <c>The Eiffel Tower</c> (spaces kept).</param>
/// <param name="Format">Which kind of file (simplified, raw, binary).</param>
/// <param name="Url">Where to fetch it (a space in the name becomes <c>%20</c>).</param>
/// <param name="Size">The object's length in bytes, from the listing's <c>size</c>.</param>
public sealed record RemoteFile(string Category, DataFormat Format, Uri Url, long Size)
{
    /// <summary>The local file name: the category plus the format's extension (<c>The Eiffel Tower.ndjson</c>).</summary>
    public string FileName => Category + QuickDrawSource.Extension(Format);
}
