#:project ../lib/QuickDraw/QuickDraw.csproj
// Stage 1 of the journey: fetch the Quick, Draw! files (or the tutorial's TFRecords) into data/.
// Usage: dotnet run scripts/download.cs -- --help
using QuickDraw.Download;
using Spectre.Console;

DownloadCommandLine options;
try
{
    options = DownloadCommandLine.Parse(args);
}
catch (ArgumentException e) // CommandLineException: a bad command line
{
    Console.Error.WriteLine($"error: {e.Message}\n(dotnet run scripts/download.cs -- --help lists the options)");
    return 2;
}
if (options.Help)
{
    Console.Write(DownloadCommandLine.HelpText);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var downloader = new QuickDrawDownloader(options.Source, options.Transfer) { ListingNotices = m => Console.Error.WriteLine(m) };
var ct = cancel.Token;

try
{
    if (options.Tutorial)
    {
        var source = options.Source.TutorialTarballUrl;
        if (options.DryRun)
        {
            Console.WriteLine($"would fetch {source} into {options.TutorialFolder}, extract it and check every record");
            return 0;
        }
        TutorialDataset dataset = null!;
        await Progress(ProgressUnit.Bytes).StartAsync(async ctx => dataset = await downloader.DownloadTutorialAsync(
            options.TutorialFolder, new ConsoleDownloadView(ctx, null), options.KeepArchive, ct: ct));
        AnsiConsole.MarkupLineInterpolated(
            $"[green]{dataset.Records.Count} TFRecord files, {dataset.Records.Values.Sum():N0} records, all CRCs good[/] in {dataset.Folder}");
        return 0;
    }

    if (options.List)
    {
        var files = await downloader.ListAsync(options.Request.Format, ct);
        foreach (var f in files) Console.WriteLine($"{f.Category,-32} {Bytes.Format(f.Size),10}");
        Console.WriteLine($"{files.Count} categories, {Bytes.Format(files.Sum(f => f.Size))} in all ({options.Request.Format})");
        return 0;
    }

    var plan = await downloader.PlanAsync(options.Request, ct);
    if (options.DryRun)
    {
        var table = new Table().AddColumns("file", "size", "action", "why");
        foreach (var f in plan.Files)
            table.AddRow(Markup.Escape(f.Remote.FileName), Bytes.Format(f.Remote.Size), f.Action.ToString(), Markup.Escape(f.Reason));
        AnsiConsole.Write(table);
        var cut = plan.Request.MaxPerClass is int n ? $", first {n:N0} drawings of each (a fraction of that)" : "";
        Console.WriteLine($"{plan.Files.Count(f => f.Action != PlannedAction.Skip)} of {plan.Files.Count} file(s) to fetch: " +
                          $"up to {Bytes.Format(plan.BytesToFetch)}{cut} into {plan.Request.OutputFolder}");
        return 0;
    }

    var summary = await Progress(plan.Unit).StartAsync(ctx =>
        downloader.DownloadAsync(plan, new ConsoleDownloadView(ctx, plan.ProgressTotal), ct));
    AnsiConsole.MarkupLineInterpolated(
        $"[green]{summary.Fetched} fetched, {summary.Skipped} already complete[/] in {plan.Request.OutputFolder}");
    return 0;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    AnsiConsole.MarkupLine("[yellow]interrupted; partial files are kept: re-run the same command to resume[/]");
    return 130;
}
catch (DownloadException e)
{
    Console.Error.WriteLine(e.Message); // plain stderr: no markup, no wrapping of URLs
    return e.Failure == DownloadFailure.UnknownCategory ? 2 : 1;
}

Progress Progress(ProgressUnit unit) =>
    AnsiConsole.Progress().AutoClear(false).HideCompleted(true).Columns(ConsoleDownloadView.Columns(unit));
