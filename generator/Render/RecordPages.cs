using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Index;
using KnowledgeBase.Generator.Model;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// What every record page is rendered from (the model, its analysis, the similar-provision lists and
/// the repository's history), the indexes computed once per build, and the parts record pages share.
/// Each kind's own pages are in generator/Kinds.
/// </summary>
internal sealed class RecordPages(KnowledgeBaseModel kb, Analysis analysis,
    IReadOnlyDictionary<string, IReadOnlyList<Similar>> similar,
    History.GitHistory? history = null)
{
    /// <summary>The language these pages are written in.</summary>
    public Lang Lang { get; init; } = Lang.En;

    /// <summary>Translates the Urdu pages' interface text; null when the site is built in English only.</summary>
    public Localizer? Localizer { get; init; }

    /// <summary>A page of this language at <paramref name="url"/>.</summary>
    public PageContext Ctx(string url, bool rootRelative = false) => new(url, kb.Site)
    {
        Lang = Lang, Localizer = Localizer, Bilingual = Localizer is not null, RootRelative = rootRelative,
    };

    public KnowledgeBaseModel Kb => kb;
    public Analysis Analysis => analysis;
    public IReadOnlyDictionary<string, IReadOnlyList<Similar>> Similar => similar;

    /// <summary>
    /// On an Urdu page, a statute's or body's Urdu title where one is recorded: official when read in an
    /// official text, otherwise marked as an unofficial rendering, with the sources it was read in.
    /// </summary>
    internal Element? UrduTitle(PageContext ctx, string id)
    {
        if (ctx.Lang != Lang.Ur || kb.Translations.Title(id) is not { } t) return null;
        return E("p", Class("ur-title"),
            t.Official ? "Official Urdu title:" : "Urdu rendering (unofficial):", " ",
            E("span", A("lang", "ur"), t.Title), " (",
            Join(ctx, t.Sources.Select(x => (object)H.Link(x.Url, A("rel", "external noopener"),
                C(x.Title ?? Layout.HostOf(x.Url))))), ")");
    }

    /// <summary>A finding in one sentence.</summary>
    internal string Summary(Finding f) => FindingText.Summary(kb, analysis, f);

    private static PageContext Ctx(string url, KnowledgeBaseModel kb) => new(url, kb.Site);

    /// <summary>
    /// The status a reader sees: an ordinance past its constitutional life with nothing recorded to
    /// keep it alive "may have lapsed", never "in force".
    /// </summary>
    internal object StatusOf(Statute s)
    {
        if (!s.MayHaveLapsed(kb.AsOf)) return YamlNames.Of(s.Status).Replace('-', ' ');
        var federal = s.JurisdictionId is "federal" or "ict";
        var ended = s.Ordinance!.Expires(federal)
            .ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return E("span", E("span", Class("lapsed"), "may have lapsed"),
            $" — an ordinance stands repealed {(federal ? "120" : "90")} days after promulgation unless extended " +
            $"(Constitution Art. {(federal ? "89(2)" : "128(2)")}); its term ended on {ended} and no extension, " +
            $"replacing Act or lapse is recorded");
    }

    /// <summary>When the record last changed and how, from the repository's history.</summary>
    internal Element HistorySection(Spans spans)
    {
        if (history is null)
            return E("section", Class("record-history"), A("id", "history"), E("h2", "History"),
                E("p", "History is not available: this copy of the site was built outside the repository " +
                    "that holds its content."));
        var changes = history.OfRecord(spans);
        return E("section", Class("record-history"), A("id", "history"), E("h2", "History"),
            changes.Count == 0 ? E("p", "No recorded changes.") : E("p", "Last changed ",
                E("time", A("datetime", changes[0].Date.ToString("yyyy-MM-dd")),
                    changes[0].Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)), "."),
            changes.Count == 0 ? null : E("details", E("summary", $"All {changes.Count} changes"),
                E("ol", Class("changes"), changes.Select(c => E("li",
                    E("time", A("datetime", c.Date.ToString("yyyy-MM-dd")), c.Date.ToString("yyyy-MM-dd")),
                    " — ", C(Short(c.Subject, 160)),
                    c.Lines.Count == 0 ? null : E("ul", c.Lines.Select(l => E("li", ChangeText.Line(kb, l)))))))));
    }

    internal static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The status in one or two words, for lists.</summary>
    internal static string StatusWord(Statute s, DateOnly asOf) =>
        s.MayHaveLapsed(asOf) ? "may have lapsed" : YamlNames.Of(s.Status).Replace('-', ' ');

    /// <summary>
    /// A similar provision's title from the current records (its statute's short title and the
    /// section's heading, or the body and mandate), so an edit shows on pages that list it without
    /// waiting for MoreLikeThis to run again; the title kept with the list is the fallback.
    /// </summary>
    internal object SimilarTitle(PageContext ctx, Similar m)
    {
        var (page, anchor) = (m.Url.Split('#')[0], m.Url.Contains('#') ? m.Url.Split('#')[1] : "");
        var id = page.TrimEnd('/').Split('/').Last();
        if (page == SiteUrls.Statute(id) && kb.Statute(id) is { } s
            && s.Sections.FirstOrDefault(x => x.Anchor == anchor) is { } x)
            return new object[] { C(s.ShortTitle ?? s.Title), Comma(ctx), "section ", C(x.Number), ": ", C(x.Heading) };
        if (page == SiteUrls.Institution(id) && kb.Institution(id) is { } i
            && anchor.StartsWith("mandate-", StringComparison.Ordinal))
            return new object[] { C(i.Acronym ?? i.Name), ": ", kb.FunctionLabel(anchor["mandate-".Length..]) };
        return C(m.Title);
    }

    /// <summary>
    /// What cites a section, in words: a question's or a body's name, then the jurisdiction, "established"
    /// or the mandate. A body's name is its record's text; the rest is interface text.
    /// </summary>
    internal sealed record Citing(string Name, bool NameIsRecord, string Joiner, string Rest, string Close)
    {
        public object?[] Parts => [NameIsRecord ? C(Name) : Name, Joiner, Rest, Close.Length == 0 ? null : Close];
    }

    private Dictionary<string, ILookup<string, (string Url, Citing Label)>>? _citations;

    /// <summary>
    /// Answers and mandates citing each section of a statute, keyed by section anchor; computed once for all statutes.

    /// </summary>
    internal ILookup<string, (string Url, Citing Label)> CitationsOf(string statuteId)
    {
        if (_citations is null)
        {
            var list = new List<(string Statute, string Anchor, (string, Citing) Link)>();
            foreach (var t in kb.Topics)
            foreach (var a in t.Answers.Where(a => a.StatuteId is not null && a.Section is not null))
                list.Add((a.StatuteId!, SectionAnchor.For(a.Section!),
                    (SiteUrls.Answer(t.Id, a.JurisdictionId),
                        new Citing(t.Title, false, " (", kb.JurisdictionName(a.JurisdictionId), ")"))));
            foreach (var i in kb.Institutions)
            {
                if (i.StatuteId is not null && i.StatuteSection is not null)
                    list.Add((i.StatuteId, SectionAnchor.For(i.StatuteSection),
                        (SiteUrls.Institution(i.Id), new Citing(i.Name, true, " (", "established", ")"))));
                foreach (var m in i.Mandates.Where(m =>
                    (m.StatuteId ?? i.StatuteId) is not null && m.Section is not null))
                    list.Add((m.StatuteId ?? i.StatuteId!, SectionAnchor.For(m.Section!),
                        (SiteUrls.Institution(i.Id) + "#mandate-" + m.Function,
                            new Citing(i.Acronym ?? i.Name, true, ": ", kb.FunctionLabel(m.Function), ""))));
            }
            var built = list.Distinct().GroupBy(x => x.Statute, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToLookup(x => x.Anchor, x => x.Link), StringComparer.Ordinal);
            Interlocked.CompareExchange(ref _citations, built, null);
        }
        return _citations!.TryGetValue(statuteId, out var found)
            ? found
            : Array.Empty<(string, string, (string, Citing))>().ToLookup(x => x.Item1, x => x.Item3);
    }

    private ILookup<string, Statute>? _amendedBy;

    internal object? AmendedBy(PageContext ctx, string id)
    {
        var lookup = _amendedBy ??= kb.Statutes
            .SelectMany(s => s.Amends.Concat(s.Repeals).Distinct().Select(target => (target, s)))
            .ToLookup(x => x.target, x => x.s);
        var by = lookup[id].ToList();
        return by.Count == 0 ? null : Join(ctx, by.Select(s => (object)ctx.Link(SiteUrls.Statute(s.Id), C(s.Title))));
    }

    public static string PairUrl(Jurisdiction a, Jurisdiction b) =>
        a.Order < b.Order ? SiteUrls.Pair(a.Id, b.Id) : SiteUrls.Pair(b.Id, a.Id);

    internal Element StatuteLink(PageContext ctx, string id) =>
        ctx.Link(SiteUrls.Statute(id), C(kb.Statute(id)?.Title ?? id));

    internal string Short(string statuteId) => kb.Statute(statuteId) is { } s ? s.ShortTitle ?? s.Title : statuteId;

    internal Element EvidenceLink(PageContext ctx, Evidence evidence) => evidence.Kind switch
    {
        EvidenceKind.Statute =>
            ctx.Link(SiteUrls.Statute(evidence.Id), C(kb.Statute(evidence.Id)?.Title ?? evidence.Id)),
        EvidenceKind.Institution =>
            ctx.Link(SiteUrls.Institution(evidence.Id), C(kb.Institution(evidence.Id)?.Name ?? evidence.Id)),
        _ => ctx.Link(SiteUrls.Answer(evidence.Id, evidence.Jurisdiction!),
            kb.JurisdictionName(evidence.Jurisdiction!)),
    };

    internal static object Join(IEnumerable<object> items) => Join(items, ", ");

    /// <summary>Items separated by commas, the Urdu comma on an Urdu page.</summary>
    internal static object Join(PageContext ctx, IEnumerable<object> items) => Join(items, Comma(ctx));

    /// <summary>The comma between parts a page writes side by side: the Urdu comma on an Urdu page.</summary>
    internal static string Comma(PageContext ctx) => ctx.Lang == Lang.Ur ? "، " : ", ";

    private static object Join(IEnumerable<object> items, string comma)
    {
        var list = new List<object>();
        foreach (var item in items)
        {
            if (list.Count > 0) list.Add(comma);
            list.Add(item);
        }
        return list;
    }
}

/// <summary>How a matrix cell reads, in words and in a CSS class.</summary>
internal static class Cells
{
    /// <summary>The readings in legend order.</summary>
    public static readonly CellState[] Legend =
        [CellState.MeetsBenchmark, CellState.BelowBenchmark, CellState.Answered, CellState.Gap,
            CellState.NotResearched];

    public static string Css(CellState s) => s switch
    {
        CellState.MeetsBenchmark => "meets",
        CellState.BelowBenchmark => "below",
        CellState.Answered => "answered",
        CellState.Gap => "gap",
        CellState.NotResearched => "unresearched",
        _ => "missing",
    };

    public static string Symbol(CellState s) => s switch
    {
        CellState.MeetsBenchmark => "✓",
        CellState.BelowBenchmark => "↓",
        CellState.Answered => "•",
        CellState.Gap => "∅",
        CellState.NotResearched => "?",
        _ => "–",
    };

    public static string Label(CellState s) => s switch
    {
        CellState.MeetsBenchmark => "✓ meets the international benchmark",
        CellState.BelowBenchmark => "↓ below the international benchmark",
        CellState.Answered => "• answered (no benchmark to compare)",
        CellState.Gap => "∅ no provision (gap in the law)",
        CellState.NotResearched => "? not yet researched (gap in our data)",
        _ => "– no answer recorded",
    };

    /// <summary>
    /// Classes for how an answer is known, drawn as the cell's border (dashed: reported; double: disputed).
    /// </summary>

    public static string How(Answer? a) => a switch
    {
        { IsReported: true } => " how-reported",
        { IsDisputed: true } => " how-disputed",
        _ => "",
    } + (a?.Qualifier is null ? "" : " how-qualified");
}
