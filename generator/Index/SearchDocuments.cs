using System.Globalization;
using KnowledgeBase.Generator.Analyse;
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
        foreach (var kind in Kinds.RecordKinds.Every.Where(k => k is not Kinds.RecordKind))
            jobs.AddRange(kind.Documents(kb).Select(job => (Action<List<SearchDocument>>)(docs => docs.AddRange(job()))));
        jobs.AddRange(kb.Institutions.Select(i => (Action<List<SearchDocument>>)(docs => Institution(kb, i, docs))));
        jobs.AddRange(kb.Topics.Select(t => (Action<List<SearchDocument>>)(docs => Topic(kb, t, docs))));
        foreach (var kind in Kinds.RecordKinds.All)
            jobs.AddRange(kind.In(kb).Select(r => (Action<List<SearchDocument>>)(docs => docs.AddRange(kind.Documents(kb, r)))));
        var parts = new List<SearchDocument>[jobs.Count];
        Parallel.For(0, jobs.Count, i =>
        {
            parts[i] = [];
            jobs[i](parts[i]);
        });
        return parts.SelectMany(p => p).ToList();
    }

    internal static string Place(KnowledgeBaseModel kb, string j) => kb.Jurisdiction(j) is { } x ? $"{x.Name} {string.Join(' ', x.Aliases)}" : j;

    private static void Institution(KnowledgeBaseModel kb, Institution i, List<SearchDocument> docs)
    {
        var facets = Facets(i.JurisdictionId, ["child-protection"], i.Established, YamlNames.Of(i.Status), YamlNames.Of(i.Verification));
        docs.Add(new SearchDocument($"institution:{i.Id}", "institution", i.Name,
            $"{i.Acronym} {Place(kb, i.JurisdictionId)} {i.Kind}",
            $"{Plain(kb, i.Summary)} {i.Parent} {string.Join(' ', i.Mandates.Select(m => kb.FunctionLabel(m.Function)))}",
            SiteUrls.Institution(i.Id), facets));
        foreach (var m in i.Mandates.GroupBy(m => m.Function).Select(g => g.First()))
        {
            docs.Add(new SearchDocument($"mandate:{i.Id}/{m.Function}", "mandate",
                $"{i.Acronym ?? i.Name}: {kb.FunctionLabel(m.Function)}",
                $"{i.Acronym} {m.Section} {Place(kb, i.JurisdictionId)}",
                $"{i.Name} {Plain(kb, m.Note)}",
                SiteUrls.Institution(i.Id) + "#mandate-" + m.Function, facets));
        }
    }

    private static void Topic(KnowledgeBaseModel kb, Topic t, List<SearchDocument> docs)
    {
        docs.Add(new SearchDocument($"topic:{t.Id}", "topic", t.Title, t.Theme.Replace('-', ' '),
            $"{t.Question} {t.Benchmark?.Instrument} {Plain(kb, t.Benchmark?.Note)}",
            SiteUrls.Topic(t.Id), Facets(null, [t.Theme], null, null, null)));
        foreach (var a in t.Answers)
        {
            var statute = a.StatuteId is null ? null : kb.Statute(a.StatuteId);
            var value = a.IsAnswered && a.Value is not null ? Analyser.Display(t, a.Value) : a.StatusName.Replace('-', ' ');
            docs.Add(new SearchDocument($"answer:{t.Id}/{a.JurisdictionId}", "answer",
                $"{t.Title}: {kb.JurisdictionName(a.JurisdictionId)}",
                $"{Place(kb, a.JurisdictionId)} {a.Section}",
                $"{value}. {a.Qualifier} {t.Question} {statute?.Title} {a.Quote} {Plain(kb, a.Note)}",
                SiteUrls.Answer(t.Id, a.JurisdictionId),
                Facets(a.JurisdictionId, [t.Theme], statute?.Year, a.StatusName, YamlNames.Of(a.Verification))));
        }
    }

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
