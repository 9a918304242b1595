using System.Globalization;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Search;
using static KnowledgeBase.Generator.Render.H;
using Rules = KnowledgeBase.Generator.Validate.AnswerRules;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>What a judgment did to a statute's section.</summary>
public sealed record JudgmentEffect(string StatuteId, string? Section, string Effect, string? Note, Spans Spans);

/// <summary>A compared answer (topic and jurisdiction) that a judgment changed or interpreted.</summary>
public sealed record AffectedAnswer(string TopicId, string JurisdictionId, Spans Spans);

/// <summary>
/// A court judgment that struck down, read down, upheld or interpreted the law a compared answer rests on.
/// </summary>
public sealed record Judgment(
    string Id, string Name, string Court, string? CaseNumber, string? Citation, PartialDate Decided,
    IReadOnlyList<string> Bench, string Jurisdiction, string Status, string Held, string? Quote,
    IReadOnlyList<JudgmentEffect> Effects, IReadOnlyList<AffectedAnswer> Affects, IReadOnlyList<Source> Sources,
    string? Note, Spans Spans) : KindRecord(Id, Spans)
{
    public override string Title => Name;
    public override string? JurisdictionId => Jurisdiction;
    public override IEnumerable<Source> AllSources => Sources;

    /// <summary>"Lahore High Court, 9 April 2024": the court and day, as a list shows it.</summary>
    public string CourtAndDate => $"{Court}, {Decided}";
}

internal sealed class JudgmentKind : RecordKind
{
    public static readonly string[] Courts =
    [
        "Supreme Court of Pakistan", "Federal Shariat Court", "Islamabad High Court", "Lahore High Court",
        "Sindh High Court", "Peshawar High Court", "Balochistan High Court",
    ];

    public static readonly string[] Statuses = ["in-effect", "appealed", "set-aside", "unknown"];
    public static readonly string[] Effects = ["struck-down", "read-down", "interpreted", "upheld", "directed"];

    public override string Name => "judgment";
    public override string Folder => "judgments";
    public override string Plural => "Judgments";
    public override string Lead =>
        "Court judgments that struck down, read down, upheld or interpreted the law behind a compared answer, " +
        "with what each did to which section.";

    private static string EffectWords(string effect) => effect switch
    {
        "struck-down" => "struck down",
        "read-down" => "read down",
        "directed" => "gave directions on",
        _ => effect,
    };

    private static string StatusWords(string status) => status switch
    {
        "in-effect" => "in effect",
        "appealed" => "under appeal",
        "set-aside" => "set aside on appeal",
        _ => "later course not known",
    };

    internal override KindRecord? Read(MappingReader r)
    {
        var id = r.Id();
        var title = r.String("title", maxLength: 300);
        var court = r.OneOf("court", Courts);
        var caseNumber = r.String("case_number", required: false, maxLength: 200);
        var citation = r.String("citation", required: false, maxLength: 200);
        var decided = r.PartialDate("decided");
        var bench = r.StringList("bench");
        var jurisdiction = r.String("jurisdiction");
        var status = r.OneOf("status", Statuses);
        var held = r.String("held");
        var quote = r.String("quote", required: false);
        var effects = r.MappingList("effects", "effect").Select(e =>
        {
            var statute = e.String("statute");
            var section = e.String("section", required: false, maxLength: 40);
            var effect = e.OneOf("effect", Effects);
            var note = e.String("note", required: false);
            e.Finish();
            return statute is null || effect is null
                ? null
                : new JudgmentEffect(statute, section, effect, note, e.Spans());
        }).OfType<JudgmentEffect>().ToList();
        var affects = r.MappingList("affects", "affected answer").Select(a =>
        {
            var topic = a.String("topic");
            var j = a.String("jurisdiction");
            a.Finish();
            return topic is null || j is null ? null : new AffectedAnswer(topic, j, a.Spans());
        }).OfType<AffectedAnswer>().ToList();
        var sources = ContentLoader.ReadSources(r, "sources", required: true);
        var note = r.String("note", required: false);
        var research = r.String("research", required: false);
        if (id is null || title is null || court is null || decided is null || jurisdiction is null || status is null
            || held is null) return null;
        return new Judgment(id, title, court, caseNumber, citation, decided.Value, bench, jurisdiction, status, held,
            quote, effects, affects, sources, note, r.Spans())
        { Research = research, Aliases = r.StringList("aliases") };
    }

    internal override void Validate(KnowledgeBaseModel kb, KindRecord record, Checks check)
    {
        var j = (Judgment)record;
        check.FileNamed(j);
        check.Jurisdiction(j.Jurisdiction, j.Spans.At("jurisdiction"));
        check.NotFuture(j.Decided, j.Spans.At("decided"));
        check.Sources(j.Sources);
        check.ForReaders(j.Held, j.Spans.At("held"), "held");
        check.ForReaders(j.Note, j.Spans.At("note"), "note");
        check.ForReaders(j.Research, j.Spans.At("research"), "research trail", limitWords: false);
        if (j.Quote is { } q && Rules.Words(q) > Limits.QuoteWords)
            check.Bag.Error(Codes.TooLong, j.Spans.At("quote"),
                $"quote is {Rules.Words(q)} words; the limit is {Limits.QuoteWords}",
                "quote only the operative words of the judgment");
        foreach (var e in j.Effects)
        {
            check.Statute(kb, e.StatuteId, e.Section, e.Spans.At("statute"), e.Spans.At("section"));
            check.ForReaders(e.Note, e.Spans.At("note"), "note");
        }
        foreach (var a in j.Affects)
        {
            if (check.Topic(a.TopicId, a.Spans.At("topic"))
                && check.Jurisdiction(a.JurisdictionId, a.Spans.At("jurisdiction"))
                && kb.Topic(a.TopicId)!.AnswerFor(a.JurisdictionId) is null)
                check.Bag.Error(Codes.UnknownReference, a.Spans.At("jurisdiction"),
                    $"topic '{a.TopicId}' has no answer for '{a.JurisdictionId}'",
                    "name a jurisdiction the topic answers");
        }
    }

    public override IEnumerable<SearchDocument> Documents(KnowledgeBaseModel kb, KindRecord record)
    {
        var j = (Judgment)record;
        var themes = j.Affects.Select(a => kb.Topic(a.TopicId)?.Theme).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        yield return new SearchDocument($"judgment:{j.Id}", Name, j.Name,
            $"{j.Court} {j.Citation} {j.CaseNumber} {string.Join(' ', j.Bench)} " +
            $"{kb.JurisdictionName(j.Jurisdiction)}",
            $"{RecordKinds.Plain(kb, j.Held)} " +
            $"{string.Join(' ', j.Effects.Select(e =>
                $"{EffectWords(e.Effect)} {kb.Statute(e.StatuteId)?.Title} section {e.Section}"))}",
            Url(j.Id), RecordKinds.Facets(j.Jurisdiction, themes, j.Decided.Year, j.Status));
    }

    public override string Description(KindRecord record)
    {
        var j = (Judgment)record;
        return $"{j.Court}, {j.Decided}: what the judgment held and which sections and compared answers it affected.";
    }

    public override object Item(PageContext ctx, KnowledgeBaseModel kb, KindRecord record)
    {
        var j = (Judgment)record;
        return new object?[]
        {
            ctx.Link(Url(j.Id), C(j.Name)), $" ({j.CourtAndDate}",
            j.Citation is null ? null : new object[] { "; ", C(j.Citation) }, ")"
        };
    }

    public override IEnumerable<object?> Body(PageContext ctx, KnowledgeBaseModel kb, KindRecord record)
    {
        var j = (Judgment)record;
        yield return E("dl", Class("facts"),
            E("dt", "Court"), E("dd", j.Court),
            j.CaseNumber is null ? null : new object[] { E("dt", "Case"), E("dd", C(j.CaseNumber)) },
            j.Citation is null ? null : new object[] { E("dt", "Reported"), E("dd", C(j.Citation)) },
            E("dt", "Decided"), E("dd", E("time", A("datetime", j.Decided.Iso), j.Decided.ToString())),
            j.Bench.Count == 0 ? null : new object[] { E("dt", "Bench"), E("dd", C(string.Join("; ", j.Bench))) },
            E("dt", "Law of"),
            E("dd", ctx.Link(SiteUrls.Jurisdiction(j.Jurisdiction), kb.JurisdictionName(j.Jurisdiction))),
            E("dt", "Status"), E("dd", StatusWords(j.Status)));
        yield return E("h2", "What the court held");
        yield return MarkdownRenderer.Render(kb, j.Held);
        if (j.Quote is not null)
            yield return E("blockquote", Class("operative"), E("p", C(j.Quote.Trim())),
                E("footer", "— ", C(j.Name), j.Citation is null ? null : new object[] { ", ", C(j.Citation) }));
        if (j.Note is not null) yield return E("div", Class("note"), MarkdownRenderer.Render(kb, j.Note));
        if (j.Effects.Count > 0)
        {
            yield return E("h2", "What it did to the law");
            yield return E("ul", Class("effects"), j.Effects.Select(e => E("li",
                E("strong", char.ToUpperInvariant(EffectWords(e.Effect)[0]) + EffectWords(e.Effect)[1..]), " ",
                AnswerView.Citation(ctx, kb, e.StatuteId, e.Section),
                e.Note is null ? null : E("div", Class("effect-note"), MarkdownRenderer.Render(kb, e.Note)))));
        }
        if (j.Affects.Count > 0)
        {
            yield return E("h2", "Compared answers it changed or interpreted");
            yield return E("ul", j.Affects.Select(a =>
            {
                var t = kb.Topic(a.TopicId);
                var answer = t?.AnswerFor(a.JurisdictionId);
                return E("li", ctx.Link(SiteUrls.Answer(a.TopicId, a.JurisdictionId),
                        t?.Title ?? a.TopicId, ": ", kb.JurisdictionName(a.JurisdictionId)),
                    t is null || answer is null ? null : $" (now: {AnswerView.ValueText(t, answer)})");
            }));
        }
        yield return E("h2", "Sources");
        yield return AnswerView.SourceList(j.Sources);
    }

    public override IEnumerable<Target> Targets(KnowledgeBaseModel kb, KindRecord record)
    {
        var j = (Judgment)record;
        return j.Effects.Select(e => new Target(TargetKind.Statute, e.StatuteId))
            .Concat(j.Affects.Select(a => new Target(TargetKind.Topic, a.TopicId)))
            .Concat(j.Affects.Select(a => new Target(TargetKind.Jurisdiction, a.JurisdictionId)))
            .Append(new Target(TargetKind.Jurisdiction, j.Jurisdiction))
            .Distinct();
    }

    public override Element? SectionOn(PageContext ctx, KnowledgeBaseModel kb, Target target,
        IReadOnlyList<KindRecord> naming)
    {
        var list = naming.Cast<Judgment>().OrderBy(j => j.Decided).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
        // Each effect its own text, so a page in another language reads each whole (the title and section kept).
        static object[]? Joined(IEnumerable<string> parts) =>
            parts.SelectMany((p, i) => i == 0 ? new object[] { ": ", p } : ["; ", p]).ToArray() is { Length: > 0 } a
                ? a : null;
        object[]? What(Judgment j) => target.Kind switch
        {
            TargetKind.Statute => Joined(j.Effects.Where(e => e.StatuteId == target.Id)
                .Select(e => EffectWords(e.Effect) + (e.Section is null ? "" : $" s. {e.Section}"))),
            TargetKind.Topic => Joined(["affects " + string.Join(", ",
                j.Affects.Where(a => a.TopicId == target.Id).Select(a => kb.JurisdictionName(a.JurisdictionId)))]),
            _ => Joined(j.Effects.Select(e =>
                $"{EffectWords(e.Effect)} " +
                $"{kb.Statute(e.StatuteId)?.ShortTitle ?? kb.Statute(e.StatuteId)?.Title ?? e.StatuteId}" +
                $"{(e.Section is null ? "" : $" s. {e.Section}")}")),
        };
        var heading = target.Kind switch
        {
            TargetKind.Statute => "Judgments on this law",
            TargetKind.Topic => "Judgments on this question",
            _ => "Judgments",
        };
        return E("section", Class("kind-section"), A("id", "judgments"),
            E("h2", heading, $" ({list.Count})"),
            E("ul", list.Select(j => E("li", ctx.Link(Url(j.Id), C(j.Name)), $" ({j.CourtAndDate})", What(j)))));
    }

    public override (DataFile File, Func<KnowledgeBaseModel, IEnumerable<IReadOnlyList<string?>>> Rows)
        Export { get; } = (
        new DataFile("judgments.csv", "One row per judgment.",
        [
            new("id", "Judgment id (judgments/<id>/)."), new("title", "Case name as reported."), new("court", "Court."),
            new("case_number", "Case number, where reported."), new("citation", "Law-report citation, where reported."),
            new("decided", "Date decided: YYYY-MM-DD, YYYY-MM or YYYY as known."),
            new("jurisdiction", "Jurisdiction whose law it concerns."),
            new("status", "in-effect, appealed, set-aside or unknown."),
            new("effects",
                "What it did: 'statute|section|effect' entries separated by ';' " +
                "(effect: struck-down, read-down, interpreted, upheld, directed)."),
            new("affects", "Compared answers it changed or interpreted: 'topic/jurisdiction' separated by ';'."),
            new("source_count", "How many sources it lists.", "integer"),
        ]),
        kb => RecordKinds.Judgments.In(kb).Cast<Judgment>().Select(j => (IReadOnlyList<string?>)
        [
            j.Id, j.Name, j.Court, j.CaseNumber, j.Citation, j.Decided.Iso, j.Jurisdiction, j.Status,
            string.Join(';', j.Effects.Select(e => $"{e.StatuteId}|{e.Section}|{e.Effect}")),
            string.Join(';', j.Affects.Select(a => $"{a.TopicId}/{a.JurisdictionId}")),
            j.Sources.Count.ToString(CultureInfo.InvariantCulture),
        ]));
}
