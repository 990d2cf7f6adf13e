namespace QuickDraw.Common;

/// <summary>
/// An expected failure (bad input, a damaged file, a folder in use) that a person can act on. It says what is
/// wrong, where (a file, a line, a folder) and what to do; <see cref="CommandLine.Run"/> prints it as one line,
/// <c>error: WHERE: WHAT; WHAT TO DO</c>, and exits with <see cref="ExitCode"/>, never with a stack trace.
/// </summary>
public sealed class ActionableException(string what, string where, string whatToDo, int exitCode = 1, Exception? inner = null)
    : Exception($"{where}: {what}; {whatToDo}", inner)
{
    /// <summary>What is wrong ("class name holds a newline").</summary>
    public string What { get; } = what;

    /// <summary>Where: a file, a line of it, a folder.</summary>
    public string Where { get; } = where;

    /// <summary>What the user can do about it ("rename the file").</summary>
    public string WhatToDo { get; } = whatToDo;

    /// <summary>The scripts' exit code for it: 2 for a bad command line, 1 otherwise.</summary>
    public int ExitCode { get; } = exitCode;
}
