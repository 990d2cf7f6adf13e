using System.Globalization;

namespace QuickDraw.Download;

/// <summary>The options of <c>scripts/download.cs</c>, parsed by hand (<c>--name value</c> or <c>--name=value</c>).
/// Lives in lib/ so the parsing and the help text are tested; the script only prints and runs.</summary>
public sealed record DownloadCommandLine
{
    public bool Help { get; init; }
    public bool List { get; init; }
    public bool DryRun { get; init; }
    public bool Tutorial { get; init; }
    public bool KeepArchive { get; init; }
    public DownloadRequest Request { get; init; } = new();
    public QuickDrawSource Source { get; init; } = QuickDrawSource.Google;
    public TransferOptions Transfer { get; init; } = new();
    public string TutorialFolder { get; init; } = TutorialDataset.DefaultFolder;

    sealed record Option(string Name, string? Value, string Default, string Help,
        Func<DownloadCommandLine, string, DownloadCommandLine> Apply);

    static readonly Option[] Options =
    [
        new("--categories", "LIST", "every category in the listing",
            "Comma-separated category names (quote names with spaces; case and '_' for ' ' are forgiven). Repeatable.",
            (c, v) => c with { Request = c.Request with { Categories = [.. c.Request.Categories ?? [], .. v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] } }),
        new("--format", "F", "simplified", "simplified | raw | binary (ndjson, ndjson with timings, .bin).",
            (c, v) => c with { Request = c.Request with { Format = Enum.TryParse<DataFormat>(v, true, out var f) && !int.TryParse(v, out _) ? f
                : throw new ArgumentException($"--format: '{v}' is not one of simplified, raw, binary") } }),
        new("--max-per-class", "N", "whole files",
            "Keep only the first N drawings of each file, stopping the transfer there (ndjson only, not with --format binary). The tutorial uses 11000.",
            (c, v) => c with { Request = c.Request with { MaxPerClass = Positive("--max-per-class", v) } }),
        new("--out", "DIR", "data/quickdraw", "Output root; files go to DIR/simplified, DIR/raw or DIR/binary.",
            (c, v) => c with { Request = c.Request with { OutputRoot = Path.GetFullPath(v) } }),
        new("--parallel", "N", "4", "Files fetched at once.",
            (c, v) => c with { Transfer = c.Transfer with { Parallelism = Positive("--parallel", v) } }),
        new("--retries", "N", "5", "Retries per file after a cut, stall or 5xx, each resuming with Range.",
            (c, v) => c with { Transfer = c.Transfer with { Retries = NonNegative("--retries", v) } }),
        new("--retry-delay", "SECONDS", "1", "Wait before the first retry, doubled for each further one.",
            (c, v) => c with { Transfer = c.Transfer with { RetryBaseDelay = Seconds("--retry-delay", v, allowZero: true) } }),
        new("--stall-timeout", "SECONDS", "60", "Abandon an attempt when the server sends nothing for this long.",
            (c, v) => c with { Transfer = c.Transfer with { StallTimeout = Seconds("--stall-timeout", v, allowZero: false) } }),
        new("--source-url", "URL", "https://storage.googleapis.com/",
            "A mirror laid out like storage.googleapis.com: bucket at URL/quickdraw_dataset/, listing at URL/storage/v1/b/quickdraw_dataset/o, tarball at URL/data/.",
            (c, v) => c with { Source = Mirror(c.Source, Url("--source-url", v)) }),
        new("--listing-url", "URL", QuickDrawSource.Google.ListingUrl.AbsoluteUri, "The bucket's JSON listing (without ?prefix=).",
            (c, v) => c with { Source = c.Source with { ListingUrl = Url("--listing-url", v) } }),
        new("--tutorial", null, "off", "Fetch the tutorial's prepared TFRecords instead: download (resumable), extract, check every record's CRC.",
            (c, _) => c with { Tutorial = true }),
        new("--tutorial-url", "URL", QuickDrawSource.Google.TutorialTarballUrl.AbsoluteUri, "The tutorial's tarball.",
            (c, v) => c with { Source = c.Source with { TutorialTarballUrl = Url("--tutorial-url", v) } }),
        new("--tutorial-out", "DIR", "data/tutorial", "Where the tutorial's TFRecords are extracted.",
            (c, v) => c with { TutorialFolder = Path.GetFullPath(v) }),
        new("--keep-archive", null, "off", "Keep the tutorial's .tar.gz after a verified extraction.",
            (c, _) => c with { KeepArchive = true }),
        new("--list", null, "off", "Print the categories (with sizes) of the chosen --format and exit.", (c, _) => c with { List = true }),
        new("--dry-run", null, "off", "Print what would be fetched, resumed or skipped, with sizes, and exit.", (c, _) => c with { DryRun = true }),
        new("--help", null, "", "This text. Also -h.", (c, _) => c with { Help = true }),
    ];

    /// <summary>Parses the script's arguments; bad usage throws <see cref="ArgumentException"/> with a message for people.</summary>
    public static DownloadCommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new DownloadCommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?" or "/?") arg = "--help";
            var (name, inline) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            var option = Array.Find(Options, o => o.Name == name)
                ?? throw new ArgumentException($"unknown option '{name}'" + Suggest(name) + "; --help lists them");
            string value;
            if (option.Value is null)
            {
                if (inline is not null) throw new ArgumentException($"{name} takes no value");
                value = "";
            }
            else if (inline is not null) value = inline;
            else if (i + 1 < args.Count) value = args[++i];
            else throw new ArgumentException($"{name} needs a value ({option.Value})");
            line = option.Apply(line, value);
        }
        if (line.Request.MaxPerClass is not null && line.Request.Format == DataFormat.Binary)
            throw new ArgumentException("--max-per-class applies to ndjson only (--format simplified or raw), not to --format binary");
        return line;
    }

    /// <summary>The <c>--help</c> text: every option with its default, then examples.</summary>
    public static string HelpText
    {
        get
        {
            var w = new StringWriter();
            w.WriteLine("Download the Quick, Draw! dataset (stage 1): per-category files from the public bucket, or the");
            w.WriteLine("TensorFlow tutorial's prepared TFRecords. Resumable: re-run the same command after a failure.");
            w.WriteLine();
            w.WriteLine("Usage: dotnet run scripts/download.cs -- [options]");
            w.WriteLine();
            foreach (var o in Options)
            {
                var head = o.Value is null ? o.Name : $"{o.Name} {o.Value}";
                var text = o.Default.Length > 0 ? $"{o.Help} (default: {o.Default})" : o.Help;
                foreach (var line in Wrap(text, 72))
                {
                    w.WriteLine($"  {head,-26}{line}");
                    head = "";
                }
            }
            w.WriteLine();
            w.WriteLine("Examples:");
            w.WriteLine("  dotnet run scripts/download.cs -- --list");
            w.WriteLine("  dotnet run scripts/download.cs -- --max-per-class 11000            # the tutorial's share, ≈1.5 GB");
            w.WriteLine("  dotnet run scripts/download.cs -- --categories \"cat,The Eiffel Tower\" --dry-run");
            w.WriteLine("  dotnet run scripts/download.cs -- --format binary --categories cat,dog");
            w.WriteLine("  dotnet run scripts/download.cs -- --tutorial                       # ≈1 GB of TFRecords into data/tutorial");
            w.WriteLine("  dotnet run scripts/download.cs -- --source-url http://mirror.local/ --stall-timeout 10");
            w.WriteLine();
            w.WriteLine("Data: Quick, Draw! by Google Creative Lab, CC BY 4.0.");
            return w.ToString();
        }
    }

    // An explicit --listing-url or --tutorial-url wins over --source-url, whichever comes first.
    static QuickDrawSource Mirror(QuickDrawSource current, Uri root)
    {
        var google = QuickDrawSource.Google;
        var mirror = QuickDrawSource.AtRoot(root);
        return mirror with
        {
            ListingUrl = current.ListingUrl == google.ListingUrl ? mirror.ListingUrl : current.ListingUrl,
            TutorialTarballUrl = current.TutorialTarballUrl == google.TutorialTarballUrl ? mirror.TutorialTarballUrl : current.TutorialTarballUrl,
        };
    }

    static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { yield return line; line = ""; }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) yield return line;
    }

    static string Suggest(string name)
    {
        var close = CategoryNames.Closest(name, Options.Select(o => o.Name), 1);
        return close.Count > 0 ? $" (did you mean {close[0]}?)" : "";
    }

    static int Positive(string name, string v) =>
        int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new ArgumentException($"{name}: '{v}' is not a whole number of at least 1");

    static int NonNegative(string name, string v) =>
        int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
            : throw new ArgumentException($"{name}: '{v}' is not a whole number of at least 0");

    static TimeSpan Seconds(string name, string v, bool allowZero) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && (s > 0 || (allowZero && s == 0)) && s < 86400
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"{name}: '{v}' is not a number of seconds{(allowZero ? "" : " above 0")}");

    static Uri Url(string name, string v) =>
        Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u
            : throw new ArgumentException($"{name}: '{v}' is not an http(s) URL");
}
