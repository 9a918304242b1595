using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Index;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Generator.Validate;
using KnowledgeBase.Search;
using static KnowledgeBase.Generator.Render.H;
using static KnowledgeBase.Generator.Validate.RecordValidator;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>
/// Statutes (content/statutes/JURISDICTION/ID.yaml): Acts, Ordinances and bills with their sections.
/// How a statute is read, checked, indexed (with a document per section), rendered and exported.
/// </summary>
internal sealed class StatuteKind : Kind
{
    public override string Name => "statute";
    public override string Folder => "statutes";
    public override string Plural => "Statutes";

    /// <summary>Every statute file under content/statutes/, in id order.</summary>
    internal IReadOnlyList<Statute> Load(string root, DiagnosticBag bag, ParseCache? cache) =>
        ContentLoader.LoadAll(root, Folder, bag, Name, Read, recursive: true, cache)
            .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public override IEnumerable<string> Ids(KnowledgeBaseModel kb) => kb.Statutes.Select(s => s.Id);

    internal static Statute? Read(MappingReader r)
    {
        var id = r.Id();
        var jurisdiction = r.String("jurisdiction");
        var title = r.String("title", maxLength: 300);
        var shortTitle = r.String("short_title", required: false, maxLength: 100);
        var year = r.Int("year", min: 1800, max: 2100);
        var actNumber = r.String("act_number", required: false, maxLength: 200);
        var status = r.OneOf("status", Vocab.StatuteStatuses);
        var appliesTo = r.StringList("applies_to", required: true);
        var themes = r.StringList("themes", required: true);
        var rules = r.OneOf("rules_notified", Vocab.RulesStates);
        var rulesNote = r.String("rules_note", required: false);
        var rulesOn = r.PartialDate("rules_notified_on", required: false);
        var rulesAsOf = r.Date("rules_as_of", required: false);
        var rulesSources = ContentLoader.ReadSources(r, "rules_sources", required: false);
        var ordinance = r.Mapping("ordinance", "ordinance") is { } o ? ReadOrdinance(o) : null;
        var amends = r.StringList("amends");
        var repeals = r.StringList("repeals");
        var url = r.Url("source_url");
        var checkedOn = r.Date("checked_on");
        var verification = r.OneOf("verification", Vocab.Verifications);
        var summary = r.String("summary");
        var notes = r.String("notes", required: false);
        var research = r.String("research", required: false);
        var sections = r.MappingList("sections", "section").Select(ReadSection).OfType<Section>().ToList();
        var aliases = r.StringList("aliases");
        if (id is null || jurisdiction is null || title is null || year is null || status is null || rules is null
            || url is null || checkedOn is null || verification is null || summary is null) return null;
        return new Statute(id, jurisdiction, title, shortTitle, year.Value, actNumber,
            ContentLoader.Parse<StatuteStatus>(status), appliesTo, themes, ContentLoader.Parse<RulesState>(rules),
            rulesNote, rulesOn, rulesAsOf, rulesSources, ordinance, amends, repeals, url, checkedOn.Value,
            ContentLoader.Parse<Verification>(verification), summary, notes, sections, r.Spans())
        { Research = research, Aliases = aliases };
    }

    private static Ordinance? ReadOrdinance(MappingReader r)
    {
        var promulgated = r.Date("promulgated");
        var extended = r.Date("extended_until", required: false);
        var replacedBy = r.String("replaced_by", required: false);
        var lapsed = r.Date("lapsed_on", required: false);
        r.Finish();
        return promulgated is null ? null : new Ordinance(promulgated.Value, extended, replacedBy, lapsed, r.Spans());
    }

    private static Section? ReadSection(MappingReader r)
    {
        var number = r.String("number", maxLength: 40);
        var heading = r.String("heading", maxLength: 300);
        var summary = r.String("summary");
        r.Finish();
        return number is null || heading is null || summary is null
            ? null
            : new Section(number, heading, summary, r.Spans());
    }

    internal override void ValidateAll(KnowledgeBaseModel kb, Checks check)
    {
        var (bag, today) = (check.Bag, check.Today);
        var jurisdictions = check.JurisdictionIds;
        var themes = check.ThemeIds;
        var statutes = check.StatutesById;
        Unique(kb.Statutes, s => s.Id, s => s.Spans, Name, bag);
        Aliases(kb.Statutes, s => s.Id, s => s.Aliases, s => s.Spans, Name, bag);
        foreach (var s in kb.Statutes)
        {
            FileNamed(s.Spans, s.Id, s.JurisdictionId, bag);
            Ref(jurisdictions, s.JurisdictionId, s.Spans.At("jurisdiction"), "jurisdiction", bag);
            foreach (var j in s.AppliesTo) Ref(jurisdictions, j, s.Spans.At("applies_to"), "jurisdiction", bag);
            foreach (var t in s.Themes)
                Ref(themes, t, s.Spans.At("themes"), "theme", bag, "themes are listed in content/taxonomy/themes.yaml");
            foreach (var a in s.Amends) Ref(statutes.Keys, a, s.Spans.At("amends"), "statute", bag);
            foreach (var a in s.Repeals) Ref(statutes.Keys, a, s.Spans.At("repeals"), "statute", bag);
            NotFuture(s.CheckedOn, s.Spans.At("checked_on"), today, bag);
            Rules(s, today, bag);
            AnswerRules.ForReaders(s.Notes, s.Spans.At("notes"), "notes", bag, limitWords: false);
            AnswerRules.ForReaders(s.Research, s.Spans.At("research"), "research trail", bag, limitWords: false);
            if (s.Ordinance is { } o)
            {
                if (o.ReplacedBy is not null)
                    Ref(statutes.Keys, o.ReplacedBy, o.Spans.At("replaced_by"), "statute", bag);
                if (o.MayHaveLapsed(kb.AsOf, s.JurisdictionId is "federal" or "ict"))
                    bag.Warning(Codes.OrdinanceLapsed, o.Spans.At("promulgated"),
                        $"{s.Id} was promulgated on {o.Promulgated:yyyy-MM-dd}; its constitutional life ended on " +
                        $"{o.Expires(s.JurisdictionId is "federal" or "ict"):yyyy-MM-dd}, " +
                        $"before the content's as-of date {kb.AsOf:yyyy-MM-dd}, " +
                        "and no Act, extension or lapse is recorded; the site shows it as 'may have lapsed'",
                        "record 'replaced_by', 'extended_until' or 'lapsed_on' under 'ordinance:' with a source");
            }
            if (s.Year > today.Year)
                bag.Error(Codes.FutureDate, s.Spans.At("year"), $"year {s.Year} is in the future",
                    "check the year of enactment against the source");
            foreach (var dup in s.Sections.GroupBy(x => x.Number, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1))
                bag.Error(Codes.DuplicateSection, dup.Skip(1).First().Spans.Record,
                    $"section '{dup.Key}' is listed {dup.Count()} times in {s.Id}", "merge the entries into one");
            foreach (var anchor in s.Sections.GroupBy(x => x.Anchor, StringComparer.Ordinal)
                .Where(g => g.Count() > 1 && g.Select(x => x.Number.ToLowerInvariant()).Distinct().Count() > 1))
                bag.Error(Codes.DuplicateSection, anchor.Skip(1).First().Spans.Record,
                    $"sections {string.Join(" and ", anchor.Select(x => $"'{x.Number}'"))} " +
                    $"would share the anchor #{anchor.Key}",
                    "write section numbers as printed in the statute");
        }
    }

    private static void Rules(Statute s, DateOnly today, DiagnosticBag bag)
    {
        foreach (var src in s.RulesSources)
            if (src.ReadOn > today)
                bag.Error(Codes.FutureDate, src.Spans.At("read_on"), $"date {src.ReadOn:yyyy-MM-dd} is in the future",
                    "write the day the source was actually read");
        if (s.RulesNotified is RulesState.Yes or RulesState.No && s.RulesSources.Count == 0)
            bag.Warning(Codes.IncompleteAnswer, s.Spans.At("rules_notified"),
                $"{s.Id} says rules_notified: {YamlNames.Of(s.RulesNotified)} without 'rules_sources'",
                "list the notice or report that shows it under 'rules_sources:'");
        if (s.RulesNotified == RulesState.No && s.RulesAsOf is null)
            bag.Warning(Codes.IncompleteAnswer, s.Spans.At("rules_notified"),
                $"{s.Id} says rules are not notified without saying as of when",
                "add 'rules_as_of:' with the date of the source that says so");
        if (s.RulesNotified == RulesState.Unknown && s.RulesNote is null)
            bag.Warning(Codes.IncompleteAnswer, s.Spans.At("rules_notified"),
                $"{s.Id} says rules are unknown without saying what was consulted",
                "say in 'rules_note:' which sources were consulted");
        AnswerRules.ForReaders(s.RulesNote, s.Spans.At("rules_note"), "rules note", bag, limitWords: false);
    }

    public override IEnumerable<Func<IEnumerable<SearchDocument>>> Documents(KnowledgeBaseModel kb) =>
        PerRecord(kb.Statutes, (s, docs) => Document(kb, s, docs));

    private static void Document(KnowledgeBaseModel kb, Statute s, List<SearchDocument> docs)
    {
        var facets = RecordKinds.Facets(s.JurisdictionId, s.Themes, s.Year, YamlNames.Of(s.Status),
            YamlNames.Of(s.Verification));
        docs.Add(new SearchDocument($"statute:{s.Id}", "statute", s.Title,
            $"{s.ShortTitle} {s.ActNumber} {RecordKinds.Place(kb, s.JurisdictionId)}",
            $"{RecordKinds.Plain(kb, s.Summary)} {RecordKinds.Plain(kb, s.Notes)} " +
            $"{string.Join(' ', s.Sections.Select(x => x.Heading))}",
            SiteUrls.Statute(s.Id), facets));
        foreach (var section in s.Sections)
        {
            docs.Add(new SearchDocument($"section:{s.Id}/{section.Number}", "section",
                $"{s.ShortTitle ?? s.Title}, section {section.Number}: {section.Heading}",
                $"{section.Number} {s.ShortTitle} {RecordKinds.Place(kb, s.JurisdictionId)}",
                $"{RecordKinds.Plain(kb, section.Summary)} {s.Title}",
                SiteUrls.Section(s.Id, section.Number), facets));
        }
    }

    public override IEnumerable<PageJob> Pages(RecordPages r) =>
        r.Kb.Statutes.Select(s => new PageJob(SiteUrls.Statute(s.Id), () => Page(r, s)))
            .Prepend(new PageJob(SiteUrls.Statutes, () => Index(r)));

    private static byte[] Index(RecordPages r)
    {
        var kb = r.Kb;
        var ctx = r.Ctx(SiteUrls.Statutes);
        var body = new List<object?>
        {
            E("h1", "Statutes"),
            kb.Jurisdictions.Select(j => new object[]
            {
                E("h2", j.Name),
                E("ul", kb.Statutes.Where(s => s.JurisdictionId == j.Id)
                    .OrderBy(s => s.Year).ThenBy(s => s.Id, StringComparer.Ordinal)
                    .Select(s => E("li", ctx.Link(SiteUrls.Statute(s.Id), C(s.Title)),
                        $" — {RecordPages.StatusWord(s, kb.AsOf)}, " +
                        $"rules notified: {YamlNames.Of(s.RulesNotified)}"))),
            }),
        };
        return Layout.Page(ctx, "Statutes", "Child protection statutes of Pakistan's Federation and provinces.", body);
    }

    private static byte[] Page(RecordPages r, Statute s)
    {
        var kb = r.Kb;
        var ctx = r.Ctx(SiteUrls.Statute(s.Id));
        var citedBy = r.CitationsOf(s.Id);
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (SiteUrls.Statutes, "Statutes"),
                (SiteUrls.Jurisdiction(s.JurisdictionId), kb.JurisdictionName(s.JurisdictionId))),
            E("h1", C(s.Title)),
            r.UrduTitle(ctx, s.Id),
            Layout.DefinitionList(
                ("Jurisdiction",
                    ctx.Link(SiteUrls.Jurisdiction(s.JurisdictionId), kb.JurisdictionName(s.JurisdictionId))),
                ("Year", s.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Act number", s.ActNumber is null ? null : C(s.ActNumber)),
                ("Status", r.StatusOf(s)),
                ("Promulgated", s.Ordinance is { } o ? ctx.Date(o.Promulgated) : null),
                ("Has force in",
                    RecordPages.Join(ctx, s.AppliesTo.Select(j =>
                        (object)ctx.Link(SiteUrls.Jurisdiction(j), kb.JurisdictionName(j))))),
                ("Rules notified", RulesOf(ctx, s)),
                ("Themes", RecordPages.Join(ctx, s.Themes.Select(t => (object)kb.ThemeLabel(t)))),
                ("Amends", s.Amends.Count == 0
                    ? null
                    : RecordPages.Join(ctx, s.Amends.Select(a => (object)r.StatuteLink(ctx, a)))),
                ("Repeals", s.Repeals.Count == 0
                    ? null
                    : RecordPages.Join(ctx, s.Repeals.Select(a => (object)r.StatuteLink(ctx, a)))),
                ("Amended by", r.AmendedBy(ctx, s.Id))),
            E("div", Class("prose"), MarkdownRenderer.Render(kb, s.Summary)),
            s.RulesNote is null && s.RulesSources.Count == 0 ? null : E("section", E("h2", "Rules"),
                s.RulesNote is null ? null : E("div", Class("prose"), MarkdownRenderer.Render(kb, s.RulesNote)),
                s.RulesSources.Count == 0 ? null : E("div", Class("sources"), E("strong", "Sources: "),
                    AnswerView.SourceList(s.RulesSources, inline: true))),
            s.Notes is null ? null : E("section", Class("notes"), E("h2", "Notes on sources"),
                E("div", Class("prose"), MarkdownRenderer.Render(kb, s.Notes))),
            s.Research is null ? null : E("details", Class("research"), E("summary", "How this was researched"),
                MarkdownRenderer.Render(kb, s.Research)),
            E("h2", "Sections"),
            s.Sections.Count == 0 ? E("p", "No sections recorded yet.") : null,
            E("nav", Class("toc"), A("aria-label", "Sections"),
                E("ul", s.Sections.Select(x =>
                    E("li", H.Link("#" + x.Anchor, "s. ", C(x.Number), " ", C(x.Heading)))))),
            s.Sections.Select(x => SectionBlock(r, ctx, s, x, citedBy)),
            Kinds.RecordKinds.SectionsOn(ctx, kb, new Kinds.Target(Kinds.TargetKind.Statute, s.Id)),
            r.HistorySection(s.Spans),
            Layout.CiteBlock(ctx, s.Title, s.CheckedOn, s.Verification, s.SourceUrl, kb.AsOf),
        };
        var ld = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Legislation",
            ["name"] = s.Title,
            ["legislationIdentifier"] = s.ActNumber,
            ["legislationDate"] = s.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["legislationJurisdiction"] = kb.JurisdictionName(s.JurisdictionId),
            ["legislationLegalForce"] = s.Status == StatuteStatus.Repealed ? "NotInForce"
                : s.Status == StatuteStatus.Bill || s.MayHaveLapsed(kb.AsOf) ? null
                : "InForce",
            ["url"] = ctx.Absolute(ctx.Url),
            ["sameAs"] = s.SourceUrl,
        };
        return Layout.Page(ctx, s.Title, MarkdownRenderer.PlainText(kb, s.Summary), body, ld, scripts: ["copy.js"]);
    }

    /// <summary>Whether rules are notified, and when; dates are written in the page's language.</summary>
    private static object RulesOf(PageContext ctx, Statute s) => s.RulesNotified switch
    {
        RulesState.Yes => "yes" + (s.RulesNotifiedOn is { } d
            ? ", notified " + (d.DayKnown ? ctx.Date(d.First) : d.ToString())
            : ""),
        RulesState.No => "no" + (s.RulesAsOf is { } a ? ", as of " + ctx.Date(a) : ""),
        // Parts of their own, so the bracket stays outside the words the Urdu page translates.
        RulesState.Unknown => new object[] { "unknown", " (", "not established", ")" },
        _ => "not applicable",
    };

    private static Element SectionBlock(RecordPages r, PageContext ctx, Statute s, Section x,
        ILookup<string, (string Url, RecordPages.Citing Label)> citedBy)
    {
        var kb = r.Kb;
        var sims = r.Similar.GetValueOrDefault($"section:{s.Id}/{x.Number}") ?? [];
        var cites = citedBy[x.Anchor].ToList();
        return E("section", Class("provision"), A("id", x.Anchor),
            E("h3", E("span", Class("secno"), "s. ", C(x.Number)), " ", C(x.Heading), " ",
                H.Link("#" + x.Anchor, Class("anchor"), A("aria-label", $"Link to section {x.Number}"), "#")),
            E("div", Class("prose"), MarkdownRenderer.Render(kb, x.Summary)),
            cites.Count == 0 ? null : E("p", Class("cited-by"), E("strong", "Cited by: "),
                RecordPages.Join(ctx, cites.Select(c => (object)ctx.Link(c.Url, c.Label.Parts)))),
            sims.Count == 0 ? null : E("details", Class("similar"),
                E("summary", "Similar provisions in other jurisdictions"),
                E("ul", sims.Select(m =>
                    E("li", ctx.Link(m.Url, r.SimilarTitle(ctx, m)), " — ", kb.JurisdictionName(m.JurisdictionId))))));
    }

    public override IReadOnlyList<KindExport> Exports { get; } =
    [
        new(new DataFile("statutes.csv", "One row per statute.",
        [
            new("id", "Statute id."), new("jurisdiction", "Enacting jurisdiction."), new("title", "Title as printed."),
            new("year", "Year of enactment."), new("act_number", "Act number as printed, where known."),
            new("status", "in-force, amended, repealed or bill."),
            new("applies_to", "Jurisdictions where it has force, ';'-separated."),
            new("rules_notified", "yes, no, unknown or not-applicable."), new("themes", "Theme ids, ';'-separated."),
            new("source_url", "Source read."), new("checked_on", "Date last checked."),
            new("verification", "Verification level."),
        ]), (kb, _) => kb.Statutes.Select(s => new[]
        {
            s.Id, s.JurisdictionId, s.Title, DataExport.N(s.Year), s.ActNumber, YamlNames.Of(s.Status),
            string.Join(';', s.AppliesTo), YamlNames.Of(s.RulesNotified), string.Join(';', s.Themes), s.SourceUrl,
            DataExport.D(s.CheckedOn), YamlNames.Of(s.Verification),
        })),
    ];
}
