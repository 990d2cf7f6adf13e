using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>A run of the sweep and its folder, as found before training.</summary>
public sealed record PlannedRun(SweepRun Run, RunFolder Folder, RunState State);
