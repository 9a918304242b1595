using System.Globalization;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// A tile map of the compared jurisdictions, laid out roughly as they sit on the map of Pakistan,
/// shaded by the reading of each answer and labelled in text (colour is never the only cue).
/// </summary>
internal static class Maps
{
    private static readonly Dictionary<string, (int X, int Y, int W, int H)> Tiles = new(StringComparer.Ordinal)
    {
        ["kp"] = (130, 10, 135, 95),
        ["ict"] = (275, 10, 145, 62),
        ["punjab"] = (275, 82, 145, 118),
        ["balochistan"] = (10, 115, 255, 130),
        ["sindh"] = (275, 210, 145, 110),
    };

    public static Element? TileMap(PageContext ctx, KnowledgeBaseModel kb, Topic t, TopicAnalysis ta, bool tableBelow = true)
    {
        var tiles = kb.Compared.Where(j => Tiles.ContainsKey(j.Id)).ToList();
        if (tiles.Count == 0) return null;
        var titleId = "map-" + t.Id;
        return E("figure", Class("tilemap"),
            E("svg", A("xmlns", "http://www.w3.org/2000/svg"), A("viewBox", "0 0 430 330"), A("role", "group"), A("aria-labelledby", titleId),
                E("title", A("id", titleId), $"Map: {t.Title} by jurisdiction"),
                tiles.Select(j =>
                {
                    var (x, y, w, h) = Tiles[j.Id];
                    var a = t.AnswerFor(j.Id);
                    var state = ta.Cells[j.Id];
                    var value = a is null ? "no answer" : AnswerView.ValueText(t, a);
                    var label = j.Id switch { "ict" => "ICT", "kp" => "KP", _ => j.Name };
                    return E("a", A("href", ctx.Href(SiteUrls.Answer(t.Id, j.Id))),
                        E("rect", Class("tile cell-" + Cells.Css(state)), A("x", N(x)), A("y", N(y)), A("width", N(w)), A("height", N(h)), A("rx", "6")),
                        E("text", Class("tile-name"), A("x", N(x + 8)), A("y", N(y + 22)), label),
                        E("text", Class("tile-value"), A("x", N(x + 8)), A("y", N(y + 44)), $"{Cells.Symbol(state)} {value}"));
                })),
            E("figcaption", "Tile map, not to scale. ",
                tableBelow ? "The table below gives the same answers with citations." : ctx.Link(SiteUrls.Topic(t.Id), "The same answers, with citations"),
                OverviewPages.Legend()));
    }

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
}
