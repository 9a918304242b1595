namespace KnowledgeBase.Generator.Model;

public sealed record Answer(
    string JurisdictionId,
    string Status,
    string? Value,
    string? Qualifier,
    string? StatuteId,
    string? Section,
    string? Quote,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Reading> Readings,
    string? Follows,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<string> Institutions,
    string? Note,
    string? Research,
    Spans Spans)
{
    /// <summary>A value stands in the matrix: read in the law, reported by reliable sources, or the reading a dispute follows.</summary>
    public bool IsAnswered => Status is AnswerStatuses.Answered or AnswerStatuses.Reported or AnswerStatuses.Disputed;
    public bool IsGap => Status == AnswerStatuses.NoProvision;
    public bool IsUnresearched => Status == AnswerStatuses.NotResearched;
    public bool IsReported => Status == AnswerStatuses.Reported;
    public bool IsDisputed => Status == AnswerStatuses.Disputed;

    /// <summary>Every source behind the answer: its own and, for a disputed answer, each reading's.</summary>
    public IEnumerable<Source> AllSources => Sources.Concat(Readings.SelectMany(r => r.Sources));

    /// <summary>The first source, as the one-URL columns of the data downloads give it.</summary>
    public string? SourceUrl => AllSources.FirstOrDefault()?.Url;

    /// <summary>The day the most recently read source was read.</summary>
    public DateOnly? CheckedOn => AllSources.Select(s => (DateOnly?)s.ReadOn).Max();

    /// <summary>
    /// Derived, never asserted: primary when the value was read in the text of the law (or a
    /// judgment) at a cited section; secondary when it rests on reports; unverified without sources.
    /// </summary>
    public string Verification =>
        !AllSources.Any() ? "unverified"
        : Status == AnswerStatuses.Answered && Sources.Any(s => s.IsLawText) ? "primary"
        : "secondary";

    /// <summary>What the answer rests on, in words: "read in an unofficial copy of the statute's text".</summary>
    public string? ReadIn =>
        (Status == AnswerStatuses.Answered ? SourceKinds.Strongest(Sources) : SourceKinds.Strongest(AllSources.Where(s => !s.IsLawText)) ?? SourceKinds.Strongest(AllSources))
        is { } kind ? SourceKinds.ReadIn(kind) : null;
}

public static class AnswerStatuses
{
    public const string Answered = "answered";
    public const string Reported = "reported";
    public const string Disputed = "disputed";
    public const string NoProvision = "no-provision";
    public const string NotResearched = "not-researched";

    public static readonly string[] All = [Answered, Reported, Disputed, NoProvision, NotResearched];
}
