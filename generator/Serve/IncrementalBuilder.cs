using System.Diagnostics;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;

namespace KnowledgeBase.Generator.Serve;

/// <summary>
/// What `kb serve` does after an edit: re-read only changed files (the parse cache), check and
/// analyse everything (cheap), then render every page again and keep only the bytes that changed,
/// reusing the last full build's search index and MoreLikeThis lists. Search files, data downloads
/// and similar-provision lists stay as they were until the next full build, which the server runs
/// in the background straight after.
/// </summary>
internal sealed class IncrementalBuilder(string content, BuildOptions? options = null)
{
    private readonly ParseCache _cache = new();
    private BuildResult? _last;

    public BuildResult? Last => _last;

    public BuildResult Full(DateOnly today)
    {
        var result = Pipeline.Build(content, today, options, _cache);
        if (result.Site is not null) _last = result;
        return result;
    }

    /// <summary>
    /// An incremental rebuild, or null when only a full build can be right (no previous build,
    /// records added, removed or renamed, or jurisdictions, taxonomy or settings changed).
    /// </summary>
    public (BuildResult Result, IReadOnlyList<string> Changed)? Incremental(DateOnly today)
    {
        if (_last?.Site is null) return null;
        var clock = Stopwatch.StartNew();
        var check = Pipeline.Check(content, today, _cache);
        if (check.HasErrors) return (new BuildResult(check, null, null, null, clock.Elapsed), []);
        var (before, after) = (_last.Check.Model, check.Model);
        if (!SameShape(before, after)) return null;

        var analysis = Analyser.Analyse(after);
        // Every page is rendered again and only the changed bytes replace the last build's: no list
        // of which pages read which records can fall out of date, because there is none.
        var pages = SiteRenderer.RenderPages(after, analysis, _last.Similar, _ => true, _last.History);
        var site = new SortedDictionary<string, byte[]>(_last.Site, StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var (path, bytes) in pages)
        {
            if (site.TryGetValue(path, out var old) && old.AsSpan().SequenceEqual(bytes)) continue;
            site[path] = bytes;
            changed.Add(path);
        }
        _last = _last with { Check = check, Site = site, Analysis = analysis, Elapsed = clock.Elapsed };
        return (_last, changed);
    }

    private static bool SameShape(KnowledgeBaseModel a, KnowledgeBaseModel b) =>
        a.Site == b.Site
        && Ids(a.Jurisdictions, j => j.Id + j.Name + j.Kind + j.Order)
            == Ids(b.Jurisdictions, j => j.Id + j.Name + j.Kind + j.Order)

        && Kinds.RecordKinds.Every.All(k => Ids(k.Ids(a), id => id) == Ids(k.Ids(b), id => id))
        && AsOf.Years(a).SequenceEqual(AsOf.Years(b))
        && a.Themes.SequenceEqual(b.Themes)
        && a.MandateFunctions.SequenceEqual(b.MandateFunctions)
        && Ids(a.Releases, r => r.Version) == Ids(b.Releases, r => r.Version);

    private static string Ids<T>(IEnumerable<T> items, Func<T, string> key) => string.Join('\n', items.Select(key));
}
