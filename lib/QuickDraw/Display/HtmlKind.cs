namespace QuickDraw.Display;

/// <summary>What a piece of HTML shows, so a notebook runner can check that a cell produced the picture it promised.</summary>
public enum HtmlKind
{
    /// <summary>Text, tables, notes.</summary>
    Html,
    /// <summary>Inline SVG drawings.</summary>
    Picture,
    /// <summary>A Plotly chart with its plotly.js embedded.</summary>
    Chart,
}
