namespace QuickDraw.Common;

/// <summary>A program the project runs (chromium, dotnet publish, sbatch) is missing or failed: the message says which
/// and what to do; scripts print it as one line (exit code 1).</summary>
public sealed class ExternalToolException(string message) : Exception(message), IExpectedFailure
{
    public int ExitCode => 1;
}
