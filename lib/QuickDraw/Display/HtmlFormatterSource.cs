namespace QuickDraw.Display;

/// <summary>The convention's formatter source: <c>CreateTypeFormatters()</c> returns objects with a <c>MimeType</c>
/// and a <c>bool Format(object, TextWriter)</c>.</summary>
public sealed class HtmlFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlFormatter("text/html"), new HtmlFormatter("text/plain")];
}
