using System.Globalization;
using System.Text.Json;

namespace QuickDraw.Download;

/// <summary>Reads the bucket's JSON listing (GCS JSON API: <c>{"items":[{"name","size"}],"nextPageToken"}</c>),
/// following <c>nextPageToken</c> until the last page.</summary>
internal static class BucketListing
{
    const int MaxPages = 1000; // a server that repeats its token must not loop us forever

    public static async Task<IReadOnlyList<RemoteFile>> ReadAsync(ResilientHttp http, QuickDrawSource source,
        DataFormat format, CancellationToken ct)
    {
        var files = new List<RemoteFile>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var url = source.ListingPage(format, token);
            string json;
            try { json = await http.GetStringAsync(url, ct); }
            catch (DownloadException e) when (e.Failure == DownloadFailure.NotFound)
            {
                throw new DownloadException(DownloadFailure.NotFound, $"no bucket listing at {url} (HTTP 404); a mirror " +
                    "must serve the GCS JSON listing there, or point --listing-url at one", url, e);
            }
            token = ParsePage(json, url, source, format, files);
            if (string.IsNullOrEmpty(token)) break;
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Category, b.Category));
        return files;
    }

    /// <summary>Adds a page's matching objects to <paramref name="into"/>; returns the next page's token or null.</summary>
    internal static string? ParsePage(string json, Uri url, QuickDrawSource source, DataFormat format, List<RemoteFile> into)
    {
        var prefix = QuickDrawSource.Prefix(format);
        var ext = QuickDrawSource.Extension(format);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.TryGetProperty("items", out var items))
                foreach (var item in items.EnumerateArray())
                {
                    var name = item.GetProperty("name").GetString() ?? "";
                    // Only direct children with the format's extension: skips folder placeholders and sub-prefixes.
                    if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(ext, StringComparison.Ordinal)) continue;
                    var category = name[prefix.Length..^ext.Length];
                    if (category.Length == 0 || category.Contains('/')) continue;
                    into.Add(new RemoteFile(category, format, source.FileUrl(format, category), ReadSize(item)));
                }
            return root.TryGetProperty("nextPageToken", out var t) ? t.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DownloadException(DownloadFailure.Corrupt,
                $"the listing at {url} is not the expected JSON ({{\"items\":[{{\"name\",\"size\"}}]}}): {e.Message}", url, e);
        }
    }

    // GCS writes sizes as strings ("size": "123"); accept a number too.
    static long ReadSize(JsonElement item)
    {
        var s = item.GetProperty("size");
        return s.ValueKind == JsonValueKind.Number ? s.GetInt64() : long.Parse(s.GetString()!, CultureInfo.InvariantCulture);
    }
}
