using QuickDraw.Common;
using QuickDraw.Download;

namespace QuickDraw.Tests.Download;

/// <summary>scripts/download.cs's options.</summary>
public class CommandLineTests
{
    [Fact]
    public void DefaultsAreTheBucketsSimplifiedFilesIntoDataQuickdraw()
    {
        var line = DownloadCommandLine.Parse([]);
        Assert.Equal(DataFormat.Simplified, line.Request.Format);
        Assert.Null(line.Request.Categories);
        Assert.Null(line.Request.MaxPerClass);
        Assert.EndsWith(Path.Combine("data", "quickdraw", "simplified"), line.Request.OutputFolder);
        Assert.Equal(QuickDrawSource.Google, line.Source);
        Assert.Equal(new TransferOptions(), line.Transfer);
        Assert.Equal(TimeSpan.FromSeconds(15), line.Transfer.StallTimeout);
    }

    [Fact]
    public void ParsesEveryKindOfValue()
    {
        var line = DownloadCommandLine.Parse(["--categories", "cat, The Eiffel Tower", "--categories=dog", "--format", "RAW",
            "--max-per-class", "11000", "--parallel=8", "--retries", "0", "--retry-delay", "0.5", "--stall-timeout", "10",
            "--source-url", "http://127.0.0.1:9/", "--tutorial-url", "http://127.0.0.1:9/t.tgz", "--dry-run", "--out", "/tmp/qd"]);
        Assert.Equal(["cat", "The Eiffel Tower", "dog"], line.Request.Categories!);
        Assert.Equal((DataFormat.Raw, 11000), (line.Request.Format, line.Request.MaxPerClass));
        Assert.Equal((8, 0), (line.Transfer.Parallelism, line.Transfer.Retries));
        Assert.Equal((TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10)), (line.Transfer.RetryBaseDelay, line.Transfer.StallTimeout));
        Assert.Equal("http://127.0.0.1:9/quickdraw_dataset/", line.Source.BucketBaseUrl.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9/storage/v1/b/quickdraw_dataset/o", line.Source.ListingUrl.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9/t.tgz", line.Source.TutorialTarballUrl.AbsoluteUri);
        Assert.True(line.DryRun);
        Assert.Equal(Path.Combine("/tmp/qd", "raw"), line.Request.OutputFolder);
        Assert.Equal(TimeSpan.FromSeconds(4), line.Transfer.BackoffBefore(4)); // 0.5 s · 2³
    }

    [Fact]
    public void AnExplicitListingOrTarballUrlWinsOverTheMirrorWhicheverComesFirst()
    {
        var line = DownloadCommandLine.Parse(["--listing-url", "http://l/o", "--source-url", "http://m/", "--tutorial-url=http://t/x.tgz"]);
        Assert.Equal("http://l/o", line.Source.ListingUrl.AbsoluteUri);
        Assert.Equal("http://t/x.tgz", line.Source.TutorialTarballUrl.AbsoluteUri);
        Assert.Equal("http://m/quickdraw_dataset/", line.Source.BucketBaseUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("--max-per-class 10 --format binary", "--max-per-class applies to ndjson only")]
    [InlineData("--max-per-class 0", "--max-per-class: '0' is not a whole number of at least 1")]
    [InlineData("--format png", "--format: 'png' is not one of simplified, raw, binary")]
    [InlineData("--categorys cat", "unknown option --categorys; did you mean --categories?")]
    [InlineData("--parallel", "--parallel needs a value (N)")]
    [InlineData("--stall-timeout 0", "--stall-timeout: '0' is not a number of seconds above 0")]
    [InlineData("--source-url ftp://x/", "--source-url: 'ftp://x/' is not an http(s) URL")]
    [InlineData("--list=yes", "--list is a flag and takes no value")]
    [InlineData("--format raw --format binary", "--format is given twice ('raw' and 'binary')")]
    [InlineData("--source-url http://a/ --listing-url x", "--listing-url: 'x' is not an http(s) URL")]
    public void BadUsageSaysWhatIsWrong(string args, string message)
    {
        var e = Assert.Throws<CommandLineException>(() => DownloadCommandLine.Parse(args.Split(' ')));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void HelpListsEveryOptionWithItsDefaultAndExamples()
    {
        var help = DownloadCommandLine.HelpText;
        foreach (var option in new[] { "--categories", "--format", "--max-per-class", "--out", "--parallel", "--retries",
                     "--retry-delay", "--stall-timeout", "--source-url", "--listing-url", "--tutorial", "--tutorial-url",
                     "--tutorial-out", "--keep-archive", "--list", "--dry-run", "--help" })
            Assert.Contains("  " + option + " ", help);
        var flat = System.Text.RegularExpressions.Regex.Replace(help, @"\s+", " ");
        Assert.Contains("SECONDS Abandon an attempt when the server sends nothing for this long. (default: 15)", flat);
        Assert.Contains("SECONDS Fail a file when the server sends nothing for this long over all its attempts (any data restarts it). (default: 40)", flat);
        Assert.Contains("(default: data/quickdraw)", flat);
        Assert.Contains("(ndjson only, not with --format binary)", flat);
        Assert.Contains("examples:", help);
        Assert.True(DownloadCommandLine.Parse(["-h"]).Help);
        Assert.True(DownloadCommandLine.Parse(["/?"]).Help);
        Assert.All(help.Split('\n'), l => Assert.True(l.Length <= 110, l));
    }
}
