namespace KnowledgeBase.Generator.Diagnostics;

/// <summary>A position in a content file, 1-based, as editors count it.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan FileOnly(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}:{Line}:{Column}";
}

public enum Severity
{
    Error,
    Warning,
}

/// <summary>One problem found in the content, printed in the canonical compiler form.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, string Hint, SourceSpan Span)
{
    public override string ToString()
    {
        var level = Severity == Severity.Error ? "error" : "warning";
        var text = $"{Span}: {level} {Code}: {Message}";
        return string.IsNullOrEmpty(Hint) ? text : $"{text} (hint: {Hint})";
    }
}

/// <summary>Collects diagnostics from every stage so that all problems are reported at once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public Diagnostic Error(DiagnosticCode code, SourceSpan span, string message, string hint = "")
    {
        var d = new Diagnostic(Severity.Error, code.Id, message, hint, span);
        _items.Add(d);
        return d;
    }

    public void Remove(Diagnostic diagnostic) => _items.Remove(diagnostic);

    /// <summary>Takes over another bag's diagnostics and unloaded ids, in their order.</summary>
    public void AddRange(DiagnosticBag other)
    {
        _items.AddRange(other._items);
        Unloaded.UnionWith(other.Unloaded);
    }

    /// <summary>Ids of records that were found but failed to load; references to them are not reported again.</summary>
    public HashSet<string> Unloaded { get; } = new(StringComparer.Ordinal);

    public void Warning(DiagnosticCode code, SourceSpan span, string message, string hint = "") =>
        _items.Add(new Diagnostic(Severity.Warning, code.Id, message, hint, span));

    /// <summary>Diagnostics in a stable order: by file, line, column, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
