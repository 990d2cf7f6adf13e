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

/// <summary>Names the formatters of a type, by .NET Interactive's convention (the attribute is found by its NAME).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
    public string[] PreferredMimeTypes { get; set; } = [];
}

/// <summary>The convention's formatter source: <c>CreateTypeFormatters()</c> returns objects with a <c>MimeType</c>
/// and a <c>bool Format(object, TextWriter)</c>.</summary>
public sealed class HtmlFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlFormatter("text/html"), new HtmlFormatter("text/plain")];
}

/// <summary>Writes an <see cref="Html"/> as markup (text/html) or as its short description (text/plain).</summary>
public sealed class HtmlFormatter(string mimeType)
{
    public string MimeType { get; } = mimeType;

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not Html html) return false;
        writer.Write(MimeType == "text/html" ? html.Content : html.ToString());
        return true;
    }
}
