namespace QuickDraw.Experiments;

/// <summary>The files a report wrote (the PNG is null when not asked for).</summary>
public sealed record ReportFiles(string Html, string Markdown, string? Png);
