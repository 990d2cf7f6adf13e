namespace QuickDraw.Download;

/// <summary>Where the data comes from. Every URL is a parameter so a mirror (or a test server on 127.0.0.1)
/// can stand in for Google's.</summary>
/// <param name="BucketBaseUrl">Base of the public bucket; files are <c>{BucketBaseUrl}full/simplified/cat.ndjson</c>.</param>
/// <param name="ListingUrl">The bucket's JSON object listing (GCS JSON API), without a query;
/// <c>?prefix=full/simplified/</c> and <c>&amp;pageToken=</c> are appended.</param>
/// <param name="TutorialTarballUrl">The tutorial's prepared TFRecords (≈1 GB tar.gz).</param>
public sealed record QuickDrawSource(Uri BucketBaseUrl, Uri ListingUrl, Uri TutorialTarballUrl)
{
    /// <summary>Google's public bucket and the TensorFlow tutorial's tarball.</summary>
    public static QuickDrawSource Google { get; } = new(
        new Uri("https://storage.googleapis.com/quickdraw_dataset/"),
        new Uri("https://storage.googleapis.com/storage/v1/b/quickdraw_dataset/o"),
        new Uri("http://download.tensorflow.org/data/quickdraw_tutorial_dataset_v1.tar.gz"));

    /// <summary>A mirror laid out like storage.googleapis.com: the bucket at <c>{root}quickdraw_dataset/</c>, its
    /// listing at <c>{root}storage/v1/b/quickdraw_dataset/o</c>, the tarball at
    /// <c>{root}data/quickdraw_tutorial_dataset_v1.tar.gz</c>.</summary>
    public static QuickDrawSource AtRoot(Uri root)
    {
        root = new Uri(WithSlash(root));
        return new(new Uri(root, "quickdraw_dataset/"),
                   new Uri(root, "storage/v1/b/quickdraw_dataset/o"),
                   new Uri(root, "data/quickdraw_tutorial_dataset_v1.tar.gz"));
    }

    /// <summary>The object-name prefix of a format in the bucket, e.g. <c>full/simplified/</c>.</summary>
    public static string Prefix(DataFormat format) => format switch
    {
        DataFormat.Simplified => "full/simplified/",
        DataFormat.Raw => "full/raw/",
        DataFormat.Binary => "full/binary/",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The file extension of a format, with its dot.</summary>
    public static string Extension(DataFormat format) => format == DataFormat.Binary ? ".bin" : ".ndjson";

    /// <summary>The local folder name of a format under the output root (<c>simplified</c>, <c>raw</c>, <c>binary</c>).</summary>
    public static string FolderName(DataFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The first page of the listing of one format's objects.</summary>
    public Uri ListingPage(DataFormat format, string? pageToken = null)
    {
        var url = $"{ListingUrl.AbsoluteUri}?prefix={Prefix(format)}";
        if (!string.IsNullOrEmpty(pageToken)) url += "&pageToken=" + Uri.EscapeDataString(pageToken);
        return new Uri(url);
    }

    /// <summary>The URL of one category's file; a space becomes <c>%20</c>.</summary>
    public Uri FileUrl(DataFormat format, string category) =>
        new(WithSlash(BucketBaseUrl) + Prefix(format) + Uri.EscapeDataString(category) + Extension(format));

    static string WithSlash(Uri u) => u.AbsoluteUri.EndsWith('/') ? u.AbsoluteUri : u.AbsoluteUri + "/";
}
