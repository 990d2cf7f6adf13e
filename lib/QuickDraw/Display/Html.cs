namespace QuickDraw.Display;

/// <summary>
/// HTML for a notebook to show (<c>display(Show.Drawings(...))</c>). It renders as HTML in both engines that run
/// notebooks/: the .NET Interactive C# kernel finds its formatter by convention (an attribute NAMED
/// <c>TypeFormatterSourceAttribute</c>, matched by name, so this lib needs no reference to
/// Microsoft.DotNet.Interactive), and QuickDraw.Notebooks' runner follows the same convention.
/// </summary>
/// <param name="Content">The HTML (or SVG) markup.</param>
/// <param name="Kind">What it shows.</param>
/// <param name="Items">How many things it shows (drawings, chart points, table rows): 0 means an empty picture.</param>
[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed record Html(string Content, HtmlKind Kind = HtmlKind.Html, int Items = 1)
{
    /// <summary>True when there is nothing to look at (no markup, or a picture or chart of nothing).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Content) || Items == 0;

    /// <summary>A short description (what .NET Interactive shows as text/plain; the markup is not readable as text).</summary>
    public override string ToString() => Kind switch
    {
        HtmlKind.Chart => $"[chart: {Items} points]",
        HtmlKind.Picture => $"[picture: {Items} drawings]",
        _ => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(
                 System.Text.RegularExpressions.Regex.Replace(Content, "<[^>]+>", " "), @"\s+", " ")).Trim(),
    };
}
