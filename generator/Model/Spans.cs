using KnowledgeBase.Generator.Diagnostics;

namespace KnowledgeBase.Generator.Model;

/// <summary>Where a record and each of its fields came from, so later stages can point at them.</summary>
public sealed class Spans(SourceSpan record, IReadOnlyDictionary<string, SourceSpan> fields)
{
    public SourceSpan Record { get; } = record;

    public SourceSpan At(string field) => fields.TryGetValue(field, out var span) ? span : Record;

    public static Spans Of(SourceSpan record) => new(record, new Dictionary<string, SourceSpan>());
}
