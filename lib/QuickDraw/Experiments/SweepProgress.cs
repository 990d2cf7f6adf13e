using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>Progress of the whole sweep: run <paramref name="Index"/> (0-based) of <paramref name="Count"/>,
/// <paramref name="Fraction"/> of the sweep done (finished runs count whole, the current one by its budget),
/// with the trainer's report or a message.</summary>
public sealed record SweepProgress(int Index, int Count, string Run, double Fraction, TrainingProgress? Training = null, string? Message = null);
