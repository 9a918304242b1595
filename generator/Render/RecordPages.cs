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
internal sealed class RecordPages(KnowledgeBaseModel kb, Analysis analysis, IReadOnlyDictionary<string, IReadOnlyList<Similar>> similar,
    History.GitHistory? history = null)
{
    public KnowledgeBaseModel Kb => kb;
    public Analysis Analysis => analysis;
    public IReadOnlyDictionary<string, IReadOnlyList<Similar>> Similar => similar;

    private static PageContext Ctx(string url, KnowledgeBaseModel kb) => new(url, kb.Site);

    /// <summary>
    /// The status a reader sees: an ordinance past its constitutional life with nothing recorded to
    /// keep it alive "may have lapsed", never "in force".
    /// </summary>
    internal object StatusOf(Statute s)
    {
        if (!s.MayHaveLapsed(kb.AsOf)) return YamlNames.Of(s.Status).Replace('-', ' ');
        var federal = s.JurisdictionId is "federal" or "ict";
        var ended = s.Ordinance!.Expires(federal).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return E("span", E("span", Class("lapsed"), "may have lapsed"),
            $" — an ordinance stands repealed {(federal ? "120" : "90")} days after promulgation unless extended " +
            $"(Constitution Art. {(federal ? "89(2)" : "128(2)")}); its term ended on {ended} and no extension, replacing Act or lapse is recorded");
    }

    /// <summary>When the record last changed and how, from the repository's history.</summary>
    internal Element HistorySection(Spans spans)
    {
        if (history is null)
            return E("section", Class("record-history"), A("id", "history"), E("h2", "History"),
                E("p", "History is not available: this copy of the site was built outside the repository that holds its content."));
        var changes = history.OfRecord(spans);
        return E("section", Class("record-history"), A("id", "history"), E("h2", "History"),
            changes.Count == 0 ? E("p", "No recorded changes.") : E("p", "Last changed ",
                E("time", A("datetime", changes[0].Date.ToString("yyyy-MM-dd")), changes[0].Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)), "."),
            changes.Count == 0 ? null : E("details", E("summary", $"All {changes.Count} changes"),
                E("ol", Class("changes"), changes.Select(c => E("li",
                    E("time", A("datetime", c.Date.ToString("yyyy-MM-dd")), c.Date.ToString("yyyy-MM-dd")), " — ", Short(c.Subject, 160),
                    c.Lines.Count == 0 ? null : E("ul", c.Lines.Select(l => E("li", ChangeText.Describe(kb, l)))))))));
    }

    internal static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The status in one or two words, for lists.</summary>
    internal static string StatusWord(Statute s, DateOnly asOf) => s.MayHaveLapsed(asOf) ? "may have lapsed" : YamlNames.Of(s.Status).Replace('-', ' ');

    /// <summary>
    /// A similar provision's title from the current records (its statute's short title and the
    /// section's heading, or the body and mandate), so an edit shows on pages that list it without
    /// waiting for MoreLikeThis to run again; the title kept with the list is the fallback.
    /// </summary>
    internal string SimilarTitle(Similar m)
    {
        var (page, anchor) = (m.Url.Split('#')[0], m.Url.Contains('#') ? m.Url.Split('#')[1] : "");
        var id = page.TrimEnd('/').Split('/').Last();
        if (page == SiteUrls.Statute(id) && kb.Statute(id) is { } s && s.Sections.FirstOrDefault(x => x.Anchor == anchor) is { } x)
            return $"{s.ShortTitle ?? s.Title}, section {x.Number}: {x.Heading}";
        if (page == SiteUrls.Institution(id) && kb.Institution(id) is { } i && anchor.StartsWith("mandate-", StringComparison.Ordinal))
            return $"{i.Acronym ?? i.Name}: {kb.FunctionLabel(anchor["mandate-".Length..])}";
        return m.Title;
    }

    private Dictionary<string, ILookup<string, (string Url, string Label)>>? _citations;

    /// <summary>Answers and mandates citing each section of a statute, keyed by section anchor; computed once for all statutes.</summary>
    internal ILookup<string, (string Url, string Label)> CitationsOf(string statuteId)
    {
        if (_citations is null)
        {
            var list = new List<(string Statute, string Anchor, (string, string) Link)>();
            foreach (var t in kb.Topics)
            foreach (var a in t.Answers.Where(a => a.StatuteId is not null && a.Section is not null))
                list.Add((a.StatuteId!, SectionAnchor.For(a.Section!), (SiteUrls.Answer(t.Id, a.JurisdictionId), $"{t.Title} ({kb.JurisdictionName(a.JurisdictionId)})")));
            foreach (var i in kb.Institutions)
            {
                if (i.StatuteId is not null && i.StatuteSection is not null)
                    list.Add((i.StatuteId, SectionAnchor.For(i.StatuteSection), (SiteUrls.Institution(i.Id), $"{i.Name} (established)")));
                foreach (var m in i.Mandates.Where(m => (m.StatuteId ?? i.StatuteId) is not null && m.Section is not null))
                    list.Add((m.StatuteId ?? i.StatuteId!, SectionAnchor.For(m.Section!), (SiteUrls.Institution(i.Id) + "#mandate-" + m.Function, $"{i.Acronym ?? i.Name}: {kb.FunctionLabel(m.Function)}")));
            }
            var built = list.Distinct().GroupBy(x => x.Statute, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToLookup(x => x.Anchor, x => x.Link), StringComparer.Ordinal);
            Interlocked.CompareExchange(ref _citations, built, null);
        }
        return _citations!.TryGetValue(statuteId, out var found) ? found : Array.Empty<(string, string, (string, string))>().ToLookup(x => x.Item1, x => x.Item3);
    }

    private ILookup<string, Statute>? _amendedBy;

    internal object? AmendedBy(PageContext ctx, string id)
    {
        var lookup = _amendedBy ??= kb.Statutes.SelectMany(s => s.Amends.Concat(s.Repeals).Distinct().Select(target => (target, s))).ToLookup(x => x.target, x => x.s);
        var by = lookup[id].ToList();
        return by.Count == 0 ? null : Join(by.Select(s => (object)ctx.Link(SiteUrls.Statute(s.Id), s.Title)));
    }

    public byte[] Institution(Institution i)
    {
        var ctx = Ctx(SiteUrls.Institution(i.Id), kb);
        var overlaps = analysis.OverlapsOf(i.Id).ToList();
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (SiteUrls.Institutions, "Bodies"), (SiteUrls.Jurisdiction(i.JurisdictionId), kb.JurisdictionName(i.JurisdictionId))),
            E("h1", i.Name, i.Acronym is null ? null : E("span", Class("acronym"), $" ({i.Acronym})")),
            Layout.DefinitionList(
                ("Kind", i.Kind.Replace('-', ' ')),
                ("Jurisdiction", ctx.Link(SiteUrls.Jurisdiction(i.JurisdictionId), kb.JurisdictionName(i.JurisdictionId))),
                ("Established", i.Established?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Founding law", i.StatuteId is null ? "none (established by government decision or not recorded)" : (object)E("span",
                    StatuteLink(ctx, i.StatuteId),
                    i.StatuteSection is null ? null : new object[] { ", ", ctx.Link(SiteUrls.Section(i.StatuteId, i.StatuteSection), $"s. {i.StatuteSection}") })),
                ("Parent", i.Parent),
                ("Operational status", YamlNames.Of(i.Status).Replace('-', ' ')),
                ("Serves children of", Join(i.Reach.Select(j => (object)ctx.Link(SiteUrls.Jurisdiction(j), kb.JurisdictionName(j)))))),
            E("div", Class("prose"), MarkdownRenderer.Render(kb, i.Summary)),
            E("h2", "Mandates"),
            i.Mandates.Count == 0 ? E("p", "No mandates recorded yet.") : ScrollTable("Mandates", Class("data"),
                E("caption", "What the law or government tasks this body with"),
                E("thead", E("tr", E("th", A("scope", "col"), "Function"), E("th", A("scope", "col"), "Granted by"), E("th", A("scope", "col"), "Note"))),
                E("tbody", i.Mandates.Select(m =>
                {
                    var statute = m.StatuteId ?? i.StatuteId;
                    var sims = similar.GetValueOrDefault($"mandate:{i.Id}/{m.Function}") ?? [];
                    return E("tr", A("id", "mandate-" + m.Function),
                        E("th", A("scope", "row"), kb.FunctionLabel(m.Function)),
                        E("td", statute is null || m.Section is null ? "no section (non-statutory)" : (object)ctx.Link(SiteUrls.Section(statute, m.Section), $"{Short(statute)} s. {m.Section}")),
                        E("td", m.Note is null ? null : MarkdownRenderer.Render(kb, m.Note),
                            sims.Count == 0 ? null : E("p", Class("similar"), "Similar elsewhere: ", Join(sims.Select(x => (object)ctx.Link(x.Url, SimilarTitle(x)))))));
                }))),
            overlaps.Count == 0 ? null : E("section", Class("findings"), E("h2", "Overlapping mandates"),
                E("ul", overlaps.Select(f =>
                {
                    // Only the first few others are read: a finding's evidence can list thousands of bodies.
                    var self = Evidence.Institution(i.Id);
                    var shown = f.Evidence.Where(e => e != self).Take(Analyser.MaxNamed).ToList();
                    var others = f.Evidence.Count - 1; // this body is always among the evidence
                    return E("li", f.Summary, " ", Join(shown.Select(e => (object)EvidenceLink(ctx, e))),
                        others <= Analyser.MaxNamed ? null : new object[] { " … ", ctx.Link(SiteUrls.Findings + "#" + f.Id, $"all {others} in the findings report") });
                }))),
            i.Notes is null ? null : E("section", Class("notes"), E("h2", "Notes on sources"), E("div", Class("prose"), MarkdownRenderer.Render(kb, i.Notes))),
            Kinds.RecordKinds.SectionsOn(ctx, kb, new Kinds.Target(Kinds.TargetKind.Institution, i.Id)),
            HistorySection(i.Spans),
            Layout.CiteBlock(ctx, i.Name, i.CheckedOn, i.Verification, i.SourceUrl, kb.AsOf),
        };
        var ld = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "GovernmentOrganization",
            ["name"] = i.Name,
            ["alternateName"] = i.Acronym,
            ["foundingDate"] = i.Established?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["areaServed"] = i.Reach.Select(kb.JurisdictionName).ToList(),
            ["url"] = ctx.Absolute(ctx.Url),
        };
        return Layout.Page(ctx, i.Name, MarkdownRenderer.PlainText(kb, i.Summary), body, ld, scripts: ["copy.js"]);
    }

    public byte[] Topic(Topic t)
    {
        var ctx = Ctx(SiteUrls.Topic(t.Id), kb);
        var ta = analysis.For(t.Id);
        var findings = analysis.FindingsFor(t.Id).ToList();
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (SiteUrls.Topics, "Topics")),
            E("h1", t.Title),
            E("p", Class("question"), t.Question),
            Layout.DefinitionList(
                ("Theme", kb.ThemeLabel(t.Theme)),
                ("Answer type", t.AnswerType + (t.Unit is null ? "" : $" ({t.Unit})")),
                ("International benchmark", t.Benchmark is null ? "none recorded" : (object)E("span",
                    Analyser.Display(t, t.Benchmark.Value), " — ", t.Benchmark.Instrument, " (",
                    Link(t.Benchmark.SourceUrl, A("rel", "external noopener"), "source"), ")")),
                ("Spread", ta.Spread.Count == 0 ? "no answered jurisdictions yet"
                    : string.Join("; ", ta.Spread.Select(s => $"{Analyser.Display(t, s.Value)}: {string.Join(", ", s.Jurisdictions.Select(kb.JurisdictionName))}")))),
            t.Benchmark?.Note is null ? null : E("div", Class("prose benchmark-note"), MarkdownRenderer.Render(kb, t.Benchmark.Note)),
            t.Coding is null ? null : E("section", Class("coding"), A("id", "coding"),
                E("h2", "How answers are coded"),
                E("dl", t.Coding.Rules().Select(r => new object[] { E("dt", r.Heading), E("dd", MarkdownRenderer.Render(kb, r.Text)) })),
                kb.Articles.Any(x => x.Id == "methodology") ? E("p", ctx.Link(SiteUrls.Article("methodology"), "The general coding rules and how verification is derived")) : null),
            Maps.RegionMap(ctx, kb, t, ta),
            E("div", Class("table-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-label", "Answers"), E("table", Class("data answers"),
                E("caption", "Every jurisdiction's answer, with its citation"),
                E("thead", E("tr",
                    E("th", A("scope", "col"), "Jurisdiction"), E("th", A("scope", "col"), "Answer"),
                    E("th", A("scope", "col"), "Reading"), E("th", A("scope", "col"), "Citation"),
                    E("th", A("scope", "col"), "Rests on"), E("th", A("scope", "col"), "Read"), E("th", A("scope", "col"), "Note and sources"))),
                E("tbody", kb.Compared.Select(j => AnswerRow(ctx, t, ta, j))))),
            Clauses(ctx, t, ta),
            findings.Count == 0 ? null : E("section", Class("findings"), E("h2", "Findings on this topic"),
                E("ul", findings.Select(f => E("li", E("span", Class("badge f-" + f.Kind), FindingKinds.Label(f.Kind)), " ", f.Summary,
                    f.Pointers.Count == 0 ? null : E("div", Class("pointers"), "Provisions that already meet it: ",
                        Join(f.Pointers.Select(p => (object)E("span", kb.JurisdictionName(p.JurisdictionId), " — ",
                            ctx.Link(SiteUrls.Section(p.StatuteId, p.Section), $"{Short(p.StatuteId)} s. {p.Section}"), $" ({Analyser.Display(t, p.Value)})")))))))),
            Kinds.RecordKinds.SectionsOn(ctx, kb, new Kinds.Target(Kinds.TargetKind.Topic, t.Id)),
            HistorySection(t.Spans),
            Layout.CiteBlock(ctx, t.Title, t.Answers.Where(a => a.CheckedOn is not null).Select(a => a.CheckedOn!.Value).DefaultIfEmpty(DateOnly.MinValue).Max(),
                Weakest(t.Answers), t.Benchmark?.SourceUrl ?? t.Answers.Select(a => a.SourceUrl).FirstOrDefault(u => u is not null) ?? kb.Site.BaseUrl, kb.AsOf),
        };
        return Layout.Page(ctx, t.Title, t.Question, body, scripts: ["copy.js"]);
    }

    /// <summary>
    /// The drafter's view: each jurisdiction's operative words side by side with the citation, the
    /// benchmark above them, and for a gap or a below-benchmark answer the clauses elsewhere that
    /// already meet it, with their words.
    /// </summary>
    private Element? Clauses(PageContext ctx, Topic t, TopicAnalysis ta)
    {
        if (!t.Answers.Any(a => a.Quote is not null)) return null;
        Element Quote(Answer a, string id) => E("div", Class("clause-text"),
            E("blockquote", Class("operative"), A("id", id),
                E("p", a.Quote!),
                E("footer", "— ", kb.JurisdictionName(a.JurisdictionId), ", ", AnswerView.Citation(ctx, kb, a.StatuteId!, a.Section))),
            E("button", A("type", "button"), Class("copy"), A("data-copy", id), A("hidden", ""), "Copy clause and citation"));
        return E("section", Class("clauses"), A("id", "clauses"), A("aria-labelledby", "clauses-h"),
            E("h2", A("id", "clauses-h"), "Clauses side by side"),
            E("p", "The operative words of each jurisdiction's provision, as read, with the citation.",
                t.Benchmark is null ? null : new object[] { " International benchmark: ", E("strong", Analyser.Display(t, t.Benchmark.Value)), $" ({t.Benchmark.Instrument})." }),
            E("div", Class("clause-grid"), kb.Compared.Select(j =>
            {
                var a = t.AnswerFor(j.Id);
                var state = ta.Cells[j.Id];
                var pointers = state is CellState.Gap or CellState.BelowBenchmark
                    ? t.Answers.Where(x => x.JurisdictionId != j.Id && x.Quote is not null && x.StatuteId is not null
                                           && (t.Benchmark is null ? x.IsAnswered : Analyser.MeetsBenchmark(t, x))).Take(2).ToList()
                    : [];
                return E("article", Class("clause cell-" + Cells.Css(state) + Cells.How(a)),
                    E("h3", j.Name, " — ", a is null ? "no answer" : AnswerView.ValueText(t, a)),
                    a?.Quote is not null && a.StatuteId is not null ? Quote(a, $"clause-{j.Id}")
                        : E("p", Class("no-clause"), a switch
                        {
                            null => "No answer recorded.",
                            { IsGap: true } => "No provision: there is no clause to quote.",
                            { IsUnresearched: true } => "Not yet researched.",
                            _ => "The clause has not been read in the text; see the answer's sources.",
                        }),
                    pointers.Count == 0 ? null : E("div", Class("pointers"),
                        E("p", E("strong", "Already meets it elsewhere:")),
                        pointers.Select(p => Quote(p, $"clause-{j.Id}-from-{p.JurisdictionId}"))));
            })));
    }

    private static Verification Weakest(IEnumerable<Answer> answers)
    {
        var levels = answers.Where(a => !a.IsUnresearched).Select(a => a.Verification).ToList();
        return levels.Count == 0 ? Verification.Unverified : levels.Max();
    }

    private Element AnswerRow(PageContext ctx, Topic t, TopicAnalysis ta, Jurisdiction j)
    {
        var a = t.AnswerFor(j.Id);
        var state = ta.Cells[j.Id];
        return E("tr", A("id", "answer-" + j.Id), Class("cell-" + Cells.Css(state) + Cells.How(a)),
            E("th", A("scope", "row"), ctx.Link(SiteUrls.Jurisdiction(j.Id), j.Name)),
            // data-label names each cell when a narrow screen shows the row as a card.
            E("td", A("data-label", "Answer"), AnswerView.Value(t, a)),
            E("td", A("data-label", "Reading"), Cells.Label(state)),
            E("td", A("data-label", "Citation"), a?.StatuteId is null ? "—" : AnswerView.Citation(ctx, kb, a.StatuteId, a.Section)),
            E("td", A("data-label", "Rests on"), AnswerView.RestsOn(a) ?? "—"),
            E("td", A("data-label", "Read"), a?.CheckedOn is { } d ? E("time", A("datetime", d.ToString("yyyy-MM-dd")), d.ToString("yyyy-MM-dd")) : "—"),
            E("td", Class("note"), A("data-label", "Note and sources"), a is null ? null : AnswerView.Details(ctx, kb, t, a)));
    }

    public byte[] Jurisdiction(Jurisdiction j)
    {
        var ctx = Ctx(SiteUrls.Jurisdiction(j.Id), kb);
        var statutes = kb.Statutes.Where(s => s.JurisdictionId == j.Id).OrderBy(s => s.Year).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var federalHere = kb.Statutes.Where(s => s.JurisdictionId != j.Id && s.AppliesTo.Contains(j.Id)).ToList();
        var bodies = kb.Institutions.Where(i => i.JurisdictionId == j.Id || i.Reach.Contains(j.Id)).ToList();
        var mine = analysis.Findings.Where(f => f.Jurisdictions.Contains(j.Id)).ToList();
        var coverage = analysis.CoverageByJurisdiction.GetValueOrDefault(j.Id);
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (SiteUrls.Jurisdictions, "Jurisdictions")),
            E("h1", j.Name),
            coverage is null ? E("p", "The Federation's own laws and bodies; their reach into each province is shown on the province's page.")
                : E("p", Class("lead"), $"Of {coverage.Total} questions: {coverage.Describe()}."),
            coverage is null ? null : Scorecard(ctx, j, mine),
            coverage is null ? null : E("section", E("h2", "Answers by theme"),
                kb.Topics.GroupBy(t => t.Theme).OrderBy(g => kb.ThemeLabel(g.Key), StringComparer.Ordinal).Select(g =>
                    ScrollTable($"Answers on {kb.ThemeLabel(g.Key)}", Class("data"),
                        E("caption", kb.ThemeLabel(g.Key)),
                        E("thead", E("tr", E("th", A("scope", "col"), "Question"), E("th", A("scope", "col"), "Answer"),
                            E("th", A("scope", "col"), "Reading"), E("th", A("scope", "col"), "Elsewhere"))),
                        E("tbody", g.Select(t =>
                        {
                            var a = t.AnswerFor(j.Id);
                            var ta = analysis.For(t.Id);
                            var state = ta.Cells.GetValueOrDefault(j.Id, CellState.Missing);
                            return E("tr", Class("cell-" + Cells.Css(state) + Cells.How(a)),
                                E("th", A("scope", "row"), ctx.Link(SiteUrls.Answer(t.Id, j.Id), t.Title)),
                                E("td", a is null ? "—" : a.IsAnswered ? AnswerView.ValueText(t, a) : Badges.Status(a.StatusName)),
                                E("td", Cells.Label(state)),
                                E("td", Elsewhere(t, ta, j)));
                        }))))),
            coverage is null ? null : Overlaps(ctx, j, mine),
            E("section", E("h2", "Statutes enacted here"), StatuteList(ctx, statutes)),
            E("p", Class("rules-summary"), RulesSummary(statutes.Concat(federalHere).ToList())),
            federalHere.Count == 0 ? null : E("section", E("h2", "Laws of another legislature in force here"), StatuteList(ctx, federalHere)),
            E("section", E("h2", "Bodies serving children here"),
                bodies.Count == 0 ? E("p", "None recorded yet.") : E("ul", bodies.Select(i => E("li", ctx.Link(SiteUrls.Institution(i.Id), i.Name),
                    $" — {i.Kind.Replace('-', ' ')}, {YamlNames.Of(i.Status).Replace('-', ' ')}", i.JurisdictionId != j.Id ? $" ({kb.JurisdictionName(i.JurisdictionId)})" : "")))),
            Kinds.RecordKinds.SectionsOn(ctx, kb, new Kinds.Target(Kinds.TargetKind.Jurisdiction, j.Id)),
            coverage is null ? null : E("section", E("h2", "Side by side"),
                E("ul", kb.Compared.Where(o => o.Id != j.Id).Select(o => E("li", ctx.Link(PairUrl(j, o), $"{j.Name} and {o.Name}"))))),
        };
        return Layout.Page(ctx, j.Name, $"Child protection law in {j.Name}: statutes, bodies, and how it compares.", body);
    }

    /// <summary>How the other jurisdictions answer, in a few words: "alone", "same as 3", "others: 16 (2), 18 (1)".</summary>
    private string Elsewhere(Topic t, TopicAnalysis ta, Jurisdiction j)
    {
        var own = t.AnswerFor(j.Id);
        if (own is not { IsAnswered: true, Value: { } value }) return "";
        var others = ta.Spread.Select(x => (x.Value, Count: x.Jurisdictions.Count(o => o != j.Id))).Where(x => x.Count > 0).ToList();
        if (others.Count == 0) return "no other jurisdiction has a value yet";
        var same = others.FirstOrDefault(x => string.Equals(x.Value, value.Trim().ToLowerInvariant(), StringComparison.Ordinal)).Count;
        if (same == 0) return "alone: " + string.Join(", ", others.Select(x => $"{Analyser.Display(t, x.Value)} in {x.Count}"));
        return same == others.Sum(x => x.Count) ? "same everywhere" : $"same as {same}; " +
            string.Join(", ", others.Where(x => x.Count > 0 && !string.Equals(x.Value, value.Trim().ToLowerInvariant(), StringComparison.Ordinal))
                .Select(x => $"{Analyser.Display(t, x.Value)} in {x.Count}"));
    }

    /// <summary>The overlapping mandates that involve bodies serving this jurisdiction, federal bodies acting here included.</summary>
    private Element Overlaps(PageContext ctx, Jurisdiction j, List<Finding> mine)
    {
        var overlaps = mine.Where(f => f.Kind == FindingKinds.Overlap).ToList();
        return E("section", A("id", "overlaps"), E("h2", $"Overlapping mandates here ({overlaps.Count})"),
            overlaps.Count == 0 ? E("p", "No two bodies serving children here hold the same mandate.")
                : E("ul", overlaps.Select(f => E("li", f.Summary, " ",
                    E("span", Class("evidence"), Join(f.Evidence.Take(Analyser.MaxNamed).Select(e => (object)EvidenceLink(ctx, e))))))));
    }

    private static string RulesSummary(IReadOnlyList<Statute> statutes)
    {
        var inForce = statutes.Where(s => s.Status is StatuteStatus.InForce or StatuteStatus.Amended).ToList();
        int Count(RulesState state) => inForce.Count(s => s.RulesNotified == state);
        return $"Rules under the statutes in force here: {Count(RulesState.Yes)} notified, {Count(RulesState.No)} not notified, {Count(RulesState.Unknown)} unknown " +
               $"({Count(RulesState.NotApplicable)} need none).";
    }

    private Element Scorecard(PageContext ctx, Jurisdiction j, List<Finding> mine)
    {
        var gaps = mine.Where(f => f.Kind == FindingKinds.Gap).ToList();
        var below = mine.Where(f => f.Kind == FindingKinds.BelowBenchmark).ToList();
        var deviations = mine.Where(f => f.Kind == FindingKinds.NonUniformity).ToList();
        object Item(Finding f) => E("li", f.TopicId is null ? f.Summary : (object)ctx.Link(SiteUrls.Answer(f.TopicId, j.Id), kb.Topic(f.TopicId)?.Title ?? f.TopicId),
            f.Pointers.Count == 0 ? null : E("div", Class("pointers"), "Reform pointers: ",
                Join(f.Pointers.Select(p => (object)E("span", kb.JurisdictionName(p.JurisdictionId), " ",
                    ctx.Link(SiteUrls.Section(p.StatuteId, p.Section), $"{Short(p.StatuteId)} s. {p.Section}"))))));
        return E("section", Class("scorecard"), A("aria-labelledby", "scorecard"),
            E("h2", A("id", "scorecard"), "Scorecard"),
            E("div", Class("score-grid"),
                E("div", E("h3", $"Gaps ({gaps.Count})"), gaps.Count == 0 ? E("p", "None found.") : E("ul", gaps.Select(Item))),
                E("div", E("h3", $"Below benchmark ({below.Count})"), below.Count == 0 ? E("p", "None found.") : E("ul", below.Select(Item))),
                E("div", E("h3", $"Differs from other jurisdictions ({deviations.Count})"), deviations.Count == 0 ? E("p", "None found.") : E("ul", deviations.Select(Item)))));
    }

    public static string PairUrl(Jurisdiction a, Jurisdiction b) => a.Order < b.Order ? SiteUrls.Pair(a.Id, b.Id) : SiteUrls.Pair(b.Id, a.Id);

    private Element StatuteList(PageContext ctx, IReadOnlyList<Statute> statutes) =>
        statutes.Count == 0 ? E("p", "None recorded yet.") : E("ul", statutes.Select(s => E("li",
            ctx.Link(SiteUrls.Statute(s.Id), s.Title), $" ({StatusWord(s, kb.AsOf)}",
            s.RulesNotified is RulesState.NotApplicable ? ")" : $"; rules: {RulesWord(s.RulesNotified)})")));

    private static string RulesWord(RulesState state) => YamlNames.Of(state) switch
    {
        "yes" => "notified",
        "no" => "not notified",
        _ => "unknown",
    };

    internal Element StatuteLink(PageContext ctx, string id) => ctx.Link(SiteUrls.Statute(id), kb.Statute(id)?.Title ?? id);

    private string Short(string statuteId) => kb.Statute(statuteId) is { } s ? s.ShortTitle ?? s.Title : statuteId;

    internal Element EvidenceLink(PageContext ctx, Evidence evidence) => evidence.Kind switch
    {
        EvidenceKind.Statute => ctx.Link(SiteUrls.Statute(evidence.Id), kb.Statute(evidence.Id)?.Title ?? evidence.Id),
        EvidenceKind.Institution => ctx.Link(SiteUrls.Institution(evidence.Id), kb.Institution(evidence.Id)?.Name ?? evidence.Id),
        _ => ctx.Link(SiteUrls.Answer(evidence.Id, evidence.Jurisdiction!), kb.JurisdictionName(evidence.Jurisdiction!)),
    };

    internal static object Join(IEnumerable<object> items)
    {
        var list = new List<object>();
        foreach (var item in items)
        {
            if (list.Count > 0) list.Add(", ");
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
        [CellState.MeetsBenchmark, CellState.BelowBenchmark, CellState.Answered, CellState.Gap, CellState.NotResearched];

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

    /// <summary>Classes for how an answer is known, drawn as the cell's border (dashed: reported; double: disputed).</summary>
    public static string How(Answer? a) => a switch
    {
        { IsReported: true } => " how-reported",
        { IsDisputed: true } => " how-disputed",
        _ => "",
    } + (a?.Qualifier is null ? "" : " how-qualified");
}
