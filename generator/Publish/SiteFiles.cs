using System.Text;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator.Publish;

/// <summary>
/// Stage 5a, AddSiteFiles: everything beside the pages — data downloads, the browser search
/// index, hashed assets, sitemap and robots.txt — added to the in-memory site before it is written.
/// </summary>
internal static class SiteFiles
{
    /// <summary>
    /// Starts the data downloads and the browser search index on their own tasks: they need only
    /// the analysis and the index, so they run beside MoreLikeThis and page rendering.
    /// </summary>
    public static Pending Start(KnowledgeBaseModel kb, Analysis analysis, SearchIndex index,
        BuildOptions options) => new(
        Task.Run(() =>
        {
            var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            DataExport.AddTo(files, kb, analysis);
            return (IReadOnlyDictionary<string, byte[]>)files;
        }),
        Task.Run(() => BrowserIndex.WriteFiles(index, options.SearchShardBytes)));

    /// <summary>Files being made beside the pages.</summary>
    public sealed record Pending(
        Task<IReadOnlyDictionary<string, byte[]>> Data, Task<IReadOnlyDictionary<string, byte[]>> Search);

    /// <summary>
    /// Waits for <paramref name="pending"/> and adds its files, the hashed
    /// assets, the sitemap and robots.txt to <paramref name="site"/>.
    /// </summary>
    public static void AddTo(SortedDictionary<string, byte[]> site, KnowledgeBaseModel kb, Pending pending)
    {
        foreach (var (name, bytes) in pending.Data.GetAwaiter().GetResult()) site[name] = bytes;
        foreach (var (name, bytes) in pending.Search.GetAwaiter().GetResult()) site["search/" + name] = bytes;
        foreach (var (name, bytes) in HashedAssets.All) site[HashedAssets.PathOf(name)] = bytes;
        site["sitemap.xml"] = Sitemap(kb,
            SiteRenderer.PageUrls(kb).Where(u => u != "404.html" && !u.EndsWith(".xml", StringComparison.Ordinal)));
        site["_redirects"] = Redirects(kb);
        Releases.AddTo(site, kb, kb.Releases);
        site["robots.txt"] =
            Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {kb.Site.BaseUrl}/sitemap.xml\n");
    }

    private static byte[] Sitemap(KnowledgeBaseModel kb, IEnumerable<string> urls)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var url in urls.Order(StringComparer.Ordinal))
            sb.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape($"{kb.Site.BaseUrl}/{url}"))
                .Append("</loc></url>\n");
        sb.Append("</urlset>\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// Netlify's `_redirects` file: every alias (an id a record was published under before a rename)
    /// moves permanently to the record's page, in each language. `kb serve` answers the same redirects.
    /// </summary>
    internal static byte[] Redirects(KnowledgeBaseModel kb)
    {
        var lines = new List<(string From, string To)>();
        lines.AddRange(kb.Statutes.SelectMany(s =>
            s.Aliases.Select(a => (SiteUrls.Statute(a), SiteUrls.Statute(s.Id)))));
        lines.AddRange(kb.Institutions.SelectMany(i =>
            i.Aliases.Select(a => (SiteUrls.Institution(a), SiteUrls.Institution(i.Id)))));
        lines.AddRange(kb.Topics.SelectMany(t => t.Aliases.Select(a => (SiteUrls.Topic(a), SiteUrls.Topic(t.Id)))));
        foreach (var kind in Kinds.RecordKinds.All)
            lines.AddRange(kind.In(kb).SelectMany(r => r.Aliases.Select(a => (kind.Url(a), kind.Url(r.Id)))));
        // The Urdu page of a renamed record moves the same way.
        if (kb.Bilingual) lines.AddRange(lines.Select(l => ("ur/" + l.From, "ur/" + l.To)).ToList());
        var sb = new StringBuilder(
            "# Old addresses of renamed records (the aliases in content/), moved permanently.\n");
        foreach (var (from, to) in lines.OrderBy(l => l.From, StringComparer.Ordinal))
            sb.Append($"/{from} /{to} 301\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>The redirects of a `_redirects` file, by path ("/statutes/old/" and "/statutes/old").</summary>
    internal static Dictionary<string, string> ParseRedirects(byte[]? file)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file is null) return map;
        foreach (var line in Encoding.UTF8.GetString(file).Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0].StartsWith('#')) continue;
            map[parts[0]] = parts[1];
            map.TryAdd(parts[0].TrimEnd('/'), parts[1]);
        }
        return map;
    }
}
