using QuickDraw.Common;

namespace QuickDraw.Experiments;

/// <summary>A sweep spec that cannot run: the message names the file, the place in it and what is wrong.</summary>
public sealed class SweepSpecException(string message) : Exception(message), IExpectedFailure
{
    public int ExitCode => 2;
}
