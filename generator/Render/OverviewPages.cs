using System.Globalization;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

/// <summary>Pages that look across records: home, matrix, findings, indexes, search, data, pairs.</summary>
internal sealed class OverviewPages(KnowledgeBaseModel kb, Analysis analysis, RecordPages records)
{
    private PageContext Ctx(string url) => records.Ctx(url);

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    public byte[] Home()
    {
        var ctx = Ctx(SiteUrls.Home);
        var c = analysis.Coverage;
        var headline = kb.Topic("marriage-minimum-age-girls") ?? kb.Topics.FirstOrDefault();
        var body = new List<object?>
        {
            E("h1", kb.Site.Title),
            E("p", Class("lead"), kb.Site.Description),
            SearchForm(ctx),
            E("section", Class("glance"), A("aria-labelledby", "glance"),
                E("h2", A("id", "glance"), "At a glance"),
                E("ul", Class("stats"),
                    E("li", E("strong", N(kb.Statutes.Count)), " ", ctx.Link(SiteUrls.Statutes, "statutes")),
                    E("li", E("strong", N(kb.Institutions.Count)), " ", ctx.Link(SiteUrls.Institutions, "bodies")),
                    E("li", E("strong", N(kb.Topics.Count)), " ", ctx.Link(SiteUrls.Topics, "comparison questions")),
                    Kinds.RecordKinds.All.Where(k => k.In(kb).Count > 0 && k != Kinds.RecordKinds.Articles)
                        .Select(k => E("li", E("strong", N(k.In(kb).Count)), " ",
                            ctx.Link(k.IndexUrl, k.Plural.ToLowerInvariant()))),
                    E("li", E("strong", N(c.Total)), " answers: ", c.Describe()),
                    E("li", "Verification of answers: ", Badges.Verification(Verification.Primary), $" {c.Primary} · ",
                        Badges.Verification(Verification.Secondary), $" {c.Secondary} · ",
                        Badges.Verification(Verification.Unverified), $" {c.Unverified}"))),
            Kinds.RecordKinds.All.Select(k => k.OnHome(ctx, kb)),
            E("section", A("aria-labelledby", "findings-h"),
                E("h2", A("id", "findings-h"), "Findings"),
                E("ul", Class("finding-counts"), FindingKinds.All.Select(k => E("li",
                    ctx.Link(SiteUrls.Findings + "#" + k,
                        E("strong", N(analysis.Findings.Count(f => f.Kind == k))), " ", FindingText.Label(k)),
                    Unknowns(k)))),
                E("p", ctx.Link(SiteUrls.Compare, "Open the comparison matrix"), " · ",
                    ctx.Link(SiteUrls.Mandates, "Who holds which mandate"),
                    " · ", ctx.Link(SiteUrls.Timeline, "When each jurisdiction legislated"))),
            headline is null ? null : E("section", E("h2", ctx.Link(SiteUrls.Topic(headline.Id), headline.Title)),
                Maps.RegionMap(ctx, kb, headline, analysis.For(headline.Id), tableBelow: false)),
            E("section", E("h2", "Jurisdictions"),
                E("ul", Class("cards"), kb.Jurisdictions.Select(j => E("li",
                    ctx.Link(SiteUrls.Jurisdiction(j.Id), j.Name),
                    analysis.CoverageByJurisdiction.TryGetValue(j.Id, out var cov)
                        ? $" — {cov.Answered + cov.Reported + cov.Disputed} with a value, " +
                            $"{cov.NoProvision} gaps in the law, {cov.NotResearched} not researched"
                        : " — federal laws and bodies")))),
            E("section", E("h2", "Questions by theme"),
                kb.Topics.GroupBy(t => t.Theme).OrderBy(g => kb.ThemeLabel(g.Key), StringComparer.Ordinal)
                    .Select(g => new object[]
                {
                    E("h3", kb.ThemeLabel(g.Key)),
                    E("ul", g.Select(t => E("li", ctx.Link(SiteUrls.Topic(t.Id), t.Title)))),
                })),
            kb.Articles.Count == 0 ? null : E("section", E("h2", "Articles"),
                E("ul", kb.Articles.Select(a =>
                    E("li", ctx.Link(SiteUrls.Article(a.Id), C(a.Title)), " — ", C(a.Summary))))),
        };
        var ld = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "WebSite",
            ["name"] = kb.Site.Title,
            ["url"] = kb.Site.BaseUrl + "/",
        };
        return Layout.Page(ctx, kb.Site.Title, kb.Site.Description, body, ld);
    }

    /// <summary>
    /// Beside a count that has unknowns, how many are unknown: a zero is never silently a "not known".
    /// </summary>
    private string? Unknowns(string kind) => kind switch
    {
        FindingKinds.MissingRules when analysis.RulesMissing.Unknown > 0 =>
            $" (and {N(analysis.RulesMissing.Unknown)} statutes in force whose rules status is unknown)",
        FindingKinds.Gap when analysis.Coverage.NotResearched > 0 =>
            $" (and {N(analysis.Coverage.NotResearched)} cells not yet researched, which may hide more)",
        FindingKinds.NotConstituted when analysis.BodiesNotConstituted.Unknown > 0 =>
            $" (and {N(analysis.BodiesNotConstituted.Unknown)} bodies whose status is unknown)",
        _ => null,
    };

    /// <summary>
    /// The records a count leaves out because their status is unknown, listed so the count is not read as complete.
    /// </summary>
    private Element? UnknownList(PageContext ctx, string kind)
    {
        var items = kind switch
        {
            FindingKinds.MissingRules => kb.Statutes
                .Where(s => s.Status is StatuteStatus.InForce or StatuteStatus.Amended
                    && s.RulesNotified == RulesState.Unknown)
                .Select(s => (Url: SiteUrls.Statute(s.Id), Name: s.Title)).ToList(),
            FindingKinds.NotConstituted => kb.Institutions.Where(i => i.Status == InstitutionStatus.Unknown)
                .Select(i => (Url: SiteUrls.Institution(i.Id), Name: i.Name)).ToList(),
            _ => [],
        };
        if (items.Count == 0) return null;
        var what = kind == FindingKinds.MissingRules
            ? "statutes in force whose rules status is unknown"
            : "bodies whose status is unknown";
        return E("details", Class("unknowns"),
            E("summary", $"Not counted above: {N(items.Count)} {what}"),
            E("ul", items.Select(x => E("li", ctx.Link(x.Url, C(x.Name))))));
    }

    private static Element SearchForm(PageContext ctx) =>
        E("form", Class("search-form"), A("role", "search"), A("action", ctx.Href(SiteUrls.Search)), A("method", "get"),
            E("label", A("for", "q-home"), "Search laws, sections, bodies and answers"),
            E("input", A("id", "q-home"), A("name", "q"), A("type", "search"),
                A("placeholder", "e.g. marriage age, s.377A, Peshawar child rights body")),
            E("button", A("type", "submit"), "Search"));

    public byte[] Compare()
    {
        var ctx = Ctx(SiteUrls.Compare);
        var themes = kb.Topics.Select(t => t.Theme).Distinct().OrderBy(kb.ThemeLabel, StringComparer.Ordinal).ToList();
        var body = new List<object?>
        {
            E("h1", "Comparison matrix"),
            E("p", Class("lead"),
                "Every comparison question against every jurisdiction. Each cell links to its answer and citation."),
            Legend(),
            E("form", Class("matrix-filters"), A("id", "matrix-filters"), A("hidden", ""),
                A("aria-label", "Filter the matrix"),
                E("label", "Theme ", E("select", A("name", "theme"),
                    E("option", A("value", ""), "All themes"),
                    themes.Select(t => E("option", A("value", t), kb.ThemeLabel(t))))),
                E("label", "Jurisdiction ", E("select", A("name", "jurisdiction"),
                    E("option", A("value", ""), "Any jurisdiction"),
                    kb.Compared.Select(j => E("option", A("value", j.Id), j.Name)))),
                E("label", "Reading ", E("select", A("name", "state"),
                    E("option", A("value", ""), "Any reading"),
                    E("option", A("value", "differs"), "≠ answers differ across jurisdictions"),
                    Cells.Legend.Select(s => E("option", A("value", Cells.Css(s)), Cells.Label(s))),
                    E("option", A("value", "reported"), "reported (section not confirmed)"),
                    E("option", A("value", "disputed"), "disputed (sources conflict)"))),
                AsOf.Years(kb).Count == 0 ? null : E("label", "As of ", E("select", A("name", "asof"),
                    E("option", A("value", ""), "today"),
                    AsOf.Years(kb).Select(y => E("option", A("value", ctx.Href(SiteUrls.CompareAsOf(y))), N(y))))),
                E("p", Class("matrix-count"), A("aria-live", "polite"), "")),
            E("div", Class("table-scroll"), A("tabindex", "0"), A("role", "region"),
                A("aria-label", "Comparison matrix"),
                E("table", Class("matrix"), A("id", "matrix"),
                    E("caption", "Topics (rows) by jurisdiction (columns); sort by clicking a column heading"),
                    E("thead", E("tr",
                        E("th", A("scope", "col"), A("data-sort", "text"), "Question"),
                        E("th", A("scope", "col"), A("data-sort", "text"), "Theme"),
                        kb.Compared.Select(j => E("th", A("scope", "col"), A("data-sort", "text"),
                            ctx.Link(SiteUrls.Jurisdiction(j.Id), j.Name))),
                        E("th", A("scope", "col"), A("data-sort", "text"), "Benchmark"))),
                    E("tbody", kb.Topics.Select(t =>
                    {
                        var ta = analysis.For(t.Id);
                        var states = ta.Cells.Values.Select(Cells.Css)
                            .Concat(t.Answers.Where(a => a.IsReported).Select(_ => "reported"))
                            .Concat(t.Answers.Where(a => a.IsDisputed).Select(_ => "disputed"))
                            .Concat(ta.NonUniform ? ["differs"] : Array.Empty<string>());
                        return E("tr", A("data-theme", t.Theme),
                            A("data-states", string.Join(' ', states.Distinct().Order(StringComparer.Ordinal))),
                            E("th", A("scope", "row"), ctx.Link(SiteUrls.Topic(t.Id), t.Title),
                                ta.NonUniform
                                    ? E("span", Class("row-mark"),
                                        A("title", "The answers differ across jurisdictions"),
                                        E("span", A("aria-hidden", "true"), " ≠"),
                                        E("span", Class("visually-hidden"), " (answers differ across jurisdictions)"))
                                    : null),
                            E("td", kb.ThemeLabel(t.Theme)),
                            kb.Compared.Select(j =>
                            {
                                var a = t.AnswerFor(j.Id);
                                var state = ta.Cells[j.Id];
                                var text = a is null ? "no answer" : AnswerView.ValueText(t, a);
                                var how = a switch
                                {
                                    { IsReported: true } => " reported",
                                    { IsDisputed: true } => " disputed",
                                    _ => ""
                                };
                                return E("td", Class("cell cell-" + Cells.Css(state) + Cells.How(a)),
                                    A("data-state", Cells.Css(state) + how), A("data-j", j.Id),
                                    ctx.Link(SiteUrls.Answer(t.Id, j.Id), A("title", Cells.Label(state)),
                                        E("span", Class("sym"), A("aria-hidden", "true"), Cells.Symbol(state)),
                                        " ", text,
                                        E("span", Class("visually-hidden"), $" ({Cells.Label(state)})")));
                            }),
                            E("td", t.Benchmark is null ? "—" : ValueDisplay.Display(t, t.Benchmark.Value)));
                    })))),
            E("p", "Also: ", RecordPages.Join(PairLinks(ctx))),
            YearNav(ctx, null),
        };
        return Layout.Page(ctx, "Comparison matrix",
            "Every comparison question against every jurisdiction of Pakistan, with citations.", body,
            scripts: ["matrix.js"]);
    }

    /// <summary>Links to the matrix as of each year in which some answer changed, and to today's.</summary>
    private Element? YearNav(PageContext ctx, int? current)
    {
        var years = AsOf.Years(kb);
        if (years.Count == 0) return null;
        return E("nav", Class("year-nav"), A("aria-label", "The matrix as of a year"),
            E("p", "The matrix as it stood at the end of a year in which an answer changed:"),
            E("ul",
                years.Select(y => E("li", y == current
                    ? E("a", A("aria-current", "page"), A("href", "./"), N(y))
                    : ctx.Link(SiteUrls.CompareAsOf(y), N(y)))),
                E("li", current is null
                    ? E("a", A("aria-current", "page"), A("href", "./"), "today")
                    : ctx.Link(SiteUrls.Compare, "today"))));
    }

    /// <summary>
    /// The matrix as it stood at the end of <paramref name="year"/>, with a shareable URL of its own.
    /// </summary>
    public byte[] CompareAsOf(int year)
    {
        var ctx = Ctx(SiteUrls.CompareAsOf(year));
        var title = $"Comparison matrix as of {N(year)}";
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (SiteUrls.Compare, "Compare")),
            E("h1", title),
            E("p", Class("lead"), $"Each answer as it stood on 31 December {N(year)}, from its dated history. " +
                "Answers without a recorded history show today's answer once the law they cite had been enacted; " +
                "where it had not, the cell says so. Cells that differ from today are marked “then”."),
            YearNav(ctx, year),
            E("div", Class("table-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-label", title),
                E("table", Class("matrix as-of"),
                    E("caption", $"Topics (rows) by jurisdiction (columns), as of the end of {N(year)}"),
                    E("thead", E("tr", E("th", A("scope", "col"), "Question"),
                        kb.Compared.Select(j => E("th", A("scope", "col"), j.Name)))),
                    E("tbody", kb.Topics.Select(t => E("tr",
                        E("th", A("scope", "row"), ctx.Link(SiteUrls.Topic(t.Id), t.Title)),
                        kb.Compared.Select(j =>
                        {
                            var cell = AsOfCells.Cell(kb, t, t.AnswerFor(j.Id), year, AnswerView.ValueText);
                            return E("td", Class(cell.Changed ? "cell as-of-changed" : "cell"),
                                ctx.Link(SiteUrls.Answer(t.Id, j.Id), cell.Text,
                                    cell.Changed ? E("span", Class("badge s-then"), " then") : null,
                                    cell.Entry is { } h
                                        ? E("span", Class("visually-hidden"), " (", C(h.Title), ")")
                                        : null));
                        })))))),
        };
        return Layout.Page(ctx, title,
            $"Pakistan's child protection law compared across jurisdictions as it stood at the end of {N(year)}.",
            body);
    }

    private IEnumerable<object> PairLinks(PageContext ctx)
    {
        var js = kb.Compared;
        for (var i = 0; i < js.Count; i++)
        for (var k = i + 1; k < js.Count; k++)
            yield return ctx.Link(RecordPages.PairUrl(js[i], js[k]), $"{js[i].Name} and {js[k].Name}");
    }

    internal static Element Legend() =>
        E("div", Class("legend"), A("role", "note"), A("aria-label", "Legend"),
            E("strong", "Legend: "),
            Cells.Legend.Select(s => E("span", Class("cell cell-" + Cells.Css(s)), Cells.Label(s))),
            E("span", Class("cell how-reported"), "dashed border: reported (section not confirmed)"),
            E("span", Class("cell how-disputed"), "double border: disputed (sources conflict)"),
            E("span", Class("cell"), "≠ beside a question: the answers differ across jurisdictions"));

    public byte[] Findings()
    {
        var ctx = Ctx(SiteUrls.Findings);
        var body = new List<object?>
        {
            E("h1", "Findings"),
            E("p", Class("lead"), "Where Pakistan's child protection law is uneven: computed from the records, " +
                "each linking to its evidence."),
            E("nav", Class("toc"), A("aria-label", "Finding kinds"), E("ul", FindingKinds.All.Select(k =>
                E("li", H.Link("#" + k, $"{FindingText.Label(k)} ({analysis.Findings.Count(f => f.Kind == k)})"))))),
            FindingKinds.All.Select(kind =>
            {
                var list = analysis.Findings.Where(f => f.Kind == kind).ToList();
                return E("section", A("id", kind),
                    E("h2", $"{FindingText.Label(kind)} ({list.Count})"),
                    list.Count == 0 ? E("p", "None found in the current records.") : null,
                    list.Count == 0 ? null : FindingMap(ctx, kind, list),
                    UnknownList(ctx, kind),
                    list.GroupBy(f => f.Theme).OrderBy(g => kb.ThemeLabel(g.Key), StringComparer.Ordinal)
                        .Select(g => new object[]
                    {
                        E("h3", kb.ThemeLabel(g.Key)),
                        E("ul", Class("findings"), g.Select(f => E("li", A("id", f.Id),
                            f.TopicId is null ? null : new object[] { ctx.Link(SiteUrls.Topic(f.TopicId),
                                E("strong", kb.Topic(f.TopicId)?.Title ?? f.TopicId)), ": " },
                            FindingText.Summary(kb, analysis, f),
                            E("div", Class("evidence"), "Evidence: ",
                                RecordPages.Join(f.Evidence.Select(e => (object)records.EvidenceLink(ctx, e)))),
                            f.Pointers.Count == 0 ? null : E("div", Class("pointers"), "Reform pointers: ",
                                RecordPages.Join(f.Pointers.Select(p => (object)E("span",
                                    kb.JurisdictionName(p.JurisdictionId), " ",
                                    ctx.Link(SiteUrls.Section(p.StatuteId, p.Section),
                                        C(kb.Statute(p.StatuteId)?.ShortTitle ?? kb.Statute(p.StatuteId)?.Title
                                            ?? p.StatuteId), " s. ", C(p.Section)))))))))
                    }));
            }),
        };
        return Layout.Page(ctx, "Findings",
            "Gaps, non-uniformity, below-benchmark answers, overlapping mandates and missing rules.", body);
    }

    /// <summary>
    /// Where a kind of finding falls on the map, for the kinds that belong to places: gaps and
    /// below-benchmark answers (counted per jurisdiction's answers) and overlapping mandates.
    /// Non-uniformity belongs to a question, not a place, and rules and constitution status are lists
    /// of records, so they get no map.
    /// </summary>
    private Element? FindingMap(PageContext ctx, string kind, IReadOnlyList<Finding> list)
    {
        var (noun, brief, anchor) = kind switch
        {
            FindingKinds.Gap => ("gap", "gap", "scorecard"),
            FindingKinds.BelowBenchmark => ("answer below the benchmark", "below", "scorecard"),
            FindingKinds.Overlap => ("overlap", "overlap", "overlaps"),
            _ => ((string?)null, "", ""),
        };
        if (noun is null) return null;
        var counts = kb.Jurisdictions.ToDictionary(j => j.Id, j => list.Count(f => f.Jurisdictions.Contains(j.Id)),
            StringComparer.Ordinal);
        string Words(int n) => n switch { 0 => "none", 1 => "1 " + noun, _ => $"{n} {Plural(noun)}" };
        string Brief(int n) =>
            n switch { 0 => "none", 1 => "1 " + brief, _ => $"{n} {(brief == "below" ? brief : brief + "s")}" };
        return Maps.CountMap(ctx, kb, "findings-" + kind, FindingText.Label(kind) + ", by jurisdiction", counts,
            Words, Brief,
            id => SiteUrls.Jurisdiction(id) + "#" + anchor);
    }

    private static string Plural(string noun) =>
        noun.StartsWith("answer ", StringComparison.Ordinal) ? "answers" + noun["answer".Length..] : noun + "s";

    public byte[] Pair(Jurisdiction a, Jurisdiction b)
    {
        var ctx = Ctx(RecordPages.PairUrl(a, b));
        var rows = kb.Topics.Select(t => (Topic: t, A: t.AnswerFor(a.Id), B: t.AnswerFor(b.Id))).ToList();
        // Under the codebook two readings agree when both have the same value and coverage, or both are gaps in the
        // law.
        bool Same((Topic Topic, Answer? A, Answer? B) r) =>
            (r.A is { IsAnswered: true } && r.B is { IsAnswered: true }
             && string.Equals(r.A.Value, r.B.Value, StringComparison.OrdinalIgnoreCase)
             && r.A.Qualifier == r.B.Qualifier)
            || (r.A is { IsGap: true } && r.B is { IsGap: true });
        bool Differ((Topic Topic, Answer? A, Answer? B) r) =>
            r.A is not null && r.B is not null && !r.A.IsUnresearched && !r.B.IsUnresearched && !Same(r);
        var differ = rows.Where(Differ).ToList();
        var same = rows.Where(Same).ToList();
        var unknown = rows.Except(differ).Except(same).ToList();
        // Each side reads as on the topic page (value, status, qualifier) with its citation naming the law and section.
        object Value(Topic t, Answer? x) => x is null ? "—" : new object?[]
        {
            AnswerView.Value(t, x),
            x.StatuteId is null || !x.IsAnswered
                ? null
                : E("div", Class("pair-cite"), AnswerView.Citation(ctx, kb, x.StatuteId, x.Section)),
        };
        // Why a row is under "differ": a reader seeing "yes" on both sides is told it is the coverage that differs.
        static string How((Topic Topic, Answer? A, Answer? B) r) =>
            r.A!.IsGap || r.B!.IsGap ? "provided in one only"
            : !string.Equals(r.A.Value, r.B.Value, StringComparison.OrdinalIgnoreCase) ? "values differ"
            : "same value, different coverage";
        Element Table(string caption, List<(Topic Topic, Answer? A, Answer? B)> list, bool how = false) =>
            list.Count == 0 ? E("p", "None.") :
            ScrollTable(caption, Class("data pair"), E("caption", caption),
                E("thead", E("tr", E("th", A("scope", "col"), "Question"), E("th", A("scope", "col"), a.Name),
                    E("th", A("scope", "col"), b.Name),
                    how ? E("th", A("scope", "col"), "Difference") : null)),
                E("tbody", list.Select(r => E("tr",
                    E("th", A("scope", "row"), ctx.Link(SiteUrls.Topic(r.Topic.Id), r.Topic.Title)),
                    E("td", Value(r.Topic, r.A)), E("td", Value(r.Topic, r.B)), how ? E("td", How(r)) : null))));
        var title = $"{a.Name} and {b.Name} side by side";
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (SiteUrls.Compare, "Compare")),
            E("h1", title),
            E("p", Class("lead"), $"They differ on {differ.Count} questions and agree on {same.Count}; " +
                $"{unknown.Count} cannot be compared yet (not researched in one or both)."),
            E("h2", "Where they differ"), Table($"Questions where {a.Name} and {b.Name} differ", differ, how: true),
            E("h2", "Where they agree"), Table($"Questions where {a.Name} and {b.Name} agree", same),
            E("h2", "Not yet comparable"), Table("Questions not yet researched in one or both", unknown),
        };
        return Layout.Page(ctx, title, $"Where {a.Name} and {b.Name} agree and differ on child protection law.", body);
    }

    public byte[] Mandates()
    {
        var ctx = Ctx(SiteUrls.Mandates);
        var functions = kb.MandateFunctions;
        var groups = kb.Jurisdictions
            .Select(j => (J: j, Bodies: kb.Institutions.Where(i => i.JurisdictionId == j.Id).ToList()))
            .Where(g => g.Bodies.Count > 0);
        var body = new List<object?>
        {
            E("h1", "Who holds which mandate"),
            E("p", Class("lead"), "Bodies (rows) by mandate function (columns). ", E("strong", "⚠"),
                " marks a function another body also holds over the same children (an overlap)."),
            groups.Select(g => E("section", E("h2", g.J.Name),
                E("div", Class("table-scroll mandates-frame"), A("tabindex", "0"), A("role", "region"),
                    A("aria-label", $"Mandates in {g.J.Name}"),
                    E("table", Class("data mandates"),
                        E("caption", $"Mandates of bodies established by {g.J.Name}"),
                        E("thead", E("tr", E("th", A("scope", "col"), "Body"),
                            functions.Select(f => E("th", A("scope", "col"), E("span", Class("vertical"), f.Label))))),
                        E("tbody", g.Bodies.Select(i => E("tr",
                            E("th", A("scope", "row"), ctx.Link(SiteUrls.Institution(i.Id),
                                // An acronym is expanded for every reader: the full name is its title and is read
                                // aloud.
                                i.Acronym is null ? C(i.Name) : E("abbr", AC("title", i.Name), C(i.Acronym)),
                                i.Acronym is null ? null : E("span", Class("visually-hidden"), " (", C(i.Name), ")"))),
                            functions.Select(f =>
                            {
                                var m = i.Mandates.FirstOrDefault(x => x.Function == f.Id);
                                if (m is null) return E("td", E("span", Class("visually-hidden"), "no"));
                                var overlap = analysis.Overlaps(i.Id, f.Id);
                                return E("td", Class(overlap ? "held overlap" : "held"),
                                    ctx.Link(SiteUrls.Institution(i.Id) + "#mandate-" + f.Id,
                                        overlap ? "⚠ overlap" : "✓",
                                        E("span", Class("visually-hidden"), $" {f.Label}")));
                            }))))))))
        };
        return Layout.Page(ctx, "Mandates",
            "Which child protection bodies hold which mandate, and where mandates overlap.", body);
    }

    /// <summary>
    /// What changed, newest first: every content change the repository records, with what it did to answers.
    /// </summary>
    public byte[] Changes(History.GitHistory? history)
    {
        var ctx = Ctx(SiteUrls.Changes);
        var records = history is null ? [] : ChangeText.Records(kb, history);
        var changes = history?.All.Where(c => records.ContainsKey(c.File)).ToList() ?? [];
        var body = new List<object?>
        {
            E("h1", "What changed"),
            history is null
                ? E("p", Class("lead"), "History is not available: this copy of the site was built outside the " +
                    "repository that holds its content.")
                : E("p", Class("lead"), "Every change to the records, newest first, from the repository's history; " +
                    "changes to answers are described in words."),
            E("p", "Follow it as an Atom feed: ", ctx.Link(Feeds.Url(null), "all changes"), "; or one jurisdiction's: ",
                RecordPages.Join(kb.Compared.Select(j => (object)ctx.Link(Feeds.Url(j.Id), j.Name))), "."),
            changes.GroupBy(c => c.Change.Date).Select(day => E("section",
                E("h2", E("time", A("datetime", day.Key.ToString("yyyy-MM-dd")), ctx.Date(day.Key))),
                E("ul", Class("changes"), day.Select(c => E("li",
                    ctx.Link(records[c.File].Url, C(records[c.File].Title)), " — ",
                    C(RecordPages.Short(c.Change.Subject, 160)),
                    c.Change.Lines.Count == 0
                        ? null
                        : E("ul", c.Change.Lines.Select(l => E("li", ChangeText.Line(kb, l))))))))),
        };
        return Layout.Page(ctx, "What changed",
            "Changes to Pakistan's child protection law records, newest first.", body);
    }

    public byte[] Timeline()
    {
        var ctx = Ctx(SiteUrls.Timeline);
        var years = kb.Statutes.Select(s => s.Year).Distinct().OrderDescending().ToList();
        var byCell = kb.Statutes.ToLookup(s => (s.Year, s.JurisdictionId)); // in record order within a cell
        var body = new List<object?>
        {
            E("h1", "When each jurisdiction legislated"),
            E("p", Class("lead"), "Statutes by year of enactment and jurisdiction, newest first."),
            E("div", Class("table-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-label", "Timeline"),
                E("table", Class("data timeline"),
                    E("caption", "Statutes by year (rows) and jurisdiction (columns)"),
                    E("thead", E("tr", E("th", A("scope", "col"), "Year"),
                        kb.Jurisdictions.Select(j => E("th", A("scope", "col"), j.Name)))),
                    E("tbody", years.Select(y => E("tr",
                        E("th", A("scope", "row"), N(y)),
                        kb.Jurisdictions.Select(j => E("td", E("ul", byCell[(y, j.Id)]
                            .Select(s => E("li", ctx.Link(SiteUrls.Statute(s.Id), C(s.ShortTitle ?? s.Title)), " ",
                                // Each theme's label on its own, so a label with a comma in it is not read as two.
                                E("span", Class("themes"), "(",
                                    RecordPages.Join(s.Themes.Select(t => (object)kb.ThemeLabel(t))), ")"))))))))))),
        };
        return Layout.Page(ctx, "Timeline",
            "When each jurisdiction of Pakistan legislated on each child protection theme.", body);
    }

    /// <summary>
    /// What each kind of search result is called on the page ("institution" is a body, "indicator" a figure).
    /// </summary>
    private static readonly Dictionary<string, string> KindLabels = new(StringComparer.Ordinal)
    {
        ["statute"] = "Statute", ["section"] = "Section", ["institution"] = "Body", ["mandate"] = "Mandate",
        ["topic"] = "Comparison question", ["answer"] = "Answer", ["article"] = "Article",
        ["judgment"] = "Judgment", ["policy"] = "Policy", ["indicator"] = "Figure",
    };

    public byte[] Search()
    {
        var ctx = Ctx(SiteUrls.Search);
        var body = new List<object?>
        {
            E("h1", "Search"),
            E("form", Class("search-form"), A("role", "search"), A("id", "search-form"), A("action", "./"),
                A("method", "get"),
                // Names for facet values (ids in the index), read by search.js: "kp" shows as "Khyber Pakhtunkhwa".
                A("data-labels", System.Text.Json.JsonSerializer.Serialize(
                    kb.Jurisdictions.Select(j => KeyValuePair.Create(j.Id, j.Name))
                        .Concat(kb.Themes.Select(t => KeyValuePair.Create(t.Id, t.Label)))
                        .Concat(KindLabels.Select(k => KeyValuePair.Create(k.Key, k.Value)))
                        .Concat(ctx.Lang == Lang.Ur ? FacetValues.Select(v => KeyValuePair.Create(v, v)) : [])
                        .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => InLanguage(ctx, g.First().Value)))),
                // The Urdu page: the script's own words in Urdu, and the index files beside the English page.
                ctx.Lang == Lang.Ur
                    ? A("data-strings", System.Text.Json.JsonSerializer.Serialize(
                        ctx.Localizer!.Entries(SearchStrings.All, ctx.OutputUrl)))
                    : null,
                ctx.Lang == Lang.Ur ? A("data-index", SiteUrls.Relative(ctx.OutputUrl, SiteUrls.Search)) : null,
                ctx.Lang == Lang.Ur
                    ? A("data-titles", System.Text.Json.JsonSerializer.Serialize(UrduTitles(ctx)))
                    : null,
                E("label", A("for", "q"), "Search laws, sections, bodies and answers"),
                E("input", A("id", "q"), A("name", "q"), A("type", "search"), A("autocomplete", "off"),
                    A("aria-controls", "results"),
                    A("placeholder", "e.g. marriage age, s.377A, Peshawar child rights body")),
                E("button", A("type", "submit"), "Search")),
            E("p", Class("search-status"), A("id", "search-status"), A("role", "status"), A("aria-live", "polite"), ""),
            E("div", Class("chips"), A("id", "chips"), ""),
            E("div", Class("search-layout"),
                E("aside", Class("facets"), A("id", "facets"), A("aria-label", "Refine results"), ""),
                E("ol", Class("results"), A("id", "results"), "")),
            // Shown by default and hidden by search.js once it runs, so it also appears when script is blocked, not
            // only disabled.
            E("div", Class("search-fallback"), A("id", "search-fallback"),
                E("p", "Search runs in your browser and needs JavaScript. Without it, every record is one or two " +
                    "clicks away:"),
                E("ul",
                    E("li", ctx.Link(SiteUrls.Compare, "the comparison matrix")),
                    E("li", ctx.Link(SiteUrls.Topics, "all comparison questions")),
                    E("li", ctx.Link(SiteUrls.Statutes, "all statutes")),
                    E("li", ctx.Link(SiteUrls.Institutions, "all bodies")),
                    E("li", ctx.Link(SiteUrls.Findings, "all findings")))),
        };
        return Layout.Page(ctx, "Search", "Search Pakistan's child protection laws, sections, bodies and answers.",
            body, scripts: ["search.js"]);
    }

    /// <summary>The Urdu titles of statutes and bodies by page address, each unofficial one marked so.</summary>
    private SortedDictionary<string, string> UrduTitles(PageContext ctx)
    {
        var unofficial = InLanguage(ctx, "(unofficial rendering)");
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in kb.Translations.StatuteTitles.Where(t => kb.Statute(t.Id) is not null))
            map[SiteUrls.Statute(t.Id)] = t.Official ? t.Title : $"{t.Title} {unofficial}";
        foreach (var t in kb.Translations.BodyNames.Where(t => kb.Institution(t.Id) is not null))
            map[SiteUrls.Institution(t.Id)] = t.Official ? t.Title : $"{t.Title} {unofficial}";
        return map;
    }

    /// <summary>A name in the page's language, for text a script shows (page writing does not reach it).</summary>
    private static string InLanguage(PageContext ctx, string english) =>
        ctx.Lang == Lang.Ur ? ctx.Localizer!.Translate(english, ctx.OutputUrl) ?? english : english;

    // Status and verification facet values: their ids on the English page, in words on the Urdu one.
    private static readonly string[] FacetValues =
    [
        "answered", "reported", "disputed", "no-provision", "not-researched", "in-force", "amended", "repealed", "bill",
        "operational", "constituted", "not-constituted", "abolished", "unknown", "primary", "secondary", "unverified",
    ];

    public byte[] NotFound()
    {
        var ctx = records.Ctx("404.html", rootRelative: true);
        var body = new List<object?>
        {
            E("h1", "Page not found"),
            E("p", "No page has this address. Record addresses never change once published, so the link may be " +
                "mistyped."),
            E("ul",
                E("li", ctx.Link(SiteUrls.Search, "Search the knowledge base")),
                E("li", ctx.Link(SiteUrls.Compare, "Open the comparison matrix")),
                E("li", ctx.Link(SiteUrls.Home, "Go to the home page"))),
        };
        return Layout.Page(ctx, "Page not found", "No page has this address.", body);
    }

    /// <summary>
    /// The archived releases, newest first, each at its stable address with what changed since the one before.
    /// </summary>
    private Element Releases(PageContext ctx)
    {
        var list = kb.Releases;
        return E("section", A("id", "releases"), E("h2", "Releases"),
            list.Count == 0 ? E("p", "No release has been archived yet; the downloads below are this build's.")
                : ScrollTable("Archived releases", Class("data"), E("caption", "Archived releases, newest first"),
                    E("thead", E("tr", E("th", A("scope", "col"), "Version"),
                        E("th", A("scope", "col"), "Content as of"),
                        E("th", A("scope", "col"), "What changed"), E("th", A("scope", "col"), "Files"))),
                    E("tbody", list.Reverse().Select(r => (Release: r, r.Changes)).Select(x => E("tr",
                        E("th", A("scope", "row"), E("code", C(x.Release.Version))),
                        E("td", E("time",
                            A("datetime", x.Release.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                            ctx.Date(x.Release.AsOf))),
                        E("td", ChangesSince(x.Changes)),
                        E("td", RecordPages.Join(x.Release.Files
                            .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f == "kb.json")
                            .Select(f => (object)ctx.Link($"data/releases/{x.Release.Version}/{f}", C(f))))))))));
    }

    /// <summary>What changed since the release before, in a line.</summary>
    private static string ChangesSince(ReleaseChanges? c) => c is null ? "first release"
        : $"{c.Answers} {(c.Answers == 1 ? "answer" : "answers")} changed, " +
          $"{c.FindingsAdded} {(c.FindingsAdded == 1 ? "finding" : "findings")} added, " +
          $"{c.FindingsRemoved} removed since {c.Since}";

    public byte[] DataDictionary(IReadOnlyList<DataFile> files)
    {
        var ctx = Ctx(SiteUrls.Data);
        var body = new List<object?>
        {
            E("h1", "Data downloads"),
            E("p", Class("lead"), "Everything on this site as data, under stable names and columns. " +
                "Columns are only ever added, never renamed or removed."),
            E("p",
                "This build's downloads carry a version, the content's as-of date and a short hash of the files, in ",
                ctx.Link("data/release.json", C("release.json")),
                " with each file's SHA-256. Cite the version with a figure, so it can be traced."),
            Releases(ctx),
            files.Select(f => E("section", A("id", f.Name.Replace('.', '-')),
                E("h2", ctx.Link("data/" + f.Name, C(f.Name))),
                E("p", f.Description),
                f.Columns.Count == 0 ? null : ScrollTable($"Columns of {f.Name}", Class("data"),
                    E("caption", $"Columns of {f.Name}"),
                    E("thead", E("tr", E("th", A("scope", "col"), "Column"), E("th", A("scope", "col"), "Meaning"))),
                    E("tbody", f.Columns.Select(c => E("tr", E("th", A("scope", "row"), E("code", C(c.Name))),
                        E("td", c.Meaning))))))),
        };
        var ld = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["name"] = kb.Site.Title + " — data",
            ["description"] =
                "Pakistan's child protection laws, bodies, comparison answers and findings, with citations.",
            ["url"] = ctx.Absolute(ctx.Url),
            ["isAccessibleForFree"] = true,
            ["distribution"] = files.Select(f => new Dictionary<string, object?>
            {
                ["@type"] = "DataDownload",
                ["encodingFormat"] =
                    f.Name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json",
                ["contentUrl"] = ctx.Absolute("data/" + f.Name),
            }).ToList(),
        };
        return Layout.Page(ctx, "Data",
            "Download the knowledge base as JSON and CSV, with a dictionary of every column.", body, ld);

    }
}
