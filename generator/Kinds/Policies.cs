using System.Globalization;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Search;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>
/// A mandate a policy gives a body: the function (from the mandate vocabulary) and the body, by id or by name.
/// </summary>
public sealed record PolicyAssignment(string Function, string? Body, string? BodyName, string? Note, Spans Spans);

/// <summary>
/// A policy, strategy, action plan, standard operating procedure or guideline a government adopted (or drafted).
/// </summary>
public sealed record Policy(
    string Id, string Name, string Jurisdiction, string Kind, PartialDate? Adopted, string Status, string? Owner,
    string? OwnerName, IReadOnlyList<string> Themes, IReadOnlyList<string> Topics,
    IReadOnlyList<PolicyAssignment> Assigns, string Summary, string? Note,
    IReadOnlyList<Source> Sources, Spans Spans)
    : KindRecord(Id, Spans)
{
    public override string Title => Name;
    public override string? JurisdictionId => Jurisdiction;
    public override IEnumerable<Source> AllSources => Sources;
}

internal sealed class PolicyKind : RecordKind
{
    public static readonly string[] Kinds = ["policy", "strategy", "action-plan", "sop", "guidelines"];
    public static readonly string[] Statuses = ["approved", "notified", "draft", "superseded", "unknown"];

    public override string Name => "policy";
    public override string Folder => "policies";
    public override string Plural => "Policies";
    public override string Lead =>
        "Policies, action plans and police procedures through which governments run child protection beside the " +
        "statutes: what each commits to, and whether it was approved or is still a draft.";

    private static string KindWords(string kind) => kind switch
    {
        "sop" => "standard operating procedure",
        "action-plan" => "action plan",
        _ => kind,
    };

    private static string StatusWords(Policy p) => p.Status switch
    {
        "approved" => p.Adopted is { } d ? $"approved, {d}" : "approved",
        "notified" => p.Adopted is { } n ? $"notified, {n}" : "notified",
        "draft" => "draft, not reported approved",
        "superseded" => "superseded",
        _ => "status not known",
    };

    internal override KindRecord? Read(MappingReader r)
    {
        var id = r.Id();
        var title = r.String("title", maxLength: 300);
        var jurisdiction = r.String("jurisdiction");
        var kind = r.OneOf("kind", Kinds);
        var adopted = r.PartialDate("adopted", required: false);
        var status = r.OneOf("status", Statuses);
        var owner = r.String("owner", required: false);
        var ownerName = r.String("owner_name", required: false, maxLength: 300);
        var themes = r.StringList("themes", required: true);
        var topics = r.StringList("topics");
        var assigns = r.MappingList("assigns", "assignment").Select(a =>
        {
            var function = a.String("function");
            var body = a.String("body", required: false);
            var bodyName = a.String("body_name", required: false, maxLength: 300);
            var note = a.String("note", required: false, maxLength: 500);
            a.Finish();
            return function is null ? null : new PolicyAssignment(function, body, bodyName, note, a.Spans());
        }).OfType<PolicyAssignment>().ToList();
        var summary = r.String("summary");
        var note = r.String("note", required: false);
        var sources = ContentLoader.ReadSources(r, "sources", required: true);
        var research = r.String("research", required: false);
        if (id is null || title is null || jurisdiction is null || kind is null || status is null || summary is null)
            return null;
        return new Policy(id, title, jurisdiction, kind, adopted, status, owner, ownerName, themes, topics, assigns,
            summary, note, sources, r.Spans())
            { Research = research, Aliases = r.StringList("aliases") };
    }

    internal override void Validate(KnowledgeBaseModel kb, KindRecord record, Checks check)
    {
        var p = (Policy)record;
        check.FileNamed(p);
        check.Jurisdiction(p.Jurisdiction, p.Spans.At("jurisdiction"));
        if (p.Adopted is { } d) check.NotFuture(d, p.Spans.At("adopted"));
        if (p.Owner is not null) check.Institution(p.Owner, p.Spans.At("owner"));
        foreach (var t in p.Themes) check.Theme(t, p.Spans.At("themes"));
        foreach (var t in p.Topics) check.Topic(t, p.Spans.At("topics"));
        foreach (var a in p.Assigns)
        {
            check.Function(a.Function, a.Spans.At("function"));
            if (a.Body is not null) check.Institution(a.Body, a.Spans.At("body"));
            if ((a.Body is null) == (a.BodyName is null))
                check.Bag.Error(Diagnostics.Codes.IncompleteAnswer, a.Spans.Record,
                    "an assignment names its body by 'body' (an institution id) or by 'body_name', one of the two",
                    "write 'body: <institution id>' for a body with a record, otherwise 'body_name: <its name>'");
            check.ForReaders(a.Note, a.Spans.At("note"), "note");
        }
        check.Sources(p.Sources);
        check.ForReaders(p.Summary, p.Spans.At("summary"), "summary");
        check.ForReaders(p.Note, p.Spans.At("note"), "note");
        check.ForReaders(p.Research, p.Spans.At("research"), "research trail", limitWords: false);
        if (p.Status == "approved" && p.Adopted is null)
            check.Bag.Warning(Diagnostics.Codes.IncompleteAnswer, p.Spans.At("status"),
                $"policy '{p.Id}' is approved but has no 'adopted' date",
                "add 'adopted:' (YYYY, YYYY-MM or YYYY-MM-DD) from the source that reports the approval");
    }

    public override IEnumerable<SearchDocument> Documents(KnowledgeBaseModel kb, KindRecord record)
    {
        var p = (Policy)record;
        yield return new SearchDocument($"policy:{p.Id}", Name, p.Name,
            $"{KindWords(p.Kind)} {kb.JurisdictionName(p.Jurisdiction)} {Owner(kb, p)}",
            $"{RecordKinds.Plain(kb, p.Summary)} {string.Join(' ', p.Topics.Select(t => kb.Topic(t)?.Title))}",
            Url(p.Id), RecordKinds.Facets(p.Jurisdiction, p.Themes, p.Adopted?.Year, p.Status));
    }

    private static string? Owner(KnowledgeBaseModel kb, Policy p) =>
        p.Owner is null ? p.OwnerName : kb.Institution(p.Owner)?.Name ?? p.OwnerName;

    public override string Description(KindRecord record)
    {
        var p = (Policy)record;
        return $"A {KindWords(p.Kind)} ({StatusWords(p)}): what it commits to, who owns it and the sources.";
    }

    public override object Item(PageContext ctx, KnowledgeBaseModel kb, KindRecord record)
    {
        var p = (Policy)record;
        return new object?[] { ctx.Link(Url(p.Id), C(p.Name)), $" ({KindWords(p.Kind)}; {StatusWords(p)})" };
    }

    public override IEnumerable<object?> Body(PageContext ctx, KnowledgeBaseModel kb, KindRecord record)
    {
        var p = (Policy)record;
        yield return E("dl", Class("facts"),
            E("dt", "Kind"), E("dd", KindWords(p.Kind)),
            E("dt", "Jurisdiction"),
            E("dd", ctx.Link(SiteUrls.Jurisdiction(p.Jurisdiction), kb.JurisdictionName(p.Jurisdiction))),
            E("dt", "Status"),
            E("dd", p.Status == "draft" ? E("span", Class("badge s-reported"), StatusWords(p)) : StatusWords(p)),
            Owner(kb, p) is null ? null : new object[]
            {
                E("dt", "Owner"), E("dd", p.Owner is not null && kb.Institution(p.Owner) is { } i
                    ? ctx.Link(SiteUrls.Institution(i.Id), C(i.Name)) : C(Owner(kb, p)!))
            },
            E("dt", "Themes"), E("dd", string.Join(", ", p.Themes.Select(kb.ThemeLabel))));
        yield return E("h2", "What it sets out to do");
        yield return MarkdownRenderer.Render(kb, p.Summary);
        if (p.Note is not null)
            yield return E("div", Class("note"), E("h3", "Caveats"), MarkdownRenderer.Render(kb, p.Note));
        if (p.Assigns.Count > 0)
        {
            yield return E("h2", "Mandates it assigns");
            yield return E("div", Class("table-scroll"), A("tabindex", "0"), A("role", "region"),
                A("aria-label", "Mandates it assigns"),
                E("table", Class("data"), E("caption", $"Mandates the {KindWords(p.Kind)} gives to bodies"),
                    E("thead", E("tr", E("th", A("scope", "col"), "Body"), E("th", A("scope", "col"), "Mandate"),
                        E("th", A("scope", "col"), "Note"))),
                    E("tbody", p.Assigns.Select(a => E("tr",
                        E("th", A("scope", "row"), a.Body is not null && kb.Institution(a.Body) is { } i
                            ? ctx.Link(SiteUrls.Institution(i.Id), C(i.Name))
                            : C(a.BodyName ?? a.Body!)),
                        E("td", kb.FunctionLabel(a.Function)),
                        E("td", a.Note is null ? null : C(a.Note)))))));
        }
        if (p.Topics.Count > 0)
        {
            yield return E("h2", "Compared questions it bears on");
            yield return E("ul", p.Topics.Select(t => E("li",
                ctx.Link(SiteUrls.Answer(t, p.Jurisdiction), kb.Topic(t)?.Title ?? t),
                kb.Topic(t) is { } topic && topic.AnswerFor(p.Jurisdiction) is { } a
                    ? new object[] { ": ", kb.JurisdictionName(p.Jurisdiction), " ", AnswerView.ValueText(topic, a) }
                    : null)));
        }
        yield return E("h2", "Sources");
        yield return AnswerView.SourceList(p.Sources);
    }

    public override IEnumerable<Target> Targets(KnowledgeBaseModel kb, KindRecord record)
    {
        var p = (Policy)record;
        return p.Topics.Select(t => new Target(TargetKind.Topic, t))
            .Append(new Target(TargetKind.Jurisdiction, p.Jurisdiction))
            .Concat(p.Owner is null ? [] : [new Target(TargetKind.Institution, p.Owner)])
            .Concat(p.Assigns.Where(a => a.Body is not null).Select(a => new Target(TargetKind.Institution, a.Body!)))
            .Distinct();
    }

    public override Element? SectionOn(PageContext ctx, KnowledgeBaseModel kb, Target target,
        IReadOnlyList<KindRecord> naming)
    {
        var list = naming.Cast<Policy>().OrderBy(p => kb.Jurisdiction(p.Jurisdiction)?.Order ?? int.MaxValue)
            .ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        return E("section", Class("kind-section"), A("id", "policies"),
            E("h2", target.Kind == TargetKind.Topic
                ? "Policies and procedures on this question"
                : "Policies and procedures", $" ({list.Count})"),
            E("ul", list.Select(p => E("li", ctx.Link(Url(p.Id), C(p.Name)),
                target.Kind == TargetKind.Jurisdiction ? null : $" ({kb.JurisdictionName(p.Jurisdiction)})",
                ": ", $"{KindWords(p.Kind)}, {StatusWords(p)}",
                target.Kind != TargetKind.Institution || p.Assigns.All(a => a.Body != target.Id) ? null
                    : new object[]
                    {
                        // Each function on its own: a label may hold a comma ("Research, data collection …").
                        "; ", "assigns it", " ",
                        RecordPages.Join(ctx, p.Assigns.Where(a => a.Body == target.Id)
                            .Select(a => (object)kb.FunctionLabel(a.Function))),
                    }))));
    }

    public override (DataFile File, Func<KnowledgeBaseModel, IEnumerable<IReadOnlyList<string?>>> Rows)
        Export { get; } = (
        new DataFile("policies.csv", "One row per policy, action plan or procedure.",
        [
            new("id", "Policy id (policies/<id>/)."), new("title", "Title."), new("jurisdiction", "Jurisdiction."),
            new("kind", "policy, strategy, action-plan, sop or guidelines."),
            new("adopted", "When approved: YYYY-MM-DD, YYYY-MM or YYYY as known."),
            new("status", "approved, notified, draft, superseded or unknown."),
            new("owner", "Owning body id, or its name when it has no record."),
            new("themes", "Theme ids, ';'-separated."), new("topics", "Topic ids it bears on, ';'-separated."),
            new("source_count", "How many sources it lists.", "integer"),
            new("assigns",
                "Mandates it gives: 'body|function' entries separated by ';' (body: an institution id, or its name)."),
        ]),
        kb => RecordKinds.Policies.In(kb).Cast<Policy>().Select(p => (IReadOnlyList<string?>)
        [
            p.Id, p.Name, p.Jurisdiction, p.Kind, p.Adopted?.Iso, p.Status, p.Owner ?? p.OwnerName,
            string.Join(';', p.Themes), string.Join(';', p.Topics),
            p.Sources.Count.ToString(CultureInfo.InvariantCulture),
            string.Join(';', p.Assigns.Select(a => $"{a.Body ?? a.BodyName}|{a.Function}")),
        ]));
}
