namespace QuickDraw.Display;

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
