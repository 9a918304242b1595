using KnowledgeBase.Generator.Diagnostics;

namespace KnowledgeBase.Generator.Model;

/// <summary>Where a record and each of its fields came from, so later stages can point at them.</summary>
public sealed class Spans(SourceSpan record, IReadOnlyDictionary<string, SourceSpan> fields)
{
    public SourceSpan Record { get; } = record;

    public SourceSpan At(string field) => fields.TryGetValue(field, out var span) ? span : Record;

    public static Spans Of(SourceSpan record) => new(record, new Dictionary<string, SourceSpan>());
}

public static class Vocab
{
    public static readonly string[] JurisdictionKinds = ["federation", "capital-territory", "province"];
    public static readonly string[] StatuteStatuses = ["in-force", "amended", "repealed", "bill"];
    public static readonly string[] RulesStates = ["yes", "no", "unknown", "not-applicable"];
    public static readonly string[] Verifications = ["primary", "secondary", "unverified"];
    public static readonly string[] InstitutionKinds =
        ["ministry", "department", "commission", "authority", "bureau", "unit", "court", "helpline", "police-unit", "council", "agency"];
    public static readonly string[] InstitutionStatuses =
        ["operational", "constituted", "not-constituted", "abolished", "unknown"];
    public static readonly string[] AnswerTypes = ["age", "number", "yes-no", "range", "text"];
    public static readonly string[] Restates = ["rules-notified", "body-constituted"];
    public static readonly string[] Directions = ["higher-is-stronger", "lower-is-stronger", "yes-is-stronger", "none"];
}

public sealed record Jurisdiction(
    string Id, string Name, string Kind, string Seat, IReadOnlyList<string> Aliases, int Order, Spans Spans);

public sealed record Section(string Number, string Heading, string Summary, Spans Spans)
{
    /// <summary>The fragment id of the section on its statute page: "s-377a", "s-2-a".</summary>
    public string Anchor => SectionAnchor.For(Number);
}

public static class SectionAnchor
{
    /// <summary>"25-A" and "25A" are the same section as printed two ways, so both give "s-25a"; "2(1)(d)" gives "s-2-1-d".</summary>
    public static string For(string number)
    {
        var joined = number.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        var chars = joined.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-');
        var slug = string.Join('-', new string(chars.ToArray()).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return "s-" + slug;
    }
}

public sealed record Statute(
    string Id,
    string JurisdictionId,
    string Title,
    string? ShortTitle,
    int Year,
    string? ActNumber,
    string Status,
    IReadOnlyList<string> AppliesTo,
    IReadOnlyList<string> Themes,
    string RulesNotified,
    string? RulesNote,
    PartialDate? RulesNotifiedOn,
    DateOnly? RulesAsOf,
    IReadOnlyList<Source> RulesSources,
    Ordinance? Ordinance,
    IReadOnlyList<string> Amends,
    IReadOnlyList<string> Repeals,
    string SourceUrl,
    DateOnly CheckedOn,
    string Verification,
    string Summary,
    string? Notes,
    IReadOnlyList<Section> Sections,
    Spans Spans)
{
    /// <summary>How the record was researched: the sources consulted and what each said (shown collapsed).</summary>
    public string? Research { get; init; }

    /// <summary>Ids the record was published under before a rename: their URLs redirect to this record's.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>An ordinance past its constitutional life with nothing recorded to replace, extend or end it.</summary>
    public bool MayHaveLapsed(DateOnly asOf) => Ordinance?.MayHaveLapsed(asOf, JurisdictionId is "federal" or "ict") == true;

    public Section? FindSection(string number) =>
        Sections.FirstOrDefault(s => s.Anchor == SectionAnchor.For(number));
}

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
    string Status,
    IReadOnlyList<string> Reach,
    IReadOnlyList<Mandate> Mandates,
    string SourceUrl,
    DateOnly CheckedOn,
    string Verification,
    string Summary,
    string? Notes,
    Spans Spans)
{
    /// <summary>How the record was researched: the sources consulted and what each said (shown collapsed).</summary>
    public string? Research { get; init; }

    /// <summary>Ids the record was published under before a rename: their URLs redirect to this record's.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

public sealed record Benchmark(string Value, string Instrument, string SourceUrl, string? Note, Spans Spans);

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

public sealed record Topic(
    string Id,
    string Title,
    string Question,
    string Theme,
    string AnswerType,
    string? Unit,
    string Direction,
    Benchmark? Benchmark,
    Coding? Coding,
    string? Restates,
    IReadOnlyList<Answer> Answers,
    Spans Spans)
{
    public Answer? AnswerFor(string jurisdictionId) => Answers.FirstOrDefault(a => a.JurisdictionId == jurisdictionId);

    /// <summary>Ids the record was published under before a rename: their URLs redirect to this record's.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

public sealed record ArticleSource(string Title, string Url);

public sealed record Article(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    DateOnly CheckedOn,
    IReadOnlyList<ArticleSource> Sources,
    string Body,
    Spans Spans);

public sealed record Term(string Id, string Label);

public sealed record SynonymGroup(IReadOnlyList<string> Phrases);

public sealed record SiteSettings(string Title, string BaseUrl, string Description, DateOnly? AsOf = null)
{
    /// <summary>Where readers report an error: the repository's new-issue form (prefilled through its query string), if configured.</summary>
    public string? ReportIssueForm { get; init; }

    /// <summary>The corrections mailbox, used as a mailto: fallback beside the form, if configured.</summary>
    public string? ReportEmail { get; init; }
}

/// <summary>Everything loaded from content/, immutable, in a stable (ordinal id) order.</summary>
public sealed record KnowledgeBaseModel(
    SiteSettings Site,
    IReadOnlyList<Jurisdiction> Jurisdictions,
    IReadOnlyList<Statute> Statutes,
    IReadOnlyList<Institution> Institutions,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Article> Articles,
    IReadOnlyList<Term> Themes,
    IReadOnlyList<Term> MandateFunctions,
    IReadOnlyList<SynonymGroup> Synonyms)
{
    /// <summary>Archived data releases (content/releases/), oldest first.</summary>
    public IReadOnlyList<Publish.DataRelease> Releases { get; init; } = [];

    /// <summary>Records of the kinds that live in one place (generator/Kinds), by kind folder, each list in id order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Kinds.KindRecord>> Kinds { get; init; } =
        new Dictionary<string, IReadOnlyList<Kinds.KindRecord>>(StringComparer.Ordinal);

    /// <summary>
    /// The day the content speaks for: site.yaml's as_of, or else the latest day any source was
    /// read. Derived from content, never from the clock, so the same content builds the same site.
    /// </summary>
    public DateOnly AsOf => _asOf ??= Site.AsOf ?? LatestReading();

    private DateOnly? _asOf;

    private DateOnly LatestReading()
    {
        var dates = Statutes.Select(s => s.CheckedOn)
            .Concat(Institutions.Select(i => i.CheckedOn))
            .Concat(Topics.SelectMany(t => t.Answers).SelectMany(a => a.Sources).Select(s => s.ReadOn))
            .Concat(Kinds.Values.SelectMany(list => list).SelectMany(r => r.AllSources).Select(s => s.ReadOn));
        return dates.DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max();
    }

    /// <summary>The jurisdictions whose answers are compared (every one but the Federation itself).</summary>
    public IReadOnlyList<Jurisdiction> Compared => _compared ??= Jurisdictions.Where(j => j.Kind != "federation").ToList();

    private IReadOnlyList<Jurisdiction>? _compared;

    // Lookups by id are hashed: pages look records up thousands of times on a large corpus.
    private Dictionary<string, Jurisdiction>? _jurisdictions;
    private Dictionary<string, Statute>? _statutes;
    private Dictionary<string, Institution>? _institutions;
    private Dictionary<string, Topic>? _topics;
    private Dictionary<string, string>? _labels;

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) map.TryAdd(id(item), item); // first wins, as validation reports duplicates
        return map;
    }

    public Jurisdiction? Jurisdiction(string id) => (_jurisdictions ??= ById(Jurisdictions, j => j.Id)).GetValueOrDefault(id);
    public Statute? Statute(string id) => (_statutes ??= ById(Statutes, s => s.Id)).GetValueOrDefault(id);
    public Institution? Institution(string id) => (_institutions ??= ById(Institutions, s => s.Id)).GetValueOrDefault(id);
    public Topic? Topic(string id) => (_topics ??= ById(Topics, s => s.Id)).GetValueOrDefault(id);
    public string ThemeLabel(string id) => Labels().TryGetValue("t:" + id, out var l) ? l : id;
    public string FunctionLabel(string id) => Labels().TryGetValue("f:" + id, out var l) ? l : id;

    private Dictionary<string, string> Labels()
    {
        if (_labels is not null) return _labels;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in Themes) map.TryAdd("t:" + t.Id, t.Label);
        foreach (var f in MandateFunctions) map.TryAdd("f:" + f.Id, f.Label);
        return _labels = map;
    }
    public string JurisdictionName(string id) => Jurisdiction(id)?.Name ?? id;
}
