namespace QuickDraw.Common;

/// <summary>A bad command line: the message says what is wrong; scripts print it and exit with
/// <paramref name="exitCode"/> (2: a malformed command line; 1: a well-formed value out of its range).</summary>
public sealed class CommandLineException(string message, int exitCode = 2) : ArgumentException(message)
{
    /// <summary>The script's exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
