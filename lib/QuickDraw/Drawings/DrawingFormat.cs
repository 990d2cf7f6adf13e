namespace QuickDraw.Drawings;

/// <summary>Input formats of the dataset.</summary>
public enum DrawingFormat { Ndjson, Binary }
