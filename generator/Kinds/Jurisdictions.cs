using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Search;
using static KnowledgeBase.Generator.Render.H;
using static KnowledgeBase.Generator.Validate.RecordValidator;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>
/// Jurisdictions (content/jurisdictions/ID.yaml): the Federation, Islamabad Capital Territory and
/// the provinces. A jurisdiction's page is its profile: scorecard, answers by theme, overlapping
/// mandates, its statutes and bodies. Jurisdictions have no search documents or table of their
/// own; kb.json carries them.
/// </summary>
internal sealed class JurisdictionKind : Kind
{
    public override string Name => "jurisdiction";
    public override string Folder => "jurisdictions";
    public override string Plural => "Jurisdictions";

    /// <summary>Every jurisdiction file in content/jurisdictions/, in the order they are compared.</summary>
    internal IReadOnlyList<Jurisdiction> Load(string root, DiagnosticBag bag) =>
        ContentLoader.LoadAll(root, Folder, bag, Name, Read).OrderBy(j => j.Order)
            .ThenBy(j => j.Id, StringComparer.Ordinal).ToList();

    public override IEnumerable<string> Ids(KnowledgeBaseModel kb) => kb.Jurisdictions.Select(j => j.Id);

    internal static Jurisdiction? Read(MappingReader r)
    {
        var id = r.Id();
        var name = r.String("name");
        var kind = r.OneOf("kind", Vocab.JurisdictionKinds);
        var seat = r.String("seat");
        var aliases = r.StringList("aliases");
        var order = r.Int("order", min: 0, max: 99);
        if (id is null || name is null || kind is null || seat is null || order is null) return null;
        return new Jurisdiction(id, name, kind, seat, aliases, order.Value, r.Spans());
    }

    internal override void ValidateAll(KnowledgeBaseModel kb, Checks check)
    {
        Unique(kb.Jurisdictions, j => j.Id, j => j.Spans, Name, check.Bag);
        foreach (var j in kb.Jurisdictions) FileNamed(j.Spans, j.Id, null, check.Bag);
    }

    public override IEnumerable<Func<IEnumerable<SearchDocument>>> Documents(KnowledgeBaseModel kb) => [];

    public override IReadOnlyList<KindExport> Exports => [];

    public override IEnumerable<PageJob> Pages(RecordPages r) =>
        r.Kb.Jurisdictions.Select(j => new PageJob(SiteUrls.Jurisdiction(j.Id), () => Page(r, j)))
            .Prepend(new PageJob(SiteUrls.Jurisdictions, () => Index(r)));

    private static byte[] Index(RecordPages r)
    {
        var kb = r.Kb;
        var ctx = r.Ctx(SiteUrls.Jurisdictions);
        var body = new List<object?>
        {
            E("h1", "Jurisdictions"),
            E("ul", kb.Jurisdictions.Select(j => E("li", ctx.Link(SiteUrls.Jurisdiction(j.Id), j.Name),
                $" — {j.Kind.Replace('-', ' ')}, seat: ", C(j.Seat)))),
        };
        return Layout.Page(ctx, "Jurisdictions", "The Federation, Islamabad Capital Territory and the four provinces.",
            body);
    }

    private static byte[] Page(RecordPages r, Jurisdiction j)
    {
        var (kb, analysis) = (r.Kb, r.Analysis);
        var ctx = r.Ctx(SiteUrls.Jurisdiction(j.Id));
        var statutes = kb.Statutes.Where(s => s.JurisdictionId == j.Id).OrderBy(s => s.Year)
            .ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var federalHere = kb.Statutes.Where(s => s.JurisdictionId != j.Id && s.AppliesTo.Contains(j.Id)).ToList();
        var bodies = kb.Institutions.Where(i => i.JurisdictionId == j.Id || i.Reach.Contains(j.Id)).ToList();
        var mine = analysis.Findings.Where(f => f.Jurisdictions.Contains(j.Id)).ToList();
        var coverage = analysis.CoverageByJurisdiction.GetValueOrDefault(j.Id);
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (SiteUrls.Jurisdictions, "Jurisdictions")),
            E("h1", j.Name),
            coverage is null
                ? E("p", "The Federation's own laws and bodies; " +
                    "their reach into each province is shown on the province's page.")
                : E("p", Class("lead"), $"Of {coverage.Total} questions: {coverage.Describe()}."),
            coverage is null ? null : Scorecard(r, ctx, j, mine),
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
                                E("td", a is null ? "—"
                                    : a.IsAnswered ? AnswerView.ValueText(t, a) : Badges.Status(a.StatusName)),
                                E("td", Cells.Label(state)),
                                E("td", Elsewhere(ctx, t, ta, j)));
                        }))))),
            coverage is null ? null : Overlaps(r, ctx, j, mine),
            E("section", E("h2", "Statutes enacted here"), StatuteList(r, ctx, statutes)),
            E("p", Class("rules-summary"), RulesSummary(statutes.Concat(federalHere).ToList())),
            federalHere.Count == 0 ? null : E("section", E("h2", "Laws of another legislature in force here"),
                StatuteList(r, ctx, federalHere)),
            E("section", E("h2", "Bodies serving children here"),
                bodies.Count == 0 ? E("p", "None recorded yet.") : E("ul", bodies.Select(i =>
                    E("li", ctx.Link(SiteUrls.Institution(i.Id), C(i.Name)),
                        $" — {i.Kind.Replace('-', ' ')}, {YamlNames.Of(i.Status).Replace('-', ' ')}",
                        i.JurisdictionId != j.Id ? $" ({kb.JurisdictionName(i.JurisdictionId)})" : "")))),
            Kinds.RecordKinds.SectionsOn(ctx, kb, new Kinds.Target(Kinds.TargetKind.Jurisdiction, j.Id)),
            coverage is null ? null : E("section", E("h2", "Side by side"),
                E("ul", kb.Compared.Where(o => o.Id != j.Id).Select(o =>
                    E("li", ctx.Link(RecordPages.PairUrl(j, o), $"{j.Name} and {o.Name}"))))),
        };
        return Layout.Page(ctx, j.Name, $"Child protection law in {j.Name}: statutes, bodies, and how it compares.",
            body);
    }

    /// <summary>
    /// How the other jurisdictions answer, in a few words: "alone", "same as 3", "others: 16 (2), 18 (1)".
    /// </summary>
    private static object Elsewhere(PageContext ctx, Topic t, TopicAnalysis ta, Jurisdiction j)
    {
        var own = t.AnswerFor(j.Id);
        if (own is not { IsAnswered: true, Value: { } value }) return "";
        var others = ta.Spread.Select(x => (x.Value, Count: x.Jurisdictions.Count(o => o != j.Id)))
            .Where(x => x.Count > 0).ToList();
        if (others.Count == 0) return "no other jurisdiction has a value yet";
        var same = others
            .FirstOrDefault(x => string.Equals(x.Value, value.Trim().ToLowerInvariant(), StringComparison.Ordinal))
            .Count;
        // Each "18 years in 2" is a node of its own, so the Urdu page translates them one by one.
        if (same == 0)
            return new[] { "alone: ", RecordPages.Join(ctx,
                others.Select(x => (object)$"{ValueDisplay.Display(t, x.Value)} in {x.Count}")) };
        return same == others.Sum(x => x.Count) ? "same everywhere" : new[] { $"same as {same}",
            ctx.Lang == Lang.Ur ? "؛ " : "; ", RecordPages.Join(ctx, others.Where(x => x.Count > 0
                    && !string.Equals(x.Value, value.Trim().ToLowerInvariant(), StringComparison.Ordinal))
                .Select(x => (object)$"{ValueDisplay.Display(t, x.Value)} in {x.Count}")) };
    }

    /// <summary>
    /// The overlapping mandates that involve bodies serving this jurisdiction, federal bodies acting here included.
    /// </summary>
    private static Element Overlaps(RecordPages r, PageContext ctx, Jurisdiction j, List<Finding> mine)
    {
        var overlaps = mine.Where(f => f.Kind == FindingKinds.Overlap).ToList();
        return E("section", A("id", "overlaps"), E("h2", "Overlapping mandates here", $" ({overlaps.Count})"),
            overlaps.Count == 0 ? E("p", "No two bodies serving children here hold the same mandate.")
                : E("ul", overlaps.Select(f => E("li", r.Summary(f), " ",
                    E("span", Class("evidence"), RecordPages.Join(ctx, f.Evidence.Take(Analyser.MaxNamed)
                        .Select(e => (object)r.EvidenceLink(ctx, e))))))));
    }

    private static string RulesSummary(IReadOnlyList<Statute> statutes)
    {
        var inForce = statutes.Where(s => s.Status is StatuteStatus.InForce or StatuteStatus.Amended).ToList();
        int Count(RulesState state) => inForce.Count(s => s.RulesNotified == state);
        return $"Rules under the statutes in force here: {Count(RulesState.Yes)} notified, " +
               $"{Count(RulesState.No)} not notified, {Count(RulesState.Unknown)} unknown " +
               $"({Count(RulesState.NotApplicable)} need none).";
    }

    private static Element Scorecard(RecordPages r, PageContext ctx, Jurisdiction j, List<Finding> mine)
    {
        var kb = r.Kb;
        var gaps = mine.Where(f => f.Kind == FindingKinds.Gap).ToList();
        var below = mine.Where(f => f.Kind == FindingKinds.BelowBenchmark).ToList();
        var deviations = mine.Where(f => f.Kind == FindingKinds.NonUniformity).ToList();
        object Item(Finding f) => E("li", f.TopicId is null
                ? r.Summary(f)
                : (object)ctx.Link(SiteUrls.Answer(f.TopicId, j.Id), kb.Topic(f.TopicId)?.Title ?? f.TopicId),
            f.Pointers.Count == 0 ? null : E("div", Class("pointers"), "Reform pointers: ",
                RecordPages.Join(ctx, f.Pointers.Select(p => (object)E("span",
                    kb.JurisdictionName(p.JurisdictionId), " ",
                    ctx.Link(SiteUrls.Section(p.StatuteId, p.Section),
                        C(r.Short(p.StatuteId)), " s. ", C(p.Section)))))));
        return E("section", Class("scorecard"), A("aria-labelledby", "scorecard"),
            E("h2", A("id", "scorecard"), "Scorecard"),
            E("div", Class("score-grid"),
                E("div", E("h3", "Gaps", $" ({gaps.Count})"),
                    gaps.Count == 0 ? E("p", "None found.") : E("ul", gaps.Select(Item))),
                E("div", E("h3", "Below benchmark", $" ({below.Count})"),
                    below.Count == 0 ? E("p", "None found.") : E("ul", below.Select(Item))),
                E("div", E("h3", "Differs from other jurisdictions", $" ({deviations.Count})"),
                    deviations.Count == 0 ? E("p", "None found.") : E("ul", deviations.Select(Item)))));
    }

    private static Element StatuteList(RecordPages r, PageContext ctx, IReadOnlyList<Statute> statutes) =>
        statutes.Count == 0 ? E("p", "None recorded yet.") : E("ul", statutes.Select(s => E("li",
            ctx.Link(SiteUrls.Statute(s.Id), C(s.Title)), $" ({RecordPages.StatusWord(s, r.Kb.AsOf)}",
            s.RulesNotified is RulesState.NotApplicable ? ")"
                : new object[] { ctx.Lang == Lang.Ur ? "؛ " : "; ", $"rules: {RulesWord(s.RulesNotified)}", ")" })));

    private static string RulesWord(RulesState state) => YamlNames.Of(state) switch
    {
        "yes" => "notified",
        "no" => "not notified",
        _ => "unknown",
    };
}
