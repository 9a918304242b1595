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
    public static void AddTo(SortedDictionary<string, byte[]> site, KnowledgeBaseModel kb, Analysis analysis, SearchIndex index,
        BuildOptions options, Action<string>? lap = null)
    {
        DataExport.AddTo(site, kb, analysis);
        lap?.Invoke("data exports");
        foreach (var (name, bytes) in BrowserIndex.WriteFiles(index, options.SearchShardThreshold)) site["search/" + name] = bytes;
        lap?.Invoke("browser index");
        foreach (var (name, bytes) in HashedAssets.All) site[HashedAssets.PathOf(name)] = bytes;
        site["sitemap.xml"] = Sitemap(kb, SiteRenderer.PageUrls(kb).Where(u => u != "404.html"));
        site["robots.txt"] = Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {kb.Site.BaseUrl}/sitemap.xml\n");
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
