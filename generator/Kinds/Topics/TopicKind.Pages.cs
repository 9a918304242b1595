using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>A topic's pages: the index of comparison questions and one page per question.</summary>
internal sealed partial class TopicKind
{
    public override IEnumerable<PageJob> Pages(RecordPages r) =>
        r.Kb.Topics.Select(t => new PageJob(SiteUrls.Topic(t.Id), () => Page(r, t)))
            .Prepend(new PageJob(SiteUrls.Topics, () => Index(r)));

    private static byte[] Index(RecordPages r)
    {
        var kb = r.Kb;
        var ctx = r.Ctx(SiteUrls.Topics);
        var body = new List<object?>
        {
            E("h1", "Comparison questions"),
            kb.Topics.GroupBy(t => t.Theme).OrderBy(g => kb.ThemeLabel(g.Key), StringComparer.Ordinal)
                .Select(g => new object[]
                {
                    E("h2", kb.ThemeLabel(g.Key)),
                    E("ul", g.Select(t => E("li", ctx.Link(SiteUrls.Topic(t.Id), t.Title), " — ", C(t.Question)))),
                }),
        };
        return Layout.Page(ctx, "Topics", "Every comparison question with each jurisdiction's answer.", body);
    }

    private static byte[] Page(RecordPages r, Topic t)
    {
        var (kb, analysis) = (r.Kb, r.Analysis);
        var ctx = r.Ctx(SiteUrls.Topic(t.Id));
        var ta = analysis.For(t.Id);
        var findings = analysis.FindingsFor(t.Id).ToList();
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (SiteUrls.Topics, "Topics")),
            E("h1", t.Title),
            E("p", Class("question"), C(t.Question)),
            Layout.DefinitionList(
                ("Theme", kb.ThemeLabel(t.Theme)),
                // The answer type and its unit are separate text, each translated.
                ("Answer type", new object?[] { t.AnswerType, t.Unit is null ? null : $" ({t.Unit})" }),
                ("International benchmark", t.Benchmark is null ? "none recorded" : (object)E("span",
                    ValueDisplay.Display(t, t.Benchmark.Value), " — ", C(t.Benchmark.Instrument), " (",
                    Link(t.Benchmark.SourceUrl, A("rel", "external noopener"), "source"), ")")),
                ("Spread", ta.Spread.Count == 0 ? "no answered jurisdictions yet"
                    : string.Join("; ", ta.Spread.Select(s =>
                        $"{ValueDisplay.Display(t, s.Value)}: " +
                        $"{string.Join(", ", s.Jurisdictions.Select(kb.JurisdictionName))}")))),
            t.Benchmark?.Note is null ? null : E("div", Class("prose benchmark-note"),
                MarkdownRenderer.Render(kb, t.Benchmark.Note)),
            t.Coding is null ? null : E("section", Class("coding"), A("id", "coding"),
                E("h2", "How answers are coded"),
                E("dl", t.Coding.Rules().Select(r =>
                    new object[] { E("dt", r.Heading), E("dd", MarkdownRenderer.Render(kb, r.Text)) })),
                kb.Articles.Any(x => x.Id == "methodology")
                    ? E("p", ctx.Link(SiteUrls.Article("methodology"),
                        "The general coding rules and how verification is derived"))
                    : null),
            Maps.RegionMap(ctx, kb, t, ta),
            E("div", Class("table-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-label", "Answers"),
                E("table", Class("data answers"),
                    E("caption", "Every jurisdiction's answer, with its citation"),
                    E("thead", E("tr",
                        E("th", A("scope", "col"), "Jurisdiction"), E("th", A("scope", "col"), "Answer"),
                        E("th", A("scope", "col"), "Reading"), E("th", A("scope", "col"), "Citation"),
                        E("th", A("scope", "col"), "Rests on"), E("th", A("scope", "col"), "Read"),
                        E("th", A("scope", "col"), "Note and sources"))),
                    E("tbody", kb.Compared.Select(j => AnswerRow(r, ctx, t, ta, j))))),
            Clauses(r, ctx, t, ta),
            findings.Count == 0 ? null : E("section", Class("findings"), E("h2", "Findings on this topic"),
                E("ul", findings.Select(f => E("li", E("span", Class("badge f-" + f.Kind), FindingText.Label(f.Kind)),
                    " ", r.Summary(f),
                    f.Pointers.Count == 0 ? null : E("div", Class("pointers"), "Provisions that already meet it: ",
                        RecordPages.Join(f.Pointers.Select(p => (object)E("span",
                            kb.JurisdictionName(p.JurisdictionId), " — ",
                            ctx.Link(SiteUrls.Section(p.StatuteId, p.Section),
                                C(r.Short(p.StatuteId)), " s. ", C(p.Section)),
                            $" ({ValueDisplay.Display(t, p.Value)})")))))))),
            Kinds.RecordKinds.SectionsOn(ctx, kb, new Kinds.Target(Kinds.TargetKind.Topic, t.Id)),
            r.HistorySection(t.Spans),
            Layout.CiteBlock(ctx, t.Title,
                t.Answers.Where(a => a.CheckedOn is not null).Select(a => a.CheckedOn!.Value)
                    .DefaultIfEmpty(DateOnly.MinValue).Max(),
                Weakest(t.Answers),
                t.Benchmark?.SourceUrl ?? t.Answers.Select(a => a.SourceUrl).FirstOrDefault(u => u is not null)
                    ?? kb.Site.BaseUrl,
                kb.AsOf),
        };
        return Layout.Page(ctx, t.Title, t.Question, body, scripts: ["copy.js"]);
    }

    /// <summary>
    /// The drafter's view: each jurisdiction's operative words side by side with the citation, the
    /// benchmark above them, and for a gap or a below-benchmark answer the clauses elsewhere that
    /// already meet it, with their words.
    /// </summary>
    private static Element? Clauses(RecordPages r, PageContext ctx, Topic t, TopicAnalysis ta)
    {
        var kb = r.Kb;
        if (!t.Answers.Any(a => a.Quote is not null)) return null;
        Element Quote(Answer a, string id) => E("div", Class("clause-text"),
            E("blockquote", Class("operative"), A("id", id),
                E("p", C(a.Quote!)),
                E("footer", "— ", kb.JurisdictionName(a.JurisdictionId), ", ",
                    AnswerView.Citation(ctx, kb, a.StatuteId!, a.Section))),
            E("button", A("type", "button"), Class("copy"), A("data-copy", id), A("hidden", ""),
                "Copy clause and citation"));
        return E("section", Class("clauses"), A("id", "clauses"), A("aria-labelledby", "clauses-h"),
            E("h2", A("id", "clauses-h"), "Clauses side by side"),
            E("p", "The operative words of each jurisdiction's provision, as read, with the citation.",
                t.Benchmark is null ? null : new object[]
                {
                    " International benchmark: ", E("strong", ValueDisplay.Display(t, t.Benchmark.Value)),
                    " (", C(t.Benchmark.Instrument), ")."
                }),
            E("div", Class("clause-grid"), kb.Compared.Select(j =>
            {
                var a = t.AnswerFor(j.Id);
                var state = ta.Cells[j.Id];
                var pointers = state is CellState.Gap or CellState.BelowBenchmark
                    ? t.Answers.Where(x => x.JurisdictionId != j.Id && x.Quote is not null && x.StatuteId is not null
                                           && (t.Benchmark is null ? x.IsAnswered : Analyser.MeetsBenchmark(t, x)))
                        .Take(2).ToList()
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

    private static Element AnswerRow(RecordPages r, PageContext ctx, Topic t, TopicAnalysis ta, Jurisdiction j)
    {
        var kb = r.Kb;
        var a = t.AnswerFor(j.Id);
        var state = ta.Cells[j.Id];
        return E("tr", A("id", "answer-" + j.Id), Class("cell-" + Cells.Css(state) + Cells.How(a)),
            E("th", A("scope", "row"), ctx.Link(SiteUrls.Jurisdiction(j.Id), j.Name)),
            // data-label names each cell when a narrow screen shows the row as a card.
            E("td", A("data-label", "Answer"), AnswerView.Value(t, a)),
            E("td", A("data-label", "Reading"), Cells.Label(state)),
            E("td", A("data-label", "Citation"),
                a?.StatuteId is null ? "—" : AnswerView.Citation(ctx, kb, a.StatuteId, a.Section)),
            E("td", A("data-label", "Rests on"), AnswerView.RestsOn(a) ?? "—"),
            E("td", A("data-label", "Read"), a?.CheckedOn is { } d
                ? E("time", A("datetime", d.ToString("yyyy-MM-dd")), d.ToString("yyyy-MM-dd"))
                : "—"),
            E("td", Class("note"), A("data-label", "Note and sources"),
                a is null ? null : AnswerView.Details(ctx, kb, t, a)));
    }
}
