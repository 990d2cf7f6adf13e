namespace QuickDraw.Common;

/// <summary>An exception whose message is for the user (bad input, a spec that cannot run, a scheduler's refusal):
/// <see cref="CommandLine.Run"/> prints it as one line and exits with <see cref="ExitCode"/>, never a stack trace.</summary>
public interface IExpectedFailure
{
    /// <summary>The script's exit code: 1 for a failure, 2 for input that can never work.</summary>
    int ExitCode { get; }
}
