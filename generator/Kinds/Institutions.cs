using KnowledgeBase.Generator.Analyse;
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
/// Bodies (content/institutions/JURISDICTION/ID.yaml): commissions, authorities, bureaus, courts and
/// helplines with their mandates. How a body is read, checked, indexed (with a document per
/// mandate), rendered and exported (institutions.csv and mandates.csv).
/// </summary>
internal sealed class InstitutionKind : Kind
{
    public override string Name => "institution";
    public override string Folder => "institutions";
    public override string Plural => "Bodies";

    /// <summary>Every body file under content/institutions/, in id order.</summary>
    internal IReadOnlyList<Institution> Load(string root, DiagnosticBag bag, ParseCache? cache) =>
        ContentLoader.LoadAll(root, Folder, bag, Name, Read, recursive: true, cache)
            .OrderBy(i => i.Id, StringComparer.Ordinal).ToList();

    public override IEnumerable<string> Ids(KnowledgeBaseModel kb) => kb.Institutions.Select(i => i.Id);

    internal static Institution? Read(MappingReader r)
    {
        var id = r.Id();
        var jurisdiction = r.String("jurisdiction");
        var name = r.String("name", maxLength: 300);
        var acronym = r.String("acronym", required: false, maxLength: 30);
        var kind = r.OneOf("kind", Vocab.InstitutionKinds);
        var established = r.Int("established", required: false, min: 1800, max: 2100);
        var statute = r.String("statute", required: false);
        var statuteSection = r.String("statute_section", required: false, maxLength: 40);
        var parent = r.String("parent", required: false, maxLength: 300);
        var status = r.OneOf("status", Vocab.InstitutionStatuses);
        var reach = r.StringList("reach", required: true);
        var mandates = r.MappingList("mandates", "mandate").Select(ReadMandate).OfType<Mandate>().ToList();
        var url = r.Url("source_url");
        var checkedOn = r.Date("checked_on");
        var verification = r.OneOf("verification", Vocab.Verifications);
        var summary = r.String("summary");
        var notes = r.String("notes", required: false);
        var research = r.String("research", required: false);
        var aliases = r.StringList("aliases");
        if (id is null || jurisdiction is null || name is null || kind is null || status is null || url is null
            || checkedOn is null || verification is null || summary is null) return null;
        return new Institution(id, jurisdiction, name, acronym, kind, established, statute, statuteSection, parent,
            ContentLoader.Parse<InstitutionStatus>(status), reach, mandates, url, checkedOn.Value,
            ContentLoader.Parse<Verification>(verification), summary, notes, r.Spans())
        { Research = research, Aliases = aliases };
    }

    private static Mandate? ReadMandate(MappingReader r)
    {
        var function = r.String("function");
        var section = r.String("section", required: false, maxLength: 40);
        var statute = r.String("statute", required: false);
        var note = r.String("note", required: false);
        r.Finish();
        return function is null ? null : new Mandate(function, section, statute, note, r.Spans());
    }

    internal override void ValidateAll(KnowledgeBaseModel kb, Checks check)
    {
        var bag = check.Bag;
        var today = check.Today;
        var jurisdictions = check.JurisdictionIds;
        var functions = check.FunctionIds;
        var statutes = check.StatutesById;
        Unique(kb.Institutions, i => i.Id, i => i.Spans, Name, bag);
        Aliases(kb.Institutions, i => i.Id, i => i.Aliases, i => i.Spans, Name, bag);
        foreach (var i in kb.Institutions)
        {
            FileNamed(i.Spans, i.Id, i.JurisdictionId, bag);
            Ref(jurisdictions, i.JurisdictionId, i.Spans.At("jurisdiction"), "jurisdiction", bag);
            foreach (var j in i.Reach) Ref(jurisdictions, j, i.Spans.At("reach"), "jurisdiction", bag);
            NotFuture(i.CheckedOn, i.Spans.At("checked_on"), today, bag);
            AnswerRules.ForReaders(i.Notes, i.Spans.At("notes"), "notes", bag, limitWords: false);
            AnswerRules.ForReaders(i.Research, i.Spans.At("research"), "research trail", bag, limitWords: false);
            if (i.StatuteId is not null && Ref(statutes.Keys, i.StatuteId, i.Spans.At("statute"), "statute", bag)
                && i.StatuteSection is not null)
                SectionRef(statutes[i.StatuteId], i.StatuteSection, i.Spans.At("statute_section"), bag);
            if (i.StatuteId is null && i.StatuteSection is not null)
                bag.Error(Codes.IncompleteAnswer, i.Spans.At("statute_section"),
                    "'statute_section' is given without 'statute'",
                    "name the founding statute's id in 'statute:'");
            foreach (var m in i.Mandates)
            {
                Ref(functions, m.Function, m.Spans.At("function"), "mandate function", bag,
                    "mandate functions are listed in content/taxonomy/mandate-functions.yaml");
                var statuteId = m.StatuteId ?? i.StatuteId;
                if (m.StatuteId is not null && !Ref(statutes.Keys, m.StatuteId, m.Spans.At("statute"), "statute", bag))
                    continue;
                if (m.Section is null) continue;
                if (statuteId is null)
                    bag.Error(Codes.IncompleteAnswer, m.Spans.At("section"), "mandate cites a section but no statute",
                        "give the institution a 'statute:' or the mandate its own 'statute:'");
                else if (statutes.TryGetValue(statuteId, out var st))
                    SectionRef(st, m.Section, m.Spans.At("section"), bag);
            }
        }
    }

    public override IEnumerable<Func<IEnumerable<SearchDocument>>> Documents(KnowledgeBaseModel kb) =>
        PerRecord(kb.Institutions, (i, docs) => Document(kb, i, docs));

    private static void Document(KnowledgeBaseModel kb, Institution i, List<SearchDocument> docs)
    {
        var facets = RecordKinds.Facets(i.JurisdictionId, ["child-protection"], i.Established, YamlNames.Of(i.Status),
            YamlNames.Of(i.Verification));
        docs.Add(new SearchDocument($"institution:{i.Id}", "institution", i.Name,
            $"{i.Acronym} {RecordKinds.Place(kb, i.JurisdictionId)} {i.Kind}",
            $"{RecordKinds.Plain(kb, i.Summary)} {i.Parent} " +
            $"{string.Join(' ', i.Mandates.Select(m => kb.FunctionLabel(m.Function)))}",
            SiteUrls.Institution(i.Id), facets));
        foreach (var m in i.Mandates.GroupBy(m => m.Function).Select(g => g.First()))
        {
            docs.Add(new SearchDocument($"mandate:{i.Id}/{m.Function}", "mandate",
                $"{i.Acronym ?? i.Name}: {kb.FunctionLabel(m.Function)}",
                $"{i.Acronym} {m.Section} {RecordKinds.Place(kb, i.JurisdictionId)}",
                $"{i.Name} {RecordKinds.Plain(kb, m.Note)}",
                SiteUrls.Institution(i.Id) + "#mandate-" + m.Function, facets));
        }
    }

    public override IEnumerable<PageJob> Pages(RecordPages r) =>
        r.Kb.Institutions.Select(i => new PageJob(SiteUrls.Institution(i.Id), () => Page(r, i)))
            .Prepend(new PageJob(SiteUrls.Institutions, () => Index(r)));

    private static byte[] Index(RecordPages r)
    {
        var kb = r.Kb;
        var ctx = r.Ctx(SiteUrls.Institutions);
        var body = new List<object?>
        {
            E("h1", "Bodies"),
            kb.Jurisdictions.Select(j => new object[]
            {
                E("h2", j.Name),
                E("ul", kb.Institutions.Where(i => i.JurisdictionId == j.Id)
                    .Select(i => E("li", ctx.Link(SiteUrls.Institution(i.Id), C(i.Name)),
                        $" — {i.Kind.Replace('-', ' ')}, {YamlNames.Of(i.Status).Replace('-', ' ')}"))),
            }),
        };
        return Layout.Page(ctx, "Bodies",
            "Commissions, authorities, bureaus, courts and helplines with a child protection mandate.", body);
    }

    private static byte[] Page(RecordPages r, Institution i)
    {
        var (kb, analysis, similar) = (r.Kb, r.Analysis, r.Similar);
        var ctx = r.Ctx(SiteUrls.Institution(i.Id));
        var overlaps = analysis.OverlapsOf(i.Id).ToList();
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (SiteUrls.Institutions, "Bodies"),
                (SiteUrls.Jurisdiction(i.JurisdictionId), kb.JurisdictionName(i.JurisdictionId))),
            E("h1", C(i.Name), i.Acronym is null ? null : E("span", Class("acronym"), " (", C(i.Acronym), ")")),
            r.UrduTitle(ctx, i.Id),
            Layout.DefinitionList(
                ("Kind", i.Kind.Replace('-', ' ')),
                ("Jurisdiction",
                    ctx.Link(SiteUrls.Jurisdiction(i.JurisdictionId), kb.JurisdictionName(i.JurisdictionId))),
                ("Established", i.Established?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Founding law", i.StatuteId is null
                    ? new object[] { "none", " (", "established by government decision or not recorded", ")" }
                    : E("span",
                        r.StatuteLink(ctx, i.StatuteId),
                        i.StatuteSection is null ? null : new object[]
                        {
                            RecordPages.Comma(ctx),
                            ctx.Link(SiteUrls.Section(i.StatuteId, i.StatuteSection), "s. ", C(i.StatuteSection))
                        })),
                ("Parent", i.Parent is null ? null : C(i.Parent)),
                ("Operational status", YamlNames.Of(i.Status).Replace('-', ' ')),
                ("Serves children of",
                    RecordPages.Join(ctx, i.Reach.Select(j =>
                        (object)ctx.Link(SiteUrls.Jurisdiction(j), kb.JurisdictionName(j)))))),
            E("div", Class("prose"), MarkdownRenderer.Render(kb, i.Summary)),
            E("h2", "Mandates"),
            i.Mandates.Count == 0 ? E("p", "No mandates recorded yet.") : ScrollTable("Mandates", Class("data"),
                E("caption", "What the law or government tasks this body with"),
                E("thead", E("tr", E("th", A("scope", "col"), "Function"), E("th", A("scope", "col"), "Granted by"),
                    E("th", A("scope", "col"), "Note"))),
                E("tbody", i.Mandates.Select(m =>
                {
                    var statute = m.StatuteId ?? i.StatuteId;
                    var sims = similar.GetValueOrDefault($"mandate:{i.Id}/{m.Function}") ?? [];
                    return E("tr", A("id", "mandate-" + m.Function),
                        E("th", A("scope", "row"), kb.FunctionLabel(m.Function)),
                        E("td", statute is null || m.Section is null
                            ? new object[] { "no section", " (", "non-statutory", ")" }
                            : ctx.Link(SiteUrls.Section(statute, m.Section),
                                C(r.Short(statute)), " s. ", C(m.Section))),
                        E("td", m.Note is null ? null : MarkdownRenderer.Render(kb, m.Note),
                            sims.Count == 0 ? null : E("p", Class("similar"), "Similar elsewhere: ",
                                RecordPages.Join(ctx,
                                    sims.Select(x => (object)ctx.Link(x.Url, r.SimilarTitle(ctx, x)))))));
                }))),
            overlaps.Count == 0 ? null : E("section", Class("findings"), E("h2", "Overlapping mandates"),
                E("ul", overlaps.Select(f =>
                {
                    // Only the first few others are read: a finding's evidence can list thousands of bodies.
                    var self = Evidence.Institution(i.Id);
                    var shown = f.Evidence.Where(e => e != self).Take(Analyser.MaxNamed).ToList();
                    var others = f.Evidence.Count - 1; // this body is always among the evidence
                    return E("li", r.Summary(f), " ",
                        RecordPages.Join(ctx, shown.Select(e => (object)r.EvidenceLink(ctx, e))),
                        others <= Analyser.MaxNamed ? null : new object[]
                        {
                            " … ", ctx.Link(SiteUrls.Findings + "#" + f.Id, $"all {others} in the findings report")
                        });
                }))),
            i.Notes is null ? null : E("section", Class("notes"), E("h2", "Notes on sources"),
                E("div", Class("prose"), MarkdownRenderer.Render(kb, i.Notes))),
            Kinds.RecordKinds.SectionsOn(ctx, kb, new Kinds.Target(Kinds.TargetKind.Institution, i.Id)),
            r.HistorySection(i.Spans),
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

    public override IReadOnlyList<KindExport> Exports { get; } =
    [
        new(new DataFile("institutions.csv", "One row per body.",
        [
            new("id", "Body id."), new("jurisdiction", "Jurisdiction that established it."), new("name", "Name."),
            new("acronym", "Acronym, where used."),
            new("kind", "ministry, commission, authority, bureau, unit, court, helpline, …"),
            new("established", "Year established, where known."), new("statute", "Founding statute id."),
            new("statute_section", "Establishing section."),
            new("status", "operational, constituted, not-constituted, abolished or unknown."),
            new("reach", "Jurisdictions whose children it serves, ';'-separated."), new("source_url", "Source read."),
            new("checked_on", "Date last checked."), new("verification", "Verification level."),
        ]), (kb, _) => kb.Institutions.Select(i => new[]
        {
            i.Id, i.JurisdictionId, i.Name, i.Acronym, i.Kind,
            i.Established is null ? "" : DataExport.N(i.Established.Value), i.StatuteId,
            i.StatuteSection, YamlNames.Of(i.Status), string.Join(';', i.Reach), i.SourceUrl, DataExport.D(i.CheckedOn),
            YamlNames.Of(i.Verification),
        })),
        new(new DataFile("mandates.csv", "One row per body and mandate function.",
        [
            new("institution", "Body id."), new("function", "Mandate function id (controlled vocabulary)."),
            new("statute", "Statute granting it."), new("section", "Granting section."),
            new("reach", "Jurisdictions covered, ';'-separated."),
        ]), (kb, _) => kb.Institutions.SelectMany(i => i.Mandates.Select(m => new[]
        {
            i.Id, m.Function, m.StatuteId ?? (m.Section is null ? null : i.StatuteId), m.Section,
            string.Join(';', i.Reach),
        }))),
    ];
}
