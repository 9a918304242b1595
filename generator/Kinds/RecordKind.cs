using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Search;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>
/// A record of a kind that lives in one place (<see cref="RecordKind"/>): its id, where it came from, what it rests on.
/// </summary>
public abstract record KindRecord(string Id, Spans Spans)
{
    /// <summary>The record's name as a reader sees it: page title, search title, link text.</summary>
    public abstract string Title { get; }

    /// <summary>The jurisdiction the record belongs to, where it has one (jurisdiction profiles list it).</summary>
    public abstract string? JurisdictionId { get; }

    /// <summary>Every source the record cites, wherever in it.</summary>
    public abstract IEnumerable<Source> AllSources { get; }

    /// <summary>How it was researched: the sources consulted and what each said (shown collapsed).</summary>
    public string? Research { get; init; }

    /// <summary>Ids the record was published under before a rename: their URLs redirect to this record's.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>What a record can point at on another kind's page, typed rather than spelt as a string.</summary>
public enum TargetKind { Statute, Topic, Jurisdiction, Institution }

/// <summary>A page of another kind that a record of this kind adds a section to.</summary>
public readonly record struct Target(TargetKind Kind, string Id);

/// <summary>
/// A record kind in one place: how its files are read and checked, how it is indexed, rendered
/// and exported, and which other pages show it. The stages loop over <see cref="RecordKinds.All"/>;
/// adding a kind is one class like <see cref="JudgmentKind"/> and one line there.
/// </summary>
internal abstract class RecordKind : Kind
{
    /// <summary>One sentence under the index page's title.</summary>
    public abstract string Lead { get; }

    /// <summary>The extension of the kind's files; others in its folder are reported and skipped.</summary>
    public virtual string Extension => ".yaml";

    /// <summary>Reads one file's text into a record; YAML kinds read its mapping with <see cref="Read"/>.</summary>
    internal virtual KindRecord? ReadFile(string display, string text, DiagnosticBag bag) =>
        ContentLoader.ReadText(display, text, bag, Name, Read);

    /// <summary>A record's page; the default is the kinds' common layout around <see cref="Body"/>.</summary>
    public virtual byte[] RenderPage(RecordPages r, KindRecord record) => RecordKinds.Page(this, r, record);

    /// <summary>The kind's index page; the default lists every record, grouped by jurisdiction.</summary>
    public virtual byte[] RenderIndex(RecordPages r) => RecordKinds.IndexPage(this, r);

    public string Url(string id) => $"{Folder}/{id}/";

    /// <summary>
    /// Reads one file's mapping into a record, or null when it is too broken to use (the reader has said why).
    /// </summary>
    internal abstract KindRecord? Read(MappingReader r);

    /// <summary>Cross-record checks: references resolve, dates are not in the future, notes are for readers.</summary>
    internal abstract void Validate(KnowledgeBaseModel kb, KindRecord record, Checks check);

    /// <summary>The search documents of one record.</summary>
    public abstract IEnumerable<SearchDocument> Documents(KnowledgeBaseModel kb, KindRecord record);

    /// <summary>The body of a record's own page.</summary>
    public abstract IEnumerable<object?> Body(PageContext ctx, KnowledgeBaseModel kb, KindRecord record);

    /// <summary>The page description (meta) of a record.</summary>
    public abstract string Description(KindRecord record);

    /// <summary>One index-page list item for a record.</summary>
    public abstract object Item(PageContext ctx, KnowledgeBaseModel kb, KindRecord record);

    /// <summary>The other records' pages a record adds a section to.</summary>
    public abstract IEnumerable<Target> Targets(KnowledgeBaseModel kb, KindRecord record);

    /// <summary>
    /// The section this kind adds to a target's page, from the records that name it; null when none do.
    /// </summary>
    public abstract Element? SectionOn(PageContext ctx, KnowledgeBaseModel kb, Target target,
        IReadOnlyList<KindRecord> naming);

    /// <summary>
    /// A section on the home page, where the kind has something every reader should see first; null for none.
    /// </summary>
    public virtual Element? OnHome(PageContext ctx, KnowledgeBaseModel kb) => null;

    /// <summary>The CSV under data/: its columns (with meaning and type) and one row per line of the table.</summary>
    public abstract (DataFile File, Func<KnowledgeBaseModel, IEnumerable<IReadOnlyList<string?>>> Rows) Export { get; }

    /// <summary>The records of this kind in <paramref name="kb"/>.</summary>
    public IReadOnlyList<KindRecord> In(KnowledgeBaseModel kb) => kb.Kinds.GetValueOrDefault(Folder) ?? [];

    public override IEnumerable<string> Ids(KnowledgeBaseModel kb) => In(kb).Select(r => r.Id);

    internal override void ValidateAll(KnowledgeBaseModel kb, Checks check)
    {
        KnowledgeBase.Generator.Validate.RecordValidator.Aliases(In(kb), r => r.Id, r => r.Aliases, r => r.Spans, Name,
            check.Bag);
        KnowledgeBase.Generator.Validate.RecordValidator.Unique(In(kb), r => r.Id, r => r.Spans, Name, check.Bag);
        foreach (var record in In(kb)) Validate(kb, record, check);
    }

    public override IEnumerable<Func<IEnumerable<SearchDocument>>> Documents(KnowledgeBaseModel kb) =>
        In(kb).Select(r => (Func<IEnumerable<SearchDocument>>)(() => Documents(kb, r)));

    public override IEnumerable<PageJob> Pages(RecordPages pages) =>
        In(pages.Kb).Select(r => new PageJob(Url(r.Id), () => RenderPage(pages, r)))
            .Prepend(new PageJob(IndexUrl, () => RenderIndex(pages)));

    public override IReadOnlyList<KindExport> Exports => [new KindExport(Export.File, (kb, _) => Export.Rows(kb))];
}

/// <summary>What a kind's checks need: the ids that references may name, and the diagnostics bag.</summary>
internal sealed class Checks(KnowledgeBaseModel kb, DiagnosticBag bag, DateOnly today)
{
    public DiagnosticBag Bag { get; } = bag;
    public DateOnly Today { get; } = today;
    // The ids references may name, built once per check and shared by every kind's checks.
    internal HashSet<string> JurisdictionIds { get; } =
        kb.Jurisdictions.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
    internal HashSet<string> ThemeIds { get; } = kb.Themes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
    internal HashSet<string> TopicIds { get; } = kb.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
    internal HashSet<string> InstitutionIds { get; } =
        kb.Institutions.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
    internal HashSet<string> FunctionIds { get; } =
        kb.MandateFunctions.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Statutes by id, the first of a duplicated id (which the statute checks report).</summary>
    internal Dictionary<string, Statute> StatutesById { get; } =
        kb.Statutes.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public bool Jurisdiction(string id, SourceSpan at) =>
        Validate.RecordValidator.Ref(JurisdictionIds, id, at, "jurisdiction", Bag);
    public bool Theme(string id, SourceSpan at) =>
        Validate.RecordValidator.Ref(ThemeIds, id, at, "theme", Bag,
            "themes are listed in content/taxonomy/themes.yaml");
    public bool Topic(string id, SourceSpan at) => Validate.RecordValidator.Ref(TopicIds, id, at, "topic", Bag);
    public bool Institution(string id, SourceSpan at) =>
        Validate.RecordValidator.Ref(InstitutionIds, id, at, "institution", Bag);
    public bool Function(string id, SourceSpan at) =>
        Validate.RecordValidator.Ref(FunctionIds, id, at, "mandate function", Bag,
            "mandate functions are listed in content/taxonomy/mandate-functions.yaml");

    public bool Statute(KnowledgeBaseModel kb, string id, string? section, SourceSpan at, SourceSpan sectionAt)
    {
        if (!Validate.RecordValidator.Ref(StatutesById.Keys, id, at, "statute", Bag)) return false;
        if (section is not null) Validate.RecordValidator.SectionRef(kb.Statute(id)!, section, sectionAt, Bag);
        return true;
    }

    public void NotFuture(PartialDate date, SourceSpan at)
    {
        if (date.First > Today)
            Bag.Error(Codes.FutureDate, at, $"date {date.Iso} is in the future", "check the date against the source");
    }

    public void NotFuture(DateOnly date, SourceSpan at) => Validate.RecordValidator.NotFuture(date, at, Today, Bag);

    public void Sources(IEnumerable<Source> sources)
    {
        foreach (var s in sources) NotFuture(s.ReadOn, s.Spans.At("read_on"));
    }

    public void ForReaders(string? text, SourceSpan at, string what, bool limitWords = true) =>
        Validate.AnswerRules.ForReaders(text, at, what, Bag, limitWords);

    public void FileNamed(KindRecord record) => Validate.RecordValidator.FileNamed(record.Spans, record.Id, null, Bag);
}

/// <summary>
/// The kinds that live in one place, in the order their pages, navigation entries and downloads appear.
/// </summary>
internal static class RecordKinds
{
    public static readonly JudgmentKind Judgments = new();
    public static readonly PolicyKind Policies = new();
    public static readonly IndicatorKind Indicators = new();
    public static readonly ArticleKind Articles = new();

    public static IReadOnlyList<RecordKind> All { get; } = [Judgments, Policies, Indicators, Articles];

    public static readonly JurisdictionKind Jurisdictions = new();
    public static readonly StatuteKind Statutes = new();
    public static readonly InstitutionKind Institutions = new();
    public static readonly TopicKind Topics = new();

    /// <summary>
    /// Every kind, in the order the stages take them: the comparison's own kinds first, then <see cref="All"/>.
    /// </summary>
    public static IReadOnlyList<Kind> Every { get; } = [Jurisdictions, Statutes, Institutions, Topics, .. All];

    /// <summary>Every kind's section on <paramref name="target"/>'s page, from the records that name it.</summary>
    public static IEnumerable<Element> SectionsOn(PageContext ctx, KnowledgeBaseModel kb, Target target) =>
        All.Select(k => (Kind: k, Naming: k.In(kb).Where(r => k.Targets(kb, r).Contains(target)).ToList()))
            .Where(x => x.Naming.Count > 0)
            .Select(x => x.Kind.SectionOn(ctx, kb, target, x.Naming))
            .OfType<Element>();

    /// <summary>A record's own page.</summary>
    public static byte[] Page(RecordKind kind, RecordPages r, KindRecord record)
    {
        var kb = r.Kb;
        var ctx = r.Ctx(kind.Url(record.Id));
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (kind.IndexUrl, kind.Plural)), E("h1", C(record.Title)),
        };
        body.AddRange(kind.Body(ctx, kb, record));
        if (record.Research is not null)
            body.Add(E("details", Class("research"), E("summary", "How this was researched"),
                MarkdownRenderer.Render(kb, record.Research)));
        body.Add(Layout.ReportLink(ctx, record.Title, ctx.Absolute(ctx.Url)));
        return Layout.Page(ctx, record.Title, kind.Description(record), body);
    }

    /// <summary>A kind's index page: every record, grouped by jurisdiction where records have one.</summary>
    public static byte[] IndexPage(RecordKind kind, RecordPages r)
    {
        var kb = r.Kb;
        var ctx = r.Ctx(kind.IndexUrl);
        var records = kind.In(kb);
        var groups = records.GroupBy(r => r.JurisdictionId ?? "")
            .OrderBy(g => kb.Jurisdiction(g.Key)?.Order ?? int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal);
        var body = new List<object?>
        {
            E("h1", kind.Plural),
            E("p", Class("lead"), kind.Lead),
            records.Count == 0 ? E("p", "None recorded yet.") : null,
            groups.Select(g => new object?[]
            {
                g.Key.Length == 0 ? null : E("h2", kb.JurisdictionName(g.Key)),
                E("ul", Class("record-list"), g.Select(r => E("li", kind.Item(ctx, kb, r)))),
            }),
        };
        return Layout.Page(ctx, kind.Plural, kind.Lead, body);
    }

    /// <summary>Plain text of Markdown prose, for search.</summary>
    public static string Plain(KnowledgeBaseModel kb, string? markdown) =>
        markdown is null ? "" : MarkdownRenderer.PlainText(kb, markdown);

    /// <summary>A jurisdiction's name and aliases, so a search for "KPK" or "Islamabad" finds its records.</summary>
    public static string Place(KnowledgeBaseModel kb, string j) =>
        kb.Jurisdiction(j) is { } x ? $"{x.Name} {string.Join(' ', x.Aliases)}" : j;

    /// <summary>A search document's facets: the filters a reader can narrow results by.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Facets(string? jurisdiction,
        IReadOnlyList<string> themes, int? year,
        string? status, string? verification = null)
    {
        var f = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (jurisdiction is not null) f["jurisdiction"] = [jurisdiction];
        if (themes.Count > 0) f["theme"] = themes;
        if (year is not null) f["year"] = [year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (status is not null) f["status"] = [status];
        if (verification is not null) f["verification"] = [verification];
        return f;
    }
}
