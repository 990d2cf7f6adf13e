namespace QuickDraw.Notebooks;

/// <summary>
/// What a cell can call besides its own code: <c>display(value)</c>, the one helper the notebooks share with the
/// .NET Interactive C# kernel (there it is <c>Microsoft.DotNet.Interactive.Kernel.display</c>, with the same shape:
/// it returns a handle whose <c>Update</c> replaces the shown value). Public because Roslyn scripts bind to it.
/// </summary>
public sealed class NotebookGlobals
{
    internal CellOutputs? Current { get; set; }

    /// <summary>Shows <paramref name="value"/> under the running cell: an <see cref="Display.Html"/> as HTML,
    /// anything else as text. <paramref name="mimeTypes"/> is accepted for the kernel's signature and ignored.</summary>
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var outputs = Current ?? throw new InvalidOperationException("display() called when no cell is running (from a background task that outlived its cell?)");
        return new DisplayedValue(outputs.Add("display_data", value));
    }
}
