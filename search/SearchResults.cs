namespace KnowledgeBase.Search;

/// <summary>A search: free text plus exact facet filters (facet name to required value).</summary>
public sealed record SearchRequest(string Query, IReadOnlyDictionary<string, string>? Filters = null, int Limit = 10);

/// <summary>One result. <paramref name="Snippet"/> is HTML-encoded text with matches wrapped in &lt;mark&gt;.</summary>
public sealed record SearchHit(
    string Id, string Kind, string Title, string Url, float Score, string Snippet,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets);

/// <summary>A facet value and how many matching documents carry it.</summary>
public sealed record FacetCount(string Value, int Count);

/// <summary>The answer to a search.</summary>
public sealed record SearchResults(
    string Query,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? DidYouMean);
