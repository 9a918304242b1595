namespace KnowledgeBase.Generator.Model;

public sealed record Answer(
    string JurisdictionId,
    AnswerStatus Status,
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
    /// <summary>
    /// A value stands in the matrix: read in the law, reported by reliable sources, or the reading a dispute follows.
    /// </summary>
    public bool IsAnswered => Status is AnswerStatus.Answered or AnswerStatus.Reported or AnswerStatus.Disputed;
    public bool IsGap => Status == AnswerStatus.NoProvision;
    public bool IsUnresearched => Status == AnswerStatus.NotResearched;
    public bool IsReported => Status == AnswerStatus.Reported;
    public bool IsDisputed => Status == AnswerStatus.Disputed;

    /// <summary>The status as content and downloads write it ("no-provision").</summary>
    public string StatusName => YamlNames.Of(Status);

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
    public Verification Verification =>
        !AllSources.Any() ? Verification.Unverified
        : Status == AnswerStatus.Answered && Sources.Any(s => s.IsLawText) ? Verification.Primary
        : Verification.Secondary;

    /// <summary>What the answer rests on, in words: "read in an unofficial copy of the statute's text".</summary>
    public string? ReadIn =>
        (Status == AnswerStatus.Answered
            ? SourceKinds.Strongest(Sources)
            : SourceKinds.Strongest(AllSources.Where(s => !s.IsLawText)) ?? SourceKinds.Strongest(AllSources))
        is { } kind ? SourceKinds.ReadIn(kind) : null;
}

/// <summary>How an answer is known; content writes it in kebab case (<see cref="YamlNames"/>).</summary>
public enum AnswerStatus
{
    /// <summary>Read in the law's text at the cited section.</summary>
    Answered,

    /// <summary>Reliable sources agree on the value; the section was not confirmed.</summary>
    Reported,

    /// <summary>Sources conflict; the readings are shown and one is followed.</summary>
    Disputed,

    /// <summary>No law in force provides for it: a gap in the law.</summary>
    NoProvision,

    /// <summary>No usable source found yet: a gap in our data.</summary>
    NotResearched,
}
