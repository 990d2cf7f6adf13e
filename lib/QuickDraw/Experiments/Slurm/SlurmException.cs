namespace QuickDraw.Experiments.Slurm;

/// <summary>SLURM is missing, refused a request, or was asked for something it does not have; the message says
/// what and what to do. Scripts print it and exit 1.</summary>
public sealed class SlurmException(string message) : Exception(message), Common.IExpectedFailure
{
    public int ExitCode => 1;
}
