using System.Collections.Concurrent;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Index;

/// <summary>Similar provisions found by MoreLikeThis, by search document id.</summary>
public sealed record Similar(string Title, string Url, string JurisdictionId);

internal static class SimilarProvisions
{
    /// <summary>
    /// For each section and mandate, the most similar provisions in other jurisdictions (Lucene MoreLikeThis).
    /// </summary>
    public static Dictionary<string, IReadOnlyList<Similar>> Find(KnowledgeBaseModel kb, SearchIndex index)
    {
        var result = new ConcurrentDictionary<string, IReadOnlyList<Similar>>(StringComparer.Ordinal);
        var candidates = index.Documents.Where(d => d.Kind is "section" or "mandate").ToList();
        Parallel.ForEach(candidates, doc =>
        {
            var hits = index.MoreLikeThis(doc.Id, 3, otherThan: "jurisdiction");
            if (hits.Count > 0)
                result[doc.Id] = hits.Select(h => new Similar(h.Document.Title, h.Document.Url,
                    h.Document.Facets["jurisdiction"][0])).ToList();
        });
        return new Dictionary<string, IReadOnlyList<Similar>>(result, StringComparer.Ordinal);
    }
}
