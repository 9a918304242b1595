using System.Globalization;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// How one answer reads, wherever it appears: its value with the status that says how it is
/// known (read in the law, reported, disputed), its qualifier, what it rests on in words, the
/// operative words of the section, its sources, competing readings, history and research trail.
/// </summary>
internal static class AnswerView
{
    /// <summary>
    /// Plain text for a matrix cell or a list: "18 years", "18 years, reported", "14 years, qualified".
    /// </summary>
    public static string ValueText(Topic t, Answer a) =>
        a.IsGap ? "no provision"
        : a.IsUnresearched || a.Value is null ? "not researched"
        : ValueDisplay.Display(t, a.Value) + Marks(a);

    private static string Marks(Answer a) =>
        (a.IsReported ? ", reported" : "") + (a.IsDisputed ? ", disputed" : "") +
            (a.Qualifier is null ? "" : ", qualified");


    /// <summary>The value as the answer column shows it: the value, its status mark and qualifier.</summary>
    public static object Value(Topic t, Answer? a) => a switch
    {
        null => "—",
        { IsAnswered: true, Value: { } v } => E("span", Class("answer-value"),
            E("strong", ValueDisplay.Display(t, v)),
            a.IsReported
                ? E("span", Class("badge s-reported"),
                    A("title", "Stated by reliable sources; the section was not confirmed in the text"), "reported")
                : null,
            a.IsDisputed
                ? E("span", Class("badge s-disputed"),
                    A("title", "Sources conflict; both readings are shown"), "disputed")

                : null,
            a.Qualifier is null ? null : E("span", Class("qualifier"), C(a.Qualifier))),
        _ => Badges.Status(a.StatusName),
    };

    /// <summary>What the answer rests on, in words, with the derived verification level.</summary>
    public static object? RestsOn(Answer? a) =>
        a is null || a.IsUnresearched ? null
        : E("span", Badges.Verification(a.Verification), a.ReadIn is { } words ? " " + words : null);

    /// <summary>The note, operative words, sources, readings, history and research trail of an answer.</summary>
    public static IEnumerable<object?> Details(PageContext ctx, KnowledgeBaseModel kb, Topic t, Answer a)
    {
        if (a.Note is not null) yield return MarkdownRenderer.Render(kb, a.Note);
        if (a.Quote is not null)
            yield return E("blockquote", Class("operative"),
                E("p", C(a.Quote)),
                a.StatuteId is null ? null : E("footer", "— ", Citation(ctx, kb, a.StatuteId, a.Section)));
        if (a.IsDisputed)
            yield return E("div", Class("readings"),
                E("p", E("strong", "Competing readings:")),
                E("ul", a.Readings.Select(r => E("li",
                    E("strong", ValueDisplay.Display(t, r.Value)), r.Value == a.Value ? " (followed here)" : null,
                    r.StatuteId is null ? null : new object[] { " — ", Citation(ctx, kb, r.StatuteId, r.Section) },
                    r.Note is null ? null : new object[] { ": ", C(r.Note) },
                    " ", SourceList(r.Sources, inline: true)))),
                a.Follows is null ? null : E("p", E("strong", "Why this reading: "), C(a.Follows)));
        if (a.Sources.Count > 0)
            yield return E("div", Class("sources"), E("strong", "Sources: "), SourceList(a.Sources, inline: true));
        if (a.History.Count > 0) yield return History(ctx, kb, t, a);
        if (a.Institutions.Count > 0)
            yield return E("p", "Bodies: ", RecordPages.Join(a.Institutions.Select(i =>
                (object)ctx.Link(SiteUrls.Institution(i), C(kb.Institution(i)?.Name ?? i)))));
        if (a.Research is not null)
            yield return E("details", Class("research"), E("summary", "How this was researched"),
                MarkdownRenderer.Render(kb, a.Research));
        var permalink = ctx.Absolute(SiteUrls.Answer(t.Id, a.JurisdictionId));
        yield return E("p", Class("permalink"), Link("#answer-" + a.JurisdictionId, "Permalink"), " · ",
            E("cite", A("data-cite", ""), C(Citations.Plain(ctx.Site.Title,
                $"{t.Title}: {kb.JurisdictionName(a.JurisdictionId)}", permalink, kb.AsOf))));
        yield return Layout.ReportLink(ctx, $"{t.Title}: {kb.JurisdictionName(a.JurisdictionId)}", permalink);
    }

    /// <summary>"Juvenile Justice System Act, 2018, s. 2(b)", linked to the statute and the section.</summary>
    public static object Citation(PageContext ctx, KnowledgeBaseModel kb, string statuteId, string? section)
    {
        var statute = kb.Statute(statuteId);
        // A short title such as "PPC" is expanded for every reader: the full title is its abbr title.
        object name = statute is null ? C(statuteId)
            : statute.ShortTitle is { } brief && brief != statute.Title
                ? E("abbr", AC("title", statute.Title), C(brief))
            : C(statute.Title);
        return E("span", Class("citation"), ctx.Link(SiteUrls.Statute(statuteId), name),
            section is null
                ? null
                : new object[] { ", ", ctx.Link(SiteUrls.Section(statuteId, section), "s. ", C(section)) });
    }

    public static Element SourceList(IReadOnlyList<Source> sources, bool inline = false) =>
        E(inline ? "span" : "ul", Class("source-list"), sources.Select((s, i) => E(inline ? "span" : "li",
            inline && i > 0 ? "; " : null,
            Link(s.Url, A("rel", "external noopener"), C(s.Title ?? Layout.HostOf(s.Url))),
            $" ({SourceKinds.Label(s.Kind)}, read ",
            E("time", A("datetime", s.ReadOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                s.ReadOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ")")));

    /// <summary>
    /// A history entry made by a judgment links to the judgment's page when one records it (same answer, same day).
    /// </summary>
    private static object? JudgmentOr(PageContext ctx, KnowledgeBaseModel kb, Topic t, Answer a, HistoryEntry h)
    {
        if (h.Instrument != "judgment") return C(h.Title);
        var judgment = Kinds.RecordKinds.Judgments.In(kb).Cast<Kinds.Judgment>().FirstOrDefault(j =>
            j.Decided.First == h.From.First
            && j.Affects.Any(x => x.TopicId == t.Id && x.JurisdictionId == a.JurisdictionId));
        return judgment is null
            ? C(h.Title)
            : ctx.Link(Kinds.RecordKinds.Judgments.Url(judgment.Id), C(h.Title ?? judgment.Name));
    }

    private static Element History(PageContext ctx, KnowledgeBaseModel kb, Topic t, Answer a) =>
        E("div", Class("history"),
            E("table", Class("data history"),
                E("caption", $"How the answer for {kb.JurisdictionName(a.JurisdictionId)} changed"),
                E("thead", E("tr", E("th", A("scope", "col"), "From"), E("th", A("scope", "col"), "Until"),
                    E("th", A("scope", "col"), "Value"), E("th", A("scope", "col"), "Instrument"),
                    E("th", A("scope", "col"), "Sources"))),

                E("tbody", a.History.Select(h => E("tr",
                    E("td", E("time", A("datetime", h.From.Iso), h.From.ToString())),
                    E("td", h.Until is { } u ? E("time", A("datetime", u.Iso), u.ToString()) : "—"),
                    E("td", ValueDisplay.Display(t, h.Value)),
                    E("td", E("span", Class("instrument"), h.Instrument), " ",
                        h.StatuteId is null ? JudgmentOr(ctx, kb, t, a, h) : Citation(ctx, kb, h.StatuteId, h.Section),
                        h.Note is null ? null : E("p", Class("history-note"), C(h.Note))),
                    E("td", SourceList(h.Sources, inline: true)))))));
}
