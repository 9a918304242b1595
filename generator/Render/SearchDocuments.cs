using System.Globalization;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Render;

/// <summary>Maps records to the search library's neutral documents; the library knows nothing of law.</summary>
internal static class SearchDocuments
{
    public static List<SearchDocument> From(KnowledgeBaseModel kb)
    {
        var docs = new List<SearchDocument>();
        string Place(string j) => kb.Jurisdiction(j) is { } x ? $"{x.Name} {string.Join(' ', x.Aliases)}" : j;

        foreach (var s in kb.Statutes)
        {
            var facets = Facets(s.JurisdictionId, s.Themes, s.Year, s.Status, s.Verification);
            docs.Add(new SearchDocument($"statute:{s.Id}", "statute", s.Title,
                $"{s.ShortTitle} {s.ActNumber} {Place(s.JurisdictionId)}",
                $"{Plain(s.Summary)} {Plain(s.Notes)} {string.Join(' ', s.Sections.Select(x => x.Heading))}",
                SiteUrls.Statute(s.Id), facets));
            foreach (var section in s.Sections)
            {
                docs.Add(new SearchDocument($"section:{s.Id}/{section.Number}", "section",
                    $"{s.ShortTitle ?? s.Title}, section {section.Number}: {section.Heading}",
                    $"{section.Number} {s.ShortTitle} {Place(s.JurisdictionId)}",
                    $"{Plain(section.Summary)} {s.Title}",
                    SiteUrls.Section(s.Id, section.Number), facets));
            }
        }

        foreach (var i in kb.Institutions)
        {
            var facets = Facets(i.JurisdictionId, ["child-protection"], i.Established, i.Status, i.Verification);
            docs.Add(new SearchDocument($"institution:{i.Id}", "institution", i.Name,
                $"{i.Acronym} {Place(i.JurisdictionId)} {i.Kind}",
                $"{Plain(i.Summary)} {i.Parent} {string.Join(' ', i.Mandates.Select(m => kb.FunctionLabel(m.Function)))}",
                SiteUrls.Institution(i.Id), facets));
            foreach (var m in i.Mandates.GroupBy(m => m.Function).Select(g => g.First()))
            {
                docs.Add(new SearchDocument($"mandate:{i.Id}/{m.Function}", "mandate",
                    $"{i.Acronym ?? i.Name}: {kb.FunctionLabel(m.Function)}",
                    $"{i.Acronym} {m.Section} {Place(i.JurisdictionId)}",
                    $"{i.Name} {Plain(m.Note)}",
                    SiteUrls.Institution(i.Id) + "#mandate-" + m.Function, facets));
            }
        }

        foreach (var t in kb.Topics)
        {
            docs.Add(new SearchDocument($"topic:{t.Id}", "topic", t.Title, t.Theme.Replace('-', ' '),
                $"{t.Question} {t.Benchmark?.Instrument} {Plain(t.Benchmark?.Note)}",
                SiteUrls.Topic(t.Id), Facets(null, [t.Theme], null, null, null)));
            foreach (var a in t.Answers)
            {
                var statute = a.StatuteId is null ? null : kb.Statute(a.StatuteId);
                var value = a.IsAnswered && a.Value is not null ? Analyser.Display(t, a.Value) : a.Status.Replace('-', ' ');
                docs.Add(new SearchDocument($"answer:{t.Id}/{a.JurisdictionId}", "answer",
                    $"{t.Title}: {kb.JurisdictionName(a.JurisdictionId)}",
                    $"{Place(a.JurisdictionId)} {a.Section}",
                    $"{value}. {t.Question} {statute?.Title} {Plain(a.Note)}",
                    SiteUrls.Answer(t.Id, a.JurisdictionId),
                    Facets(a.JurisdictionId, [t.Theme], statute?.Year, a.Status, a.Verification)));
            }
        }

        foreach (var a in kb.Articles)
        {
            docs.Add(new SearchDocument($"article:{a.Id}", "article", a.Title, string.Join(' ', a.Themes),
                $"{a.Summary} {Plain(a.Body)}", SiteUrls.Article(a.Id), Facets(null, a.Themes, null, null, null)));
        }
        return docs;
    }

    private static Dictionary<string, IReadOnlyList<string>> Facets(string? jurisdiction, IReadOnlyList<string> themes, int? year,
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

    private static string Plain(string? markdown) => markdown is null ? "" : MarkdownRenderer.PlainText(markdown);
}
