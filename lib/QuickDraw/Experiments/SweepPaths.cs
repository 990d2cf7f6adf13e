using QuickDraw.Common;

namespace QuickDraw.Experiments;

/// <summary>Where a sweep runs: the repository root (relative data paths start there), the experiments
/// folder (a sweep writes to <c>Experiments/&lt;sweep&gt;/&lt;run&gt;/</c>), the data folder (generated and
/// converted data land in it) and the shared real sample (null when absent).</summary>
public sealed record SweepPaths(string Root, string Experiments, string Data, string? SharedSample)
{
    /// <summary>This repository's folders (see <see cref="RepoPaths"/>).</summary>
    public static SweepPaths Repo => new(RepoPaths.Root, RepoPaths.Experiments, RepoPaths.Data, RepoPaths.SharedQuickDraw);
}
