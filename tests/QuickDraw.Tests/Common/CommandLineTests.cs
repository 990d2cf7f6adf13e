using QuickDraw.Common;

namespace QuickDraw.Tests.Common;

/// <summary>The scripts' shared parser: what every script's options and --help rest on.</summary>
public class CommandLineTests
{
    static CommandLine Spec() => new CommandLine("dotnet run scripts/x.cs -- [options]", "Does x.")
        .Option("steps", "optimizer steps", "100", "N")
        .Option("lr", "learning rate", "0.001", "X")
        .Option("run", "run folder", null, "DIR")
        .Many("classes", "only these classes, comma-separated", "A,B")
        .Flag("resume", "continue the run")
        .Example("dotnet run scripts/x.cs -- --steps 5");

    [Fact]
    public void ParsesSpaceAndEqualsFormsFlagsAndDefaults()
    {
        var a = Spec().Parse(["--steps", "5", "--run=my run", "--resume"]);
        Assert.Equal(5, a.Int("steps"));
        Assert.Equal(0.001, a.Double("lr"));            // the default
        Assert.Equal("my run", a.Get("run"));
        Assert.True(a.Has("resume"));
        Assert.False(a.Has("classes"));
        Assert.Empty(a.List("classes"));
        Assert.False(a.Help);
        Assert.True(Spec().Parse(["-h"]).Help);
        Assert.True(Spec().Parse(["--steps", "1", "--help"]).Help);
        Assert.Equal(1_000_000, Spec().Parse(["--steps", "1_000_000"]).Long("steps"));
    }

    [Fact]
    public void ARepeatableOptionCollectsEveryOccurrence()
    {
        var a = Spec().Parse(["--classes", "cat, dog", "--classes=The Eiffel Tower"]);
        Assert.Equal(["cat", "dog", "The Eiffel Tower"], a.List("classes"));
    }

    [Theory]
    [InlineData("--stpes 5", "unknown option --stpes; did you mean --steps? (see --help)")]
    [InlineData("--steps 5 --steps 6", "--steps is given twice ('5' and '6'); give it once")]
    [InlineData("--resume=yes", "--resume is a flag and takes no value")]
    [InlineData("--help=yes", "--help is a flag and takes no value")]
    [InlineData("--run", "--run needs a value (DIR)")]
    [InlineData("steps 5", "unexpected argument 'steps': options start with -- (see --help)")]
    public void BadCommandLinesSayWhatIsWrong(string args, string message)
    {
        var e = Assert.Throws<CommandLineException>(() => Spec().Parse(args.Split(' ')));
        Assert.Equal(message, e.Message);
        Assert.IsAssignableFrom<ArgumentException>(e);
    }

    [Theory]
    [InlineData("steps", "five", "--steps must be an integer, not 'five'")]
    [InlineData("lr", "fast", "--lr must be a number, not 'fast'")]
    [InlineData("steps", "99999999999", "--steps is out of range: '99999999999'")]
    public void TypedGettersNameTheOptionInTheirErrors(string name, string value, string message)
    {
        var a = Spec().Parse([$"--{name}", value]);
        var e = Assert.Throws<CommandLineException>(() => name == "lr" ? a.Double(name) : a.Int(name));
        Assert.Equal(message, e.Message);
        Assert.Equal("--run is required (see --help)", Assert.Throws<CommandLineException>(() => a.Require("run")).Message);
    }

    [Fact]
    public void HelpListsEveryOptionWithItsDefaultWrappedAndAligned()
    {
        var longHelp = string.Join(' ', Enumerable.Repeat("a rather long explanation", 20));
        var cli = Spec().Option("wordy", longHelp, "7", "N");
        var help = cli.Help;
        Assert.StartsWith("usage: dotnet run scripts/x.cs -- [options]", help);
        Assert.Contains("Does x.", help);
        Assert.Matches(@"\n  --steps N +optimizer steps \(default: 100\)\n", help);
        Assert.Matches(@"\n  --classes A,B +only these classes, comma-separated \(repeatable\)\n", help);
        Assert.Matches(@"\n  --resume +continue the run\n", help);
        Assert.Matches(@"\n  --help +show this help\n", help);
        Assert.Contains("examples:\n  dotnet run scripts/x.cs -- --steps 5", help.ReplaceLineEndings("\n"));

        var lines = help.ReplaceLineEndings("\n").Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= CommandLine.HelpWidth, $"{l.Length} chars: {l}"));
        // The long text wraps onto lines indented to the help column, and nothing is lost.
        int first = Array.FindIndex(lines, l => l.StartsWith("  --wordy N"));
        int column = lines[first].IndexOf("a rather", StringComparison.Ordinal);
        var wrapped = lines.Skip(first + 1).TakeWhile(l => l.StartsWith(new string(' ', column)) && l.Trim().Length > 0).ToList();
        Assert.NotEmpty(wrapped);
        Assert.All(wrapped, l => Assert.Equal(column, l.Length - l.TrimStart().Length));
        var text = string.Join(' ', new[] { lines[first][column..] }.Concat(wrapped.Select(l => l.Trim())));
        Assert.Equal(longHelp + " (default: 7)", text);
    }
}
