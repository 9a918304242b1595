using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// The map of Pakistan, drawn at build time as inline SVG from Natural Earth outlines
/// (Render/Map/README.md): each compared jurisdiction shaded by the reading of its answer, labelled
/// in text (colour is never the only cue) and linked to its answer; Gilgit-Baltistan and Azad Jammu
/// and Kashmir in neutral grey, outside the knowledge base's scope. No map library runs in the page.
/// </summary>
internal static class Maps
{
    private sealed record Region(string Id, string Name, bool OutsideScope, string Path, double[] Label);

    private sealed record Outline(double Width, double Height, IReadOnlyList<Region> Regions);

    private static readonly Lazy<Outline> Pakistan = new(() =>
    {
        using var stream = typeof(Maps).Assembly.GetManifestResourceStream("map/pakistan-map.json")!;
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var regions = root.GetProperty("regions").EnumerateArray().Select(r => new Region(
            r.GetProperty("id").GetString()!, r.GetProperty("name").GetString()!,
            r.GetProperty("outside_scope").GetBoolean(), r.GetProperty("path").GetString()!,
            r.GetProperty("label").EnumerateArray().Select(x => x.GetDouble()).ToArray())).ToList();
        return new Outline(root.GetProperty("width").GetDouble(), root.GetProperty("height").GetDouble(), regions);
    });

    // KB: Islamabad is a few units across at this scale; its label sits beside it, joined by a line.
    private static readonly Dictionary<string, (double Dx, double Dy)> LabelOffsets = new(StringComparer.Ordinal)
    {
        ["ict"] = (25, 55),
        ["kp"] = (-40, 0),
        ["punjab"] = (10, 10),
    };

    public static Element? RegionMap(PageContext ctx, KnowledgeBaseModel kb, Topic t, TopicAnalysis ta,
        bool tableBelow = true)
    {
        var map = Pakistan.Value;
        var titleId = "map-" + t.Id;
        var inScope = map.Regions.Where(r => !r.OutsideScope && kb.Jurisdiction(r.Id) is not null).ToList();
        if (inScope.Count == 0) return null;
        var outside = map.Regions.Where(r => r.OutsideScope).ToList();
        var shapes = outside.Select(r => (object)E("path", Class("region outside"), A("d", r.Path),
                E("title", $"{r.Name}: outside the scope of this knowledge base")))
            .Concat(inScope.Select(r =>
            {
                var a = t.AnswerFor(r.Id);
                var state = ta.Cells.GetValueOrDefault(r.Id, CellState.Missing);
                var value = a is null ? "no answer" : AnswerView.ValueText(t, a);
                return (object)E("a", A("href", ctx.Href(SiteUrls.Answer(t.Id, r.Id))),
                    A("aria-label", $"{r.Name}: {value} ({Cells.Label(state)})"),
                    E("path", Class("region cell-" + Cells.Css(state) + Cells.How(a)), A("d", r.Path)));
            }));
        var labels = inScope.Select(r =>
        {
            var a = t.AnswerFor(r.Id);
            var state = ta.Cells.GetValueOrDefault(r.Id, CellState.Missing);
            var (dx, dy) = LabelOffsets.GetValueOrDefault(r.Id);
            var (x, y) = (r.Label[0] + dx, r.Label[1] + dy);
            var name = r.Id switch { "ict" => "ICT", "kp" => "KP", _ => r.Name };
            var value = a is null ? "no answer" : AnswerView.ValueText(t, a);
            return (object)E("g", Class("map-label"), A("aria-hidden", "true"),
                r.Id == "ict"
                    ? E("line", A("x1", N(r.Label[0])), A("y1", N(r.Label[1])), A("x2", N(x - 2)), A("y2", N(y - 12)))
                    : null,
                E("text", A("x", N(x)), A("y", N(y)),
                    E("tspan", Class("map-name"), name),
                    // The mark and the value are separate text, so the value is translated on its own.
                    E("tspan", A("x", N(x)), A("dy", "16"), Cells.Symbol(state), " ", value)));
        }).Concat(outside.Select(r => (object)E("text", Class("map-outside"), A("aria-hidden", "true"),
            A("x", N(r.Label[0] + (r.Id == "ajk" ? 6 : -20))), A("y", N(r.Label[1] + (r.Id == "ajk" ? 22 : 0))),
            "outside scope")));
        var svg = E("svg", A("xmlns", "http://www.w3.org/2000/svg"),
            A("viewBox", $"0 0 {N(map.Width)} {N(map.Height)}"),
            A("role", "group"), A("aria-labelledby", titleId),
            E("title", A("id", titleId), $"Map of Pakistan: {t.Title}, by jurisdiction"),
            shapes, labels);
        return E("figure", Class("map"), svg,
            E("figcaption",
                "Map of Pakistan from Natural Earth outlines; Gilgit-Baltistan and Azad Jammu and Kashmir (grey) " +
                "are outside this knowledge base's scope, with no claim either way. ",

                tableBelow
                    ? "The table below gives the same answers with citations."
                    : ctx.Link(SiteUrls.Topic(t.Id), "The same answers, with citations"),
                OverviewPages.Legend()));
    }

    /// <summary>
    /// A map for a kind of finding: each compared jurisdiction shaded by how many findings of that kind
    /// concern it (four steps from none to the most), its count written beside its name so the shade is
    /// never the only cue, and linked to <paramref name="href"/>'s section of its profile.
    /// </summary>
    public static Element? CountMap(PageContext ctx, KnowledgeBaseModel kb, string id, string title,
        IReadOnlyDictionary<string, int> counts,
        Func<int, string> words, Func<int, string> shortWords, Func<string, string> href)
    {
        var map = Pakistan.Value;
        var titleId = "map-" + id;
        var inScope = map.Regions.Where(r => !r.OutsideScope && kb.Jurisdiction(r.Id) is not null).ToList();
        if (inScope.Count == 0) return null;
        var max = inScope.Max(r => counts.GetValueOrDefault(r.Id));
        var steps = CountSteps(max);
        var outside = map.Regions.Where(r => r.OutsideScope).ToList();
        var shapes = outside.Select(r => (object)E("path", Class("region outside"), A("d", r.Path),
                E("title", $"{r.Name}: outside the scope of this knowledge base")))
            .Concat(inScope.Select(r =>
            {
                var n = counts.GetValueOrDefault(r.Id);
                return (object)E("a", A("href", ctx.Href(href(r.Id))), A("aria-label", $"{r.Name}: {words(n)}"),
                    E("path", Class($"region count-{Step(steps, n)}"), A("d", r.Path)));
            }));
        var labels = inScope.Select(r =>
        {
            var (dx, dy) = LabelOffsets.GetValueOrDefault(r.Id);
            var (x, y) = (r.Label[0] + dx, r.Label[1] + dy);
            var name = r.Id switch { "ict" => "ICT", "kp" => "KP", _ => r.Name };
            return (object)E("g", Class("map-label"), A("aria-hidden", "true"),
                r.Id == "ict"
                    ? E("line", A("x1", N(r.Label[0])), A("y1", N(r.Label[1])), A("x2", N(x - 2)), A("y2", N(y - 12)))
                    : null,
                E("text", A("x", N(x)), A("y", N(y)),
                    E("tspan", Class("map-name"), name),
                    E("tspan", A("x", N(x)), A("dy", "16"), shortWords(counts.GetValueOrDefault(r.Id)))));
        }).Concat(outside.Select(r => (object)E("text", Class("map-outside"), A("aria-hidden", "true"),
            A("x", N(r.Label[0] + (r.Id == "ajk" ? 6 : -20))), A("y", N(r.Label[1] + (r.Id == "ajk" ? 22 : 0))),
            "outside scope")));
        var svg = E("svg", A("xmlns", "http://www.w3.org/2000/svg"),
            A("viewBox", $"0 0 {N(map.Width)} {N(map.Height)}"),
            A("role", "group"), A("aria-labelledby", titleId),
            E("title", A("id", titleId), $"Map of Pakistan: {title}"), shapes, labels);
        return E("figure", Class("map map-count"), svg,
            E("figcaption",
                E("strong", title),
                ". Gilgit-Baltistan and Azad Jammu and Kashmir (grey) are outside this knowledge base's scope. ",
                "Each region links to that jurisdiction's list; the list below gives every finding with its evidence.",
                E("div", Class("legend"), A("role", "note"), E("strong", "Shade: "),
                    steps.Select((range, i) => E("span", Class($"cell count-{i}"),
                        range.Lo == range.Hi ? shortWords(range.Lo) : $"{range.Lo}–{range.Hi}")))));

    }

    /// <summary>
    /// The shade steps for counts 0..max: none, then up to three equal bands over 1..max (fewer when
    /// max is small, so no band is empty of possible values). Each band is an inclusive range.
    /// </summary>
    internal static IReadOnlyList<(int Lo, int Hi)> CountSteps(int max)
    {
        var steps = new List<(int Lo, int Hi)> { (0, 0) };
        if (max <= 0) return steps;
        var bands = Math.Min(3, max);
        var lo = 1;
        for (var b = 1; b <= bands; b++)
        {
            var hi = b == bands ? max : (int)Math.Ceiling(max * b / (double)bands);
            if (hi < lo) continue;
            steps.Add((lo, hi));
            lo = hi + 1;
        }
        return steps;
    }

    internal static int Step(IReadOnlyList<(int Lo, int Hi)> steps, int n)
    {
        for (var i = 0; i < steps.Count; i++)
            if (n >= steps[i].Lo && n <= steps[i].Hi) return i;
        return steps.Count - 1;
    }

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
