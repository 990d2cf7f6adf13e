using System.Globalization;

namespace QuickDraw.Common;

/// <summary>Parsed options, with typed getters that name the option in their errors.</summary>
public sealed class ParsedArgs(Dictionary<string, string> values, HashSet<string> flags, bool help, HashSet<string>? given = null)
{
    public bool Help => help;
    public bool Has(string name) => flags.Contains(name) || values.ContainsKey(name);
    public string? Get(string name) => values.GetValueOrDefault(name);
    public string Require(string name) => Get(name) ?? throw new CommandLineException($"--{name} is required (see --help)");

    public int Int(string name) => Convert(name, s => int.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture), "an integer");
    public long Long(string name) => Convert(name, s => long.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture), "an integer");
    public double Double(string name) => Convert(name, s => double.Parse(s, CultureInfo.InvariantCulture), "a number");
    public int[] Ints(string name) => Convert(name, s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray(), "comma-separated integers");
    public string[] List(string name) => Get(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>The names of the options given (not defaulted) and flags set.</summary>
    public IEnumerable<string> Given => flags.Concat(values.Keys.Where(k => given?.Contains(k) ?? true));

    T Convert<T>(string name, Func<string, T> parse, string what)
    {
        var s = Require(name);
        try { return parse(s); }
        catch (FormatException) { throw new CommandLineException($"--{name} must be {what}, not '{s}'"); }
        catch (OverflowException) { throw new CommandLineException($"--{name} is out of range: '{s}'"); }
    }
}
