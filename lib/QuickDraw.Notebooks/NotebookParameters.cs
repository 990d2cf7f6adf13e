using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace QuickDraw.Notebooks;

/// <summary>
/// The parameters cell: the cell tagged "parameters" (papermill's convention), else the first code cell. Its
/// top-level declarations (<c>var steps = 200;</c>, <c>string data = "";</c>) are what <c>--param name=value</c>
/// overrides: a string initializer takes the value as text, anything else takes it as a C# expression
/// (<c>5</c>, <c>true</c>, <c>1e-3</c>, <c>new[] { 8, 16 }</c>).
/// </summary>
public static class NotebookParameters
{
    /// <summary>The parameters cell, or null when the notebook has no code cell.</summary>
    public static NotebookCell? Cell(NotebookFile notebook) =>
        notebook.Cells.FirstOrDefault(c => c.IsCode && c.Tags.Contains("parameters")) ?? notebook.Cells.FirstOrDefault(c => c.IsCode);

    /// <summary>Name → initializer text of each top-level variable the cell declares.</summary>
    public static IReadOnlyDictionary<string, string> Read(string cellSource) =>
        Declarators(Parse(cellSource)).ToDictionary(d => d.Identifier.Text, d => d.Initializer?.Value.ToString() ?? "");

    /// <summary>The cell's source with each override applied; an unknown name throws, listing the known ones.</summary>
    public static string Apply(string cellSource, IReadOnlyDictionary<string, string> overrides)
    {
        if (overrides.Count == 0) return cellSource;
        var root = Parse(cellSource);
        var declarators = Declarators(root).ToList();
        foreach (var name in overrides.Keys)
            if (!declarators.Any(d => d.Identifier.Text == name))
                throw new ArgumentException($"no parameter '{name}' in the parameters cell; it declares: {string.Join(", ", declarators.Select(d => d.Identifier.Text))}");
        var rewritten = root.ReplaceNodes(declarators.Where(d => overrides.ContainsKey(d.Identifier.Text) && d.Initializer != null),
            (original, _) => original.WithInitializer(original.Initializer!.WithValue(
                Expression(original.Initializer.Value, overrides[original.Identifier.Text]).WithTriviaFrom(original.Initializer.Value))));
        return rewritten.ToFullString();
    }

    static ExpressionSyntax Expression(ExpressionSyntax original, string value)
    {
        bool isText = original is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } or InterpolatedStringExpressionSyntax;
        if (isText) return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
        var parsed = SyntaxFactory.ParseExpression(value);
        if (parsed.ContainsDiagnostics)
            throw new ArgumentException($"'{value}' is not a C# expression (the parameter's default, {original}, is not a string, so the value is code)");
        return parsed;
    }

    static CompilationUnitSyntax Parse(string source) =>
        (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)).GetRoot();

    // In a script, `var x = 1;` at top level is a field declaration; inside a global statement it is a local one.
    static IEnumerable<VariableDeclaratorSyntax> Declarators(CompilationUnitSyntax root) =>
        root.Members.SelectMany(m => m switch
        {
            FieldDeclarationSyntax f => f.Declaration.Variables,
            GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax l } => l.Declaration.Variables,
            _ => Enumerable.Empty<VariableDeclaratorSyntax>(),
        });

    /// <summary>Parses "name=value" pairs (the value may contain '=').</summary>
    public static KeyValuePair<string, string> ParsePair(string pair)
    {
        int eq = pair.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"--param needs name=value, got '{pair}'");
        return new(pair[..eq].Trim(), pair[(eq + 1)..]);
    }
}
