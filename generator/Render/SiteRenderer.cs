using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Publish;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// Stage 4, RenderSite: the whole site as an in-memory map of path to bytes. Pages render in
/// parallel; the result is a sorted map, so output is byte-identical whatever the scheduling.
/// </summary>
internal static class SiteRenderer
{
    public static SortedDictionary<string, byte[]> Render(KnowledgeBaseModel kb, Analysis analysis, SearchIndex index,
        IReadOnlyDictionary<string, IReadOnlyList<Similar>> similar, BuildOptions options, Action<string>? lap = null)
    {
        var site = RenderPages(kb, analysis, similar, _ => true);
        lap?.Invoke("render pages");
        DataExport.AddTo(site, kb, analysis);
        lap?.Invoke("data exports");
        foreach (var (name, bytes) in BrowserIndex.WriteFiles(index, options.SearchShardThreshold)) site["search/" + name] = bytes;
        lap?.Invoke("browser index");
        foreach (var (name, bytes) in HashedAssets.All) site[HashedAssets.PathOf(name)] = bytes;
        site["sitemap.xml"] = Sitemap(kb, PageUrls(kb).Where(u => u != "404.html"));
        site["robots.txt"] = Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {kb.Site.BaseUrl}/sitemap.xml\n");
        return site;
    }

    /// <summary>Every page URL of the site, in job order.</summary>
    public static IEnumerable<string> PageUrls(KnowledgeBaseModel kb) => Jobs(kb, null!).Select(j => j.Url);

    /// <summary>Renders the HTML pages whose URL <paramref name="include"/> accepts, in parallel, into a sorted map.</summary>
    public static SortedDictionary<string, byte[]> RenderPages(KnowledgeBaseModel kb, Analysis analysis,
        IReadOnlyDictionary<string, IReadOnlyList<Similar>> similar, Func<string, bool> include)
    {
        var pages = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        Parallel.ForEach(Jobs(kb, (analysis, similar)).Where(j => include(j.Url)), job => pages[SiteUrls.FileOf(job.Url)] = job.Render());
        return new SortedDictionary<string, byte[]>(pages, StringComparer.Ordinal);
    }

    private static List<(string Url, Func<byte[]> Render)> Jobs(KnowledgeBaseModel kb,
        (Analysis Analysis, IReadOnlyDictionary<string, IReadOnlyList<Similar>> Similar)? inputs)
    {
        // With no inputs only the URLs are wanted; the render functions are never called.
        var analysis = inputs?.Analysis!;
        var records = new RecordPages(kb, analysis, inputs?.Similar ?? new Dictionary<string, IReadOnlyList<Similar>>());
        var overview = new OverviewPages(kb, analysis, records);

        var jobs = new List<(string Url, Func<byte[]> Render)>
        {
            (SiteUrls.Home, overview.Home),
            (SiteUrls.Compare, overview.Compare),
            (SiteUrls.Findings, overview.Findings),
            (SiteUrls.Mandates, overview.Mandates),
            (SiteUrls.Timeline, overview.Timeline),
            (SiteUrls.Statutes, overview.StatuteIndex),
            (SiteUrls.Institutions, overview.InstitutionIndex),
            (SiteUrls.Topics, overview.TopicIndex),
            (SiteUrls.Articles, overview.ArticleIndex),
            (SiteUrls.Jurisdictions, overview.JurisdictionIndex),
            (SiteUrls.Search, overview.Search),
            (SiteUrls.Data, () => overview.DataDictionary(DataExport.Files)),
            ("404.html", overview.NotFound),
        };
        jobs.AddRange(kb.Statutes.Select(s => (SiteUrls.Statute(s.Id), (Func<byte[]>)(() => records.Statute(s)))));
        jobs.AddRange(kb.Institutions.Select(i => (SiteUrls.Institution(i.Id), (Func<byte[]>)(() => records.Institution(i)))));
        jobs.AddRange(kb.Topics.Select(t => (SiteUrls.Topic(t.Id), (Func<byte[]>)(() => records.Topic(t)))));
        jobs.AddRange(kb.Articles.Select(a => (SiteUrls.Article(a.Id), (Func<byte[]>)(() => records.Article(a)))));
        jobs.AddRange(kb.Jurisdictions.Select(j => (SiteUrls.Jurisdiction(j.Id), (Func<byte[]>)(() => records.Jurisdiction(j)))));
        var compared = kb.Compared;
        for (var i = 0; i < compared.Count; i++)
        for (var k = i + 1; k < compared.Count; k++)
        {
            var (a, b) = (compared[i], compared[k]);
            jobs.Add((RecordPages.PairUrl(a, b), () => overview.Pair(a, b)));
        }
        return jobs;
    }

    /// <summary>For each section and mandate, the most similar provisions in other jurisdictions (Lucene MoreLikeThis).</summary>
    public static Dictionary<string, IReadOnlyList<Similar>> FindSimilar(KnowledgeBaseModel kb, SearchIndex index)
    {
        var result = new ConcurrentDictionary<string, IReadOnlyList<Similar>>(StringComparer.Ordinal);
        var candidates = index.Documents.Where(d => d.Kind is "section" or "mandate").ToList();
        Parallel.ForEach(candidates, doc =>
        {
            var own = doc.Facets.GetValueOrDefault("jurisdiction")?.FirstOrDefault();
            var hits = index.MoreLikeThis(doc.Id, 3, other => other.Kind == doc.Kind
                && other.Facets.GetValueOrDefault("jurisdiction")?.FirstOrDefault() is { } j && j != own);
            if (hits.Count > 0)
                result[doc.Id] = hits.Select(h => new Similar(h.Document.Title, h.Document.Url,
                    h.Document.Facets["jurisdiction"][0])).ToList();
        });
        return new Dictionary<string, IReadOnlyList<Similar>>(result, StringComparer.Ordinal);
    }

    private static byte[] Sitemap(KnowledgeBaseModel kb, IEnumerable<string> urls)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var url in urls.Order(StringComparer.Ordinal))
            sb.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape($"{kb.Site.BaseUrl}/{url}")).Append("</loc></url>\n");
        sb.Append("</urlset>\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}

/// <summary>
/// The stylesheet and scripts, named by a hash of their content ("site.3f2a9c1b.css") so hosts can
/// cache them for a year: a changed file gets a new name, and pages link the new name.
/// </summary>
internal static class HashedAssets
{
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes)>> Loaded = new(Load);

    public static IReadOnlyList<(string Name, byte[] Bytes)> All => Loaded.Value;

    public static string PathOf(string name)
    {
        var bytes = All.First(a => a.Name == name).Bytes;
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..10].ToLowerInvariant();
        var ext = Path.GetExtension(name);
        return $"assets/{Path.GetFileNameWithoutExtension(name)}.{hash}{ext}";
    }

    private static IReadOnlyList<(string Name, byte[] Bytes)> Load()
    {
        var assembly = typeof(HashedAssets).Assembly;
        var list = new List<(string, byte[])>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            list.Add((name["assets/".Length..], buffer.ToArray()));
        }
        return list;
    }
}
