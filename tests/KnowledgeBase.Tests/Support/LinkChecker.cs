using System.Text;
using AngleSharp.Html.Parser;

namespace KnowledgeBase.Tests.Support;

/// <summary>Every relative or root-relative href and fragment in a site must resolve to a file and an id.</summary>
public static class LinkChecker
{
    public static List<string> Check(IReadOnlyDictionary<string, byte[]> site)
    {
        var parser = new HtmlParser();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var docs = site.Where(kv => kv.Key.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => parser.ParseDocument(Encoding.UTF8.GetString(kv.Value)));
        foreach (var (path, doc) in docs)
            ids[path] = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (path, doc) in docs)
        {
            foreach (var a in doc.QuerySelectorAll("a[href], link[href], script[src]"))
            {
                var href = a.GetAttribute("href") ?? a.GetAttribute("src")!;
                if (href.StartsWith("http://", StringComparison.Ordinal)
                    || href.StartsWith("https://", StringComparison.Ordinal)
                    || href.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var (target, fragment) = Resolve(path, href);
                var file = target.EndsWith('/') || target.Length == 0 ? target + "index.html" : target;
                if (!site.ContainsKey(file)) { problems.Add($"{path}: '{href}' → missing {file}"); continue; }
                if (fragment is not null && file.EndsWith(".html", StringComparison.Ordinal)
                    && !ids[file].Contains(fragment))
                    problems.Add($"{path}: '{href}' → no element #{fragment} in {file}");
            }
        }
        return problems;
    }

    private static (string Target, string? Fragment) Resolve(string fromFile, string href)
    {
        string? fragment = null;
        var hash = href.IndexOf('#');
        if (hash >= 0) { fragment = Uri.UnescapeDataString(href[(hash + 1)..]); href = href[..hash]; }
        var q = href.IndexOf('?');
        if (q >= 0) href = href[..q];
        // A root-relative link (the 404 pages, which must work at any depth) starts from the site's root.
        var dir = href.StartsWith('/') ? ""
            : fromFile.Contains('/') ? fromFile[..(fromFile.LastIndexOf('/') + 1)] : "";
        href = href.TrimStart('/');
        if (href.Length == 0) return (fromFile, fragment);
        var parts = (dir + href).Split('/').ToList();
        var stack = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var p = parts[i];
            if (p == "..") { if (stack.Count > 0) stack.RemoveAt(stack.Count - 1); }
            else if (p != "." && (p.Length > 0 || i == parts.Count - 1)) stack.Add(p);
        }
        return (string.Join('/', stack), fragment);
    }
}
