using System.Globalization;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Search;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>One figure of a series: a period, the area it covers, the value and where it was read.</summary>
public sealed record IndicatorValue(
    string Period, string Area, decimal Value, IReadOnlyList<Source> Sources, string? Note, Spans Spans);

/// <summary>
/// A published figure that shows why the gaps matter (reported
/// abuse cases, children out of school), by period and area.
/// </summary>
public sealed record Indicator(
    string Id, string Name, string Publisher, string Unit, string Definition, string? Caveats,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Topics, IReadOnlyList<IndicatorValue> Values,
    IReadOnlyList<Source> Sources, Spans Spans) : KindRecord(Id, Spans)
{
    public override string Title => Name;
    public override string? JurisdictionId => null;
    public override IEnumerable<Source> AllSources => Sources.Concat(Values.SelectMany(v => v.Sources));

    /// <summary>The latest value for an area, by period ("2023-24" sorts after "2022").</summary>
    public IndicatorValue? Latest(string area) =>
        Values.Where(v => v.Area == area).OrderBy(v => v.Period, StringComparer.Ordinal).LastOrDefault();
}

internal sealed class IndicatorKind : RecordKind
{
    public const string Pakistan = "pakistan";
    public static readonly string[] Units = ["cases", "children", "percent", "rate-per-100000"];

    public override string Name => "indicator";
    public override string Folder => "indicators";
    public override string Plural => "Figures";
    public override string Lead =>
        "Published figures that show why the gaps matter: reported child abuse cases, children out of school, " +
        "child labour, birth registration. Each value names where it was read.";

    /// <summary>"3,445", "22.84 million", "16.9%".</summary>
    public static string Format(decimal value, string unit)
    {
        if (unit == "percent") return value.ToString("0.##", CultureInfo.InvariantCulture) + "%";
        if (Math.Abs(value) >= 1_000_000m)
            return (value / 1_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + " million";
        return value == decimal.Truncate(value)
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static string AreaName(KnowledgeBaseModel kb, string area) =>
        area == Pakistan ? "Pakistan" : kb.JurisdictionName(area);

    private static string UnitWords(string unit) => unit switch
    {
        "rate-per-100000" => "per 100,000 children",
        "percent" => "per cent",
        _ => unit,
    };

    internal override KindRecord? Read(MappingReader r)
    {
        var id = r.Id();
        var title = r.String("title", maxLength: 300);
        var publisher = r.String("publisher", maxLength: 300);
        var unit = r.OneOf("unit", Units);
        var definition = r.String("definition");
        var caveats = r.String("caveats", required: false);
        var themes = r.StringList("themes", required: true);
        var topics = r.StringList("topics");
        var values = r.MappingList("values", "value", required: true).Select(v =>
        {
            var period = v.String("period", maxLength: 20);
            var area = v.String("area");
            var text = v.String("value", maxLength: 40);
            var sources = ContentLoader.ReadSources(v, "sources", required: true);
            var note = v.String("note", required: false);
            v.Finish();
            decimal number = 0;
            if (text is not null
                && !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out number))
            {
                v.Bag.Error(Codes.WrongType, v.At("value"), $"'value' is '{text}', not a number",
                    "write the figure as a plain number, e.g. 4253 or 16.9 (no commas or units)");
                return null;
            }
            return period is null || area is null || text is null
                ? null
                : new IndicatorValue(period, area, number, sources, note, v.Spans());
        }).OfType<IndicatorValue>().ToList();
        var sources = ContentLoader.ReadSources(r, "sources", required: false);
        var research = r.String("research", required: false);
        if (id is null || title is null || publisher is null || unit is null || definition is null) return null;
        return new Indicator(
            id, title, publisher, unit, definition, caveats, themes, topics, values, sources, r.Spans())
        { Research = research, Aliases = r.StringList("aliases") };
    }

    internal override void Validate(KnowledgeBaseModel kb, KindRecord record, Checks check)
    {
        var x = (Indicator)record;
        check.FileNamed(x);
        foreach (var t in x.Themes) check.Theme(t, x.Spans.At("themes"));
        foreach (var t in x.Topics) check.Topic(t, x.Spans.At("topics"));
        check.Sources(x.AllSources);
        check.ForReaders(x.Definition, x.Spans.At("definition"), "definition");
        check.ForReaders(x.Caveats, x.Spans.At("caveats"), "caveats");
        check.ForReaders(x.Research, x.Spans.At("research"), "research trail", limitWords: false);
        foreach (var v in x.Values)
        {
            if (v.Area != Pakistan) check.Jurisdiction(v.Area, v.Spans.At("area"));
            check.ForReaders(v.Note, v.Spans.At("note"), "note");
            if (x.Unit == "percent" && v.Value is < 0 or > 100)
                check.Bag.Error(Codes.InvalidValue, v.Spans.At("value"), $"{v.Value} is not a percentage",
                    "write a value from 0 to 100");
        }
        foreach (var dup in x.Values.GroupBy(v => (v.Period, v.Area)).Where(g => g.Count() > 1))
            check.Bag.Error(Codes.DuplicateAnswer, dup.Skip(1).First().Spans.Record,
                $"{x.Id} gives {dup.Key.Period} for {dup.Key.Area} {dup.Count()} times",
                "keep one value per period and area; name the others in its note");
    }

    public override IEnumerable<SearchDocument> Documents(KnowledgeBaseModel kb, KindRecord record)
    {
        var x = (Indicator)record;
        var latest = x.Latest(Pakistan);
        yield return new SearchDocument($"indicator:{x.Id}", Name, x.Name,
            $"{x.Publisher} statistics figures {string.Join(' ', x.Values.Select(v => v.Period).Distinct())}",
            $"{RecordKinds.Plain(kb, x.Definition)} " +
            $"{(latest is null ? "" : $"{Format(latest.Value, x.Unit)} in {latest.Period}")} " +
            $"{RecordKinds.Plain(kb, x.Caveats)}",
            Url(x.Id), RecordKinds.Facets(null, x.Themes, null, null));
    }

    public override string Description(KindRecord record)
    {
        var x = (Indicator)record;
        return $"{x.Name}: every value by period and area from {x.Publisher}, each with its source.";
    }

    public override object Item(PageContext ctx, KnowledgeBaseModel kb, KindRecord record)
    {
        var x = (Indicator)record;
        var latest = x.Latest(Pakistan) ?? x.Values.OrderBy(v => v.Period, StringComparer.Ordinal).LastOrDefault();
        return new object?[]
        {
            ctx.Link(Url(x.Id), C(x.Name)),
            latest is null ? null : new object[]
            {
                ": ", Format(latest.Value, x.Unit), " (", $"{AreaName(kb, latest.Area)}, {latest.Period}", ")",
            },
        };
    }

    public override IEnumerable<object?> Body(PageContext ctx, KnowledgeBaseModel kb, KindRecord record)
    {
        var x = (Indicator)record;
        var areas = x.Values.Select(v => v.Area).Distinct()
            .OrderBy(a => a == Pakistan ? -1 : kb.Jurisdiction(a)?.Order ?? int.MaxValue)
            .ThenBy(a => a, StringComparer.Ordinal).ToList();
        var periods = x.Values.Select(v => v.Period).Distinct().Order(StringComparer.Ordinal).ToList();
        yield return E("dl", Class("facts"),
            E("dt", "Published by"), E("dd", C(x.Publisher)),
            E("dt", "Unit"), E("dd", UnitWords(x.Unit)),
            E("dt", "Themes"), E("dd", string.Join(", ", x.Themes.Select(kb.ThemeLabel))));
        yield return E("h2", "What is counted");
        yield return MarkdownRenderer.Render(kb, x.Definition);
        if (x.Caveats is not null)
            yield return E("div", Class("note"), E("h3", "What it cannot tell you"),
                MarkdownRenderer.Render(kb, x.Caveats));
        yield return Chart(x);
        yield return E("h2", A("id", "values"), "Values by period and area");
        yield return E("div", Class("table-scroll"), A("tabindex", "0"), A("role", "region"),
            A("aria-label", $"Values of {x.Name}"),
            E("table", Class("data indicator"),
                E("caption", C(x.Name), " (", UnitWords(x.Unit), ")"),
                E("thead", E("tr", E("th", A("scope", "col"), "Period"),
                    areas.Select(a => E("th", A("scope", "col"), AreaName(kb, a))))),
                E("tbody", periods.Select(p => E("tr", E("th", A("scope", "row"), C(p)), areas.Select(a =>
                {
                    var cell = x.Values.FirstOrDefault(v => v.Period == p && v.Area == a);
                    return E("td",
                        cell is null ? "—" : (object)H.Link("#v-" + Slug(p, a), Format(cell.Value, x.Unit)));
                }))))));
        yield return E("h2", "Each value and where it was read");
        yield return E("ol", Class("indicator-values"), x.Values.OrderBy(v => v.Period, StringComparer.Ordinal)
            .ThenBy(v => v.Area == Pakistan ? -1 : kb.Jurisdiction(v.Area)?.Order ?? int.MaxValue)
            .Select(v => E("li", A("id", "v-" + Slug(v.Period, v.Area)),
                E("strong", $"{v.Period}, {AreaName(kb, v.Area)}", ": ", Format(v.Value, x.Unit)),
                v.Note is null ? null : E("div", Class("value-note"), MarkdownRenderer.Render(kb, v.Note)),
                AnswerView.SourceList(v.Sources, inline: true))));
        if (x.Sources.Count > 0)
        {
            yield return E("h2", "About the series");
            yield return AnswerView.SourceList(x.Sources);
        }
    }

    private static string Slug(string period, string area) => $"{period}-{area}".Replace(' ', '-');

    /// <summary>The national series as bars, drawn at build time; the table beside it gives the same values.</summary>
    private static Element? Chart(Indicator x)
    {
        var series = x.Values.Where(v => v.Area == Pakistan).OrderBy(v => v.Period, StringComparer.Ordinal).ToList();
        if (series.Count < 3) return null;
        const double width = 560, height = 220, left = 10, bottom = 40, top = 24;
        var max = (double)series.Max(v => v.Value);
        var step = (width - left * 2) / series.Count;
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var bars = series.Select((v, i) =>
        {
            var h = max <= 0 ? 0 : (double)v.Value / max * (height - bottom - top);
            var x0 = left + i * step + step * 0.15;
            var w = step * 0.7;
            return E("g", Class("bar"),
                E("rect", A("x", N(x0)), A("y", N(height - bottom - h)), A("width", N(w)), A("height", N(h))),
                E("text", Class("bar-value"), A("x", N(x0 + w / 2)), A("y", N(height - bottom - h - 6)),
                    A("text-anchor", "middle"), Format(v.Value, x.Unit)),
                E("text", Class("bar-label"), A("x", N(x0 + w / 2)), A("y", N(height - bottom + 16)),
                    A("text-anchor", "middle"), v.Period));
        });
        var titleId = "chart-" + x.Id;
        return E("figure", Class("chart"),
            E("svg", A("xmlns", "http://www.w3.org/2000/svg"), A("viewBox", $"0 0 {N(width)} {N(height)}"),
                A("role", "img"), A("aria-labelledby", titleId),
                E("title", A("id", titleId),
                    $"{x.Name}, Pakistan: " +
                    string.Join(", ", series.Select(v => $"{v.Period} {Format(v.Value, x.Unit)}"))),
                bars),
            E("figcaption", $"{x.Name}, Pakistan, by period. The table below gives every value with its source."));
    }

    /// <summary>Why the gaps matter, first: the latest national value of each series.</summary>
    public override Element? OnHome(PageContext ctx, KnowledgeBaseModel kb)
    {
        var rows = In(kb).Cast<Indicator>().Select(x => (Indicator: x, Latest: x.Latest(Pakistan)))
            .Where(r => r.Latest is not null).ToList();
        if (rows.Count == 0) return null;
        return E("section", Class("figures"), A("aria-labelledby", "figures-h"),
            E("h2", A("id", "figures-h"), "Why it matters"),
            E("ul", rows.Select(r => E("li", E("strong", Format(r.Latest!.Value, r.Indicator.Unit)), " ",
                ctx.Link(Url(r.Indicator.Id), C(r.Indicator.Name)), $" (Pakistan, {r.Latest.Period})"))),
            E("p", ctx.Link(IndexUrl, "All figures, with their sources and caveats")));
    }

    public override IEnumerable<Target> Targets(KnowledgeBaseModel kb, KindRecord record)
    {
        var x = (Indicator)record;
        return x.Values.Select(v => v.Area).Where(a => a != Pakistan).Distinct().Order(StringComparer.Ordinal)
            .Select(a => new Target(TargetKind.Jurisdiction, a))
            .Concat(x.Topics.Select(t => new Target(TargetKind.Topic, t)));
    }

    public override Element? SectionOn(PageContext ctx, KnowledgeBaseModel kb, Target target,
        IReadOnlyList<KindRecord> naming)
    {
        // On a topic's page, the national figure (or the latest of any area); on a profile, the province's own.
        var rows = naming.Cast<Indicator>().Select(x => (Indicator: x,
                Latest: target.Kind == TargetKind.Jurisdiction ? x.Latest(target.Id)
                : x.Latest(Pakistan) ?? x.Values.OrderBy(v => v.Period, StringComparer.Ordinal).LastOrDefault()))
            .Where(r => r.Latest is not null).ToList();
        if (rows.Count == 0) return null;
        return E("section", Class("kind-section"), A("id", "figures"),
            E("h2", "Figures", $" ({rows.Count})"),
            E("ul", rows.Select(r => E("li", ctx.Link(Url(r.Indicator.Id), C(r.Indicator.Name)), ": ",
                E("strong", Format(r.Latest!.Value, r.Indicator.Unit)),
                target.Kind == TargetKind.Jurisdiction
                    ? $" ({r.Latest.Period})"
                    : $" ({AreaName(kb, r.Latest.Area)}, {r.Latest.Period})"))));
    }

    public override (DataFile File, Func<KnowledgeBaseModel, IEnumerable<IReadOnlyList<string?>>> Rows)
        Export { get; } = (
        new DataFile("indicators.csv", "One row per figure: an indicator's value for one period and area.",
        [
            new("indicator", "Indicator id (indicators/<id>/)."), new("title", "Indicator title."),
            new("unit", "cases, children, percent or rate-per-100000."),
            new("period", "Year or span (2022, 2023-24)."), new("area", "pakistan or a jurisdiction id."),
            new("value", "The figure, a plain number.", "number"),
            new("source_urls", "Where the value was read, ';'-separated."),
            new("note", "Caveat or conflicting figure, on one line."),
        ]),
        kb => RecordKinds.Indicators.In(kb).Cast<Indicator>()
            .SelectMany(x => x.Values.Select(v => (IReadOnlyList<string?>)
        [
            x.Id, x.Name, x.Unit, v.Period, v.Area, v.Value.ToString(CultureInfo.InvariantCulture),
            string.Join(';', v.Sources.Select(s => s.Url)),
            v.Note is null
                ? null
                : string.Join(' ', v.Note.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
        ])));
}
