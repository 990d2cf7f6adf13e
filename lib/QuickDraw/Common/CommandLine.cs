using System.Text;

namespace QuickDraw.Common;

/// <summary>
/// The scripts' small, shared command-line parser: <c>--name value</c>, <c>--name=value</c> and <c>--flag</c>,
/// with generated <c>--help</c> (options, defaults, examples, wrapped to <see cref="HelpWidth"/>). Unknown options
/// are errors, with a suggestion; so is an option given twice, unless it was declared with <see cref="Many"/>.
/// A <see cref="Switch"/> is a flag that also takes <c>=true</c>/<c>=false</c> (to turn off what a preset turned on);
/// an option may have a short alias (<c>--lr</c> for <c>--learning-rate</c>).
/// </summary>
public sealed class CommandLine(string usage, string description)
{
    /// <summary>Option rows of the help are wrapped to this many characters (usage, description and examples are
    /// printed as written).</summary>
    public const int HelpWidth = 110;

    sealed record Spec(string Name, string Help, string? Default, bool IsFlag, string ValueName, bool Repeatable,
        bool IsSwitch = false, string? Alias = null, string? ShownDefault = null);

    readonly List<Spec> options = [];
    readonly Dictionary<string, string> renamed = [];

    /// <summary>An option that was called <paramref name="formerName"/> (without dashes) before: a command line that
    /// uses the old name is told <paramref name="hint"/> ("--max-minutes is now --max-seconds: ...").</summary>
    public CommandLine Renamed(string formerName, string hint)
    {
        renamed[formerName] = hint;
        return this;
    }
    readonly List<string> examples = [];

    /// <summary>An option with a value; <paramref name="defaultValue"/> is what <see cref="ParsedArgs.Get"/> returns
    /// when it is not given (and what --help shows).</summary>
    public CommandLine Option(string name, string help, string? defaultValue = null, string valueName = "VALUE")
    {
        options.Add(new(name, help, defaultValue, false, valueName, false));
        return this;
    }

    /// <summary>An option with no default of its own (<see cref="ParsedArgs.Has"/> says whether it was given), whose
    /// --help shows <paramref name="shownDefault"/> (what applies when it is not given, e.g. a preset's value), and
    /// an optional short <paramref name="alias"/> (without dashes).</summary>
    public CommandLine Option(string name, string help, string valueName, string? shownDefault, string? alias)
    {
        options.Add(new(name, help, null, false, valueName, false, Alias: alias, ShownDefault: shownDefault));
        return this;
    }

    /// <summary>A flag that also takes an explicit value: <c>--name</c> (true), <c>--name=true</c>, <c>--name=false</c>;
    /// <see cref="ParsedArgs.Get"/> returns "true" or "false" (null when not given).</summary>
    public CommandLine Switch(string name, string help, string? shownDefault = null)
    {
        options.Add(new(name, help, null, true, "", false, IsSwitch: true, ShownDefault: shownDefault));
        return this;
    }

    /// <summary>A repeatable option with a comma-separated list as its value: every occurrence adds to the list
    /// (<see cref="ParsedArgs.List"/>), so <c>--x a,b --x c</c> is <c>a, b, c</c>.</summary>
    public CommandLine Many(string name, string help, string valueName = "LIST")
    {
        options.Add(new(name, help, null, false, valueName, true));
        return this;
    }

    public CommandLine Flag(string name, string help)
    {
        options.Add(new(name, help, null, true, "", false));
        return this;
    }

    public CommandLine Example(string commandLine)
    {
        examples.Add(commandLine);
        return this;
    }

    public string Help
    {
        get
        {
            var sb = new StringBuilder();
            sb.AppendLine($"usage: {usage}").AppendLine().AppendLine(description).AppendLine().AppendLine("options:");
            var all = options.Append(new Spec("help", "show this help", null, true, "", false));
            string Left(Spec o) => "--" + o.Name + (o.Alias != null ? ", --" + o.Alias : "") + (o.IsSwitch ? "[=false]" : o.IsFlag ? "" : " " + o.ValueName);
            int width = Math.Min(all.Max(o => Left(o).Length) + 2, 40);
            foreach (var o in all)
            {
                var left = Left(o);
                var shown = o.Default ?? o.ShownDefault;
                var text = o.Help + (shown != null ? $" (default: {(shown.Length == 0 ? "none" : shown)})" : "")
                                  + (o.Repeatable ? " (repeatable)" : "");
                var lines = Wrap(text, Math.Max(30, HelpWidth - 2 - width)).ToList();
                if (left.Length >= width) { sb.Append("  ").AppendLine(left); sb.Append(' ', 2 + width).AppendLine(lines[0]); }
                else sb.Append("  ").Append(left.PadRight(width)).AppendLine(lines[0]);
                foreach (var more in lines.Skip(1)) sb.Append(' ', 2 + width).AppendLine(more);
            }
            if (examples.Count > 0)
            {
                sb.AppendLine().AppendLine("examples:");
                foreach (var e in examples) sb.AppendLine("  " + e);
            }
            return sb.ToString();
        }
    }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CommandLineException"/> on a bad command line.</summary>
    public ParsedArgs Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var flags = new HashSet<string>();
        bool help = false;
        for (int i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "-h" or "--help" or "-?") { help = true; continue; }
            if (a.StartsWith("--help=")) throw new CommandLineException("--help is a flag and takes no value");
            if (!a.StartsWith("--")) throw new CommandLineException($"unexpected argument '{a}': options start with -- (see --help)");
            var name = a[2..];
            string? inline = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { inline = name[(eq + 1)..]; name = name[..eq]; }
            var spec = options.FirstOrDefault(o => o.Name == name || o.Alias == name);
            if (spec == null && renamed.TryGetValue(name, out var hint))
                throw new CommandLineException($"--{name} is now {hint} (see --help)");
            if (spec == null)
            {
                var near = options.Select(o => o.Name).OrderBy(n => EditDistance.Between(n, name)).First();
                throw new CommandLineException($"unknown option --{name}; did you mean --{near}? (see --help)");
            }
            name = spec.Name;
            if (spec.IsSwitch)
            {
                var value = inline?.ToLowerInvariant() ?? "true";
                if (value is not ("true" or "false")) throw new CommandLineException($"--{name} is true or false (--{name} alone is true), not '{inline}'");
                if (values.TryGetValue(name, out var before)) throw new CommandLineException($"--{name} is given twice ('{before}' and '{value}'); give it once");
                values[name] = value;
            }
            else if (spec.IsFlag)
            {
                if (inline != null) throw new CommandLineException($"--{name} is a flag and takes no value");
                flags.Add(name);
            }
            else
            {
                var value = inline ?? (i + 1 < args.Length ? args[++i] : throw new CommandLineException($"--{name} needs a value ({spec.ValueName})"));
                if (!values.TryGetValue(name, out var before)) values[name] = value;
                else if (spec.Repeatable) values[name] = before + "," + value;
                else throw new CommandLineException($"--{name} is given twice ('{before}' and '{value}'); give it once");
            }
        }
        var given = values.Keys.ToHashSet();
        foreach (var o in options.Where(o => !o.IsFlag && o.Default != null && !values.ContainsKey(o.Name))) values[o.Name] = o.Default!;
        return new ParsedArgs(values, flags, help, given);
    }

    /// <summary>Runs a script's body: prints --help, turns bad command lines into exit code 2 and a message,
    /// a cancellation (Ctrl-C) into exit code 130, and the expected failures (an <see cref="ActionableException"/>,
    /// a corrupt record or file) into a one-line error and exit code 1: never a stack trace for bad input.</summary>
    public int Run(string[] args, Func<ParsedArgs, CancellationToken, int> body)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (cancel.IsCancellationRequested) return; // a second Ctrl-C kills
            e.Cancel = true;
            Console.Error.WriteLine("\nstopping after the current step (Ctrl-C again to kill)...");
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var parsed = Parse(args);
            if (parsed.Help) { Console.Write(Help); return 0; }
            return body(parsed, cancel.Token);
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (ExpectedFailure(e) is var (message, code) && message != null)
        {
            Console.Error.WriteLine($"error: {message}");
            return code;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("interrupted.");
            return 130;
        }
        finally { Console.CancelKeyPress -= onCancel; }
    }

    /// <summary>The one-line message and exit code of an expected failure, or (null, 0) for a bug (left to crash
    /// with its stack trace). Also looks inside the wrappers that tasks and background threads put around it.</summary>
    public static (string? Message, int ExitCode) ExpectedFailure(Exception e)
    {
        for (var x = e; x != null; x = x is AggregateException { InnerExceptions.Count: 1 } or InvalidOperationException { InnerException: not null } ? x.InnerException : null)
        {
            switch (x)
            {
                case ActionableException a: return (OneLine(a.Message), a.ExitCode);
                case IExpectedFailure f: return (OneLine(x.Message), f.ExitCode);
                case TfRecord.TfRecordCorruptException c:
                    return (OneLine($"{c.Message}; the file is damaged: convert (or download) it again"), 1);
                case InvalidDataException d: return (OneLine(d.Message), 1);
                case IOException or UnauthorizedAccessException: return (OneLine(x.Message), 1); // a path given by the user, a full disk
            }
        }
        return (null, 0);
    }

    static string OneLine(string s) => s.ReplaceLineEndings(" ");

    static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width) { yield return line; line = ""; }
                line = line.Length == 0 ? word : line + " " + word;
            }
            yield return line;
        }
    }
}
