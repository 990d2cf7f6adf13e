namespace QuickDraw.Experiments;

/// <summary>One run as a report embeds it: enough to redraw every chart and the leaderboard.</summary>
/// <param name="Name">The run's folder name.</param>
/// <param name="Folder">The run folder's path relative to the report's folder.</param>
/// <param name="Label">What the charts call it: the model's short label (e.g. conv48-64-96_k5-5-3_lstm3x128).</param>
/// <param name="Parameters">Trainable parameters of its model.</param>
/// <param name="ExamplesPerSecond">Training throughput (null when the run never logged one).</param>
/// <param name="Completed">Whether it reached its step or time budget.</param>
/// <param name="Data">The shard folder it trained on.</param>
/// <param name="LearningRate">The Adam learning rate it used.</param>
/// <param name="BatchSize">Drawings per step.</param>
/// <param name="Metrics">Its metrics.csv.</param>
public sealed record ReportRun(string Name, string Folder, string Label, long Parameters, double? ExamplesPerSecond, bool Completed,
    string Data, double LearningRate, int BatchSize, ReportMetrics Metrics);
