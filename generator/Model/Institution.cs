namespace KnowledgeBase.Generator.Model;

public sealed record Mandate(string Function, string? Section, string? StatuteId, string? Note, Spans Spans);

public sealed record Institution(
    string Id,
    string JurisdictionId,
    string Name,
    string? Acronym,
    string Kind,
    int? Established,
    string? StatuteId,
    string? StatuteSection,
    string? Parent,
    InstitutionStatus Status,
    IReadOnlyList<string> Reach,
    IReadOnlyList<Mandate> Mandates,
    string SourceUrl,
    DateOnly CheckedOn,
    Verification Verification,
    string Summary,
    string? Notes,
    Spans Spans)
{
    /// <summary>How the record was researched: the sources consulted and what each said (shown collapsed).</summary>
    public string? Research { get; init; }

    /// <summary>Ids the record was published under before a rename: their URLs redirect to this record's.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
