using System.Globalization;
using QuickDraw.Common;

namespace QuickDraw.Download;

/// <summary>The options of <c>scripts/download.cs</c>, on the scripts' shared parser (<see cref="CommandLine"/>).
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

    static readonly TransferOptions Defaults = new();

    /// <summary>The option table; its <see cref="CommandLine.Help"/> is the script's <c>--help</c>.</summary>
    public static CommandLine Spec { get; } = new CommandLine("dotnet run scripts/download.cs -- [options]",
            "Download the Quick, Draw! dataset (stage 1): per-category files from the public bucket, or the TensorFlow\n" +
            "tutorial's prepared TFRecords. Resumable: re-run the same command after a failure.\n" +
            "Data: Quick, Draw! by Google Creative Lab, CC BY 4.0.")
        .Many("categories", "Category names, comma-separated (quote names with spaces; case and '_' for ' ' are forgiven). " +
                            "Default: every category in the listing.")
        .Option("format", "simplified | raw | binary (ndjson, ndjson with timings, .bin).", "simplified", "F")
        .Option("max-per-class", "Keep only the first N drawings of each file, stopping the transfer there (ndjson only, " +
                                 "not with --format binary). The tutorial uses 11000. Default: whole files.", null, "N")
        .Option("out", "Output root; files go to DIR/simplified, DIR/raw or DIR/binary. (default: data/quickdraw)", null, "DIR")
        .Option("parallel", "Files fetched at once.", Invariant(Defaults.Parallelism), "N")
        .Option("retries", "Retries per file after a cut, stall or 5xx, each resuming with Range.", Invariant(Defaults.Retries), "N")
        .Option("retry-delay", "Wait before the first retry, doubled for each further one.", Invariant(Defaults.RetryBaseDelay.TotalSeconds), "SECONDS")
        .Option("stall-timeout", "Abandon an attempt when the server sends nothing for this long.", Invariant(Defaults.StallTimeout.TotalSeconds), "SECONDS")
        .Option("deadline", "Fail a file when the server sends nothing for this long over all its attempts (any data restarts it).", Invariant(Defaults.NoDataDeadline.TotalSeconds), "SECONDS")
        .Option("source-url", "A mirror laid out like storage.googleapis.com: bucket at URL/quickdraw_dataset/, listing at " +
                              "URL/storage/v1/b/quickdraw_dataset/o, tarball at URL/data/. (default: https://storage.googleapis.com/)", null, "URL")
        .Option("listing-url", $"The bucket's JSON listing (without ?prefix=). (default: {QuickDrawSource.Google.ListingUrl.AbsoluteUri})", null, "URL")
        .Flag("tutorial", "Fetch the tutorial's prepared TFRecords instead: download (resumable), extract, check every record's CRC.")
        .Option("tutorial-url", $"The tutorial's tarball. (default: {QuickDrawSource.Google.TutorialTarballUrl.AbsoluteUri})", null, "URL")
        .Option("tutorial-out", "Where the tutorial's TFRecords are extracted. (default: data/tutorial)", null, "DIR")
        .Flag("keep-archive", "Keep the tutorial's .tar.gz after a verified extraction.")
        .Flag("list", "Print the categories (with sizes) of the chosen --format and exit.")
        .Flag("dry-run", "Print what would be fetched, resumed or skipped, with sizes, and exit.")
        .Example("dotnet run scripts/download.cs -- --list")
        .Example("dotnet run scripts/download.cs -- --max-per-class 11000            # the tutorial's share, ≈1.5 GB")
        .Example("dotnet run scripts/download.cs -- --categories \"cat,The Eiffel Tower\" --dry-run")
        .Example("dotnet run scripts/download.cs -- --format binary --categories cat,dog")
        .Example("dotnet run scripts/download.cs -- --tutorial                       # ≈1 GB of TFRecords into data/tutorial")
        .Example("dotnet run scripts/download.cs -- --source-url http://mirror.local/ --stall-timeout 10");

    /// <summary>The <c>--help</c> text: every option with its default, then examples.</summary>
    public static string HelpText => Spec.Help;

    /// <summary>Parses the script's arguments; bad usage throws <see cref="CommandLineException"/> with a message for people.</summary>
    public static DownloadCommandLine Parse(IReadOnlyList<string> args)
    {
        var a = Spec.Parse([.. args.Select(x => x == "/?" ? "--help" : x)]);
        var request = new DownloadRequest
        {
            Categories = a.Has("categories") ? a.List("categories") : null,
            Format = a.Get("format") is var f && Enum.TryParse<DataFormat>(f, true, out var format) && !int.TryParse(f, out _) ? format
                : throw new CommandLineException($"--format: '{f}' is not one of simplified, raw, binary"),
            MaxPerClass = a.Get("max-per-class") is { } max ? Positive("max-per-class", max) : null,
        };
        if (a.Get("out") is { } outRoot) request = request with { OutputRoot = Path.GetFullPath(outRoot) };

        var source = a.Get("source-url") is { } root ? QuickDrawSource.AtRoot(Url("source-url", root)) : QuickDrawSource.Google;
        if (a.Get("listing-url") is { } listing) source = source with { ListingUrl = Url("listing-url", listing) };
        if (a.Get("tutorial-url") is { } tarball) source = source with { TutorialTarballUrl = Url("tutorial-url", tarball) };

        var line = new DownloadCommandLine
        {
            Help = a.Help, List = a.Has("list"), DryRun = a.Has("dry-run"), Tutorial = a.Has("tutorial"), KeepArchive = a.Has("keep-archive"),
            Request = request,
            Source = source,
            Transfer = new TransferOptions
            {
                Parallelism = Positive("parallel", a.Require("parallel")),
                Retries = NonNegative("retries", a.Require("retries")),
                RetryBaseDelay = Seconds("retry-delay", a.Require("retry-delay"), allowZero: true),
                StallTimeout = Seconds("stall-timeout", a.Require("stall-timeout"), allowZero: false),
                NoDataDeadline = Seconds("deadline", a.Require("deadline"), allowZero: false),
            },
            TutorialFolder = a.Get("tutorial-out") is { } t ? Path.GetFullPath(t) : TutorialDataset.DefaultFolder,
        };
        if (line.Request.MaxPerClass is not null && line.Request.Format == DataFormat.Binary)
            throw new CommandLineException("--max-per-class applies to ndjson only (--format simplified or raw), not to --format binary");
        return line;
    }

    static string Invariant(double v) => v.ToString(CultureInfo.InvariantCulture);

    static int Positive(string name, string v) =>
        int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new CommandLineException($"--{name}: '{v}' is not a whole number of at least 1");

    static int NonNegative(string name, string v) =>
        int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
            : throw new CommandLineException($"--{name}: '{v}' is not a whole number of at least 0");

    static TimeSpan Seconds(string name, string v, bool allowZero) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && (s > 0 || (allowZero && s == 0)) && s < 86400
            ? TimeSpan.FromSeconds(s)
            : throw new CommandLineException($"--{name}: '{v}' is not a number of seconds{(allowZero ? "" : " above 0")}");

    static Uri Url(string name, string v) =>
        Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u
            : throw new CommandLineException($"--{name}: '{v}' is not an http(s) URL");
}
