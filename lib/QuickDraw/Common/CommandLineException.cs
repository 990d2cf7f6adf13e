namespace QuickDraw.Common;

/// <summary>A bad command line: the message says what is wrong; scripts print it and exit with code 2.</summary>
public sealed class CommandLineException(string message) : ArgumentException(message);
