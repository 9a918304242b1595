using System.Globalization;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
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
            jobs.AddRange(kind.Documents(kb).Select(job => (Action<List<SearchDocument>>)(docs => docs.AddRange(job()))));
        var parts = new List<SearchDocument>[jobs.Count];
        Parallel.For(0, jobs.Count, i =>
        {
            parts[i] = [];
            jobs[i](parts[i]);
        });
        return parts.SelectMany(p => p).ToList();
    }

    internal static string Place(KnowledgeBaseModel kb, string j) => kb.Jurisdiction(j) is { } x ? $"{x.Name} {string.Join(' ', x.Aliases)}" : j;

    internal static Dictionary<string, IReadOnlyList<string>> Facets(string? jurisdiction, IReadOnlyList<string> themes, int? year,
        string? status, string? verification)
    {
        var f = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (jurisdiction is not null) f["jurisdiction"] = [jurisdiction];
        if (themes.Count > 0) f["theme"] = themes;
        if (year is not null) f["year"] = [year.Value.ToString(CultureInfo.InvariantCulture)];
        if (status is not null) f["status"] = [status];
        if (verification is not null) f["verification"] = [verification];
        return f;
    }

    internal static string Plain(KnowledgeBaseModel kb, string? markdown) => markdown is null ? "" : MarkdownRenderer.PlainText(kb, markdown);
}
