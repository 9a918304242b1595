using KnowledgeBase.Generator.Model;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Index;

/// <summary>Maps records to the search library's neutral documents; the library knows nothing of law.</summary>
internal static class SearchDocuments
{
    /// <summary>
    /// Maps every record; records map in parallel (Markdig plain text is the cost) and their
    /// documents are concatenated in record order, so the result never depends on scheduling.
    /// </summary>
    public static List<SearchDocument> From(KnowledgeBaseModel kb)
    {
        var jobs = new List<Action<List<SearchDocument>>>();
        foreach (var kind in Kinds.RecordKinds.Every)
            jobs.AddRange(kind.Documents(kb)
                .Select(job => (Action<List<SearchDocument>>)(docs => docs.AddRange(job()))));
        var parts = new List<SearchDocument>[jobs.Count];
        Parallel.For(0, jobs.Count, i =>
        {
            parts[i] = [];
            jobs[i](parts[i]);
        });
        return parts.SelectMany(p => p).ToList();
    }
}
