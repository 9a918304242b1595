namespace KnowledgeBase.Search;

/// <summary>
/// A neutral unit of search: the library knows nothing of statutes or commissions, only of
/// documents with a kind, a title, a body and facets. Callers map their records to these.
/// </summary>
/// <param name="Id">Stable identifier, unique in the index.</param>
/// <param name="Kind">What the document is (e.g. "statute", "section"); also a facet.</param>
/// <param name="Title">Short title; weighted above the body.</param>
/// <param name="Keywords">Names, acronyms and numbers the document should be found by; weighted between title
/// and body.</param>
/// <param name="Body">Running text.</param>
/// <param name="Url">Site-relative URL of the page that shows the document.</param>
/// <param name="Facets">Facet name to values (e.g. "jurisdiction" to ["punjab"]).</param>
public sealed record SearchDocument(
    string Id,
    string Kind,
    string Title,
    string Keywords,
    string Body,
    string Url,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets);
