using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Cli;

/// <summary>The JSON shape of search results, shared by `kb search --json` and `/api/search`.</summary>
internal static class SearchJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(SearchResults r, bool withFacets)
    {
        var hits = r.Hits.Select(h => new
        {
            id = h.Id,
            kind = h.Kind,
            title = h.Title,
            jurisdiction = h.Facets.GetValueOrDefault("jurisdiction")?.FirstOrDefault(),
            url = h.Url,
            score = Math.Round(h.Score, 4),
            snippet = PlainSnippet(h.Snippet),
            snippet_html = h.Snippet,
        }).ToList();
        // `kb search --json` prints the documented array of hits; with --facets (and from /api/search)
        // the hits sit in an object beside the facet counts, so the array contract never changes shape.
        if (!withFacets) return JsonSerializer.Serialize(hits, Options);
        return JsonSerializer.Serialize(new
        {
            query = r.Query,
            total = r.Total,
            did_you_mean = r.DidYouMean,
            hits,
            facets = r.Facets.ToDictionary(f => f.Key,
                f => f.Value.Select(v => new { value = v.Value, count = v.Count })),

        }, Options);
    }

    public static string PlainSnippet(string html) =>
        string.Join(' ', System.Net.WebUtility.HtmlDecode(html
                .Replace("<mark>", "[", StringComparison.Ordinal)
                .Replace("</mark>", "]", StringComparison.Ordinal))

            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
