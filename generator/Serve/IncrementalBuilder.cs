using System.Diagnostics;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;

namespace KnowledgeBase.Generator.Serve;

/// <summary>
/// What `kb serve` does after an edit: re-read only changed files (the parse cache), check and
/// analyse everything (cheap), then re-render only the pages the changed records appear on,
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
        var urls = Affected(before, after, _last.Similar);
        if (urls.Count == 0) return (_last with { Check = check, Elapsed = clock.Elapsed }, []);
        var pages = SiteRenderer.RenderPages(after, analysis, _last.Similar, urls.Contains, _last.History);
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
        && Ids(a.Jurisdictions, j => j.Id + j.Name + j.Kind + j.Order) == Ids(b.Jurisdictions, j => j.Id + j.Name + j.Kind + j.Order)
        && Ids(a.Statutes, s => s.Id) == Ids(b.Statutes, s => s.Id)
        && Ids(a.Institutions, s => s.Id) == Ids(b.Institutions, s => s.Id)
        && Ids(a.Topics, s => s.Id) == Ids(b.Topics, s => s.Id)
        && AsOf.Years(a).SequenceEqual(AsOf.Years(b))
        && a.Themes.SequenceEqual(b.Themes)
        && a.MandateFunctions.SequenceEqual(b.MandateFunctions)
        && Kinds.RecordKinds.All.All(k => Ids(k.In(a), r => r.Id) == Ids(k.In(b), r => r.Id))
        && Ids(a.Releases, r => r.Version) == Ids(b.Releases, r => r.Version);

    private static string Ids<T>(IEnumerable<T> items, Func<T, string> key) => string.Join('\n', items.Select(key));

    /// <summary>The URLs of every page a changed record appears on, before or after the edit.</summary>
    internal static HashSet<string> Affected(KnowledgeBaseModel before, KnowledgeBaseModel after,
        IReadOnlyDictionary<string, IReadOnlyList<Index.Similar>>? similar = null)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        // Pages that list a changed statute's sections or a changed body's mandates as similar provisions.
        void ListedAsSimilar(string page)
        {
            if (similar is null) return;
            foreach (var (key, list) in similar)
            {
                if (!list.Any(x => x.Url.StartsWith(page, StringComparison.Ordinal))) continue;
                var (kind, rest) = (key.Split(':')[0], key[(key.IndexOf(':') + 1)..]);
                var id = rest.Split('/')[0];
                urls.Add(kind == "section" ? SiteUrls.Statute(id) : SiteUrls.Institution(id));
            }
        }
        void Overview(params string[] list) => urls.UnionWith(list);
        void Places(IEnumerable<string> jurisdictions) => urls.UnionWith(jurisdictions.Select(SiteUrls.Jurisdiction));
        // Everything an answer cites: its own statute, its readings' and its history's.
        IEnumerable<string> CitedStatutes(Topic t) => t.Answers
            .SelectMany(a => a.Readings.Select(r => r.StatuteId).Concat(a.History.Select(h => h.StatuteId)).Append(a.StatuteId))
            .OfType<string>();
        IEnumerable<string> CitedStatutes2(Institution i) => i.Mandates.Select(m => m.StatuteId).Append(i.StatuteId).OfType<string>();

        foreach (var s in after.Statutes)
        {
            var old = before.Statute(s.Id)!;
            if (ReferenceEquals(old, s)) continue;
            urls.Add(SiteUrls.Statute(s.Id));
            ListedAsSimilar(SiteUrls.Statute(s.Id));
            Overview(SiteUrls.Home, SiteUrls.Statutes, SiteUrls.Timeline, SiteUrls.Findings);
            Places([s.JurisdictionId, old.JurisdictionId, .. s.AppliesTo, .. old.AppliesTo]);
            urls.UnionWith(s.Amends.Concat(s.Repeals).Concat(old.Amends).Concat(old.Repeals).Select(SiteUrls.Statute));
            // Statutes that amend or repeal it name it on their pages.
            urls.UnionWith(after.Statutes.Where(o => o.Amends.Contains(s.Id) || o.Repeals.Contains(s.Id)).Select(o => SiteUrls.Statute(o.Id)));
            // Jurisdiction pages list findings whose reform pointers may cite it, wherever it has force.
            Places(after.Jurisdictions.Select(j => j.Id));
            var citing = after.Topics.Where(t => CitedStatutes(t).Contains(s.Id)).ToList();
            foreach (var t in citing) urls.Add(SiteUrls.Topic(t.Id));
            // Pair pages name the law each answer cites.
            if (citing.Count > 0) urls.UnionWith(PairUrls(after));
            foreach (var i in after.Institutions.Where(i => CitedStatutes2(i).Contains(s.Id))) urls.Add(SiteUrls.Institution(i.Id));
        }
        foreach (var i in after.Institutions)
        {
            var old = before.Institution(i.Id)!;
            if (ReferenceEquals(old, i)) continue;
            urls.Add(SiteUrls.Institution(i.Id));
            ListedAsSimilar(SiteUrls.Institution(i.Id));
            Overview(SiteUrls.Home, SiteUrls.Institutions, SiteUrls.Mandates, SiteUrls.Findings);
            Places([i.JurisdictionId, old.JurisdictionId, .. i.Reach, .. old.Reach]);
            urls.UnionWith(CitedStatutes2(i).Concat(CitedStatutes2(old)).Select(SiteUrls.Statute));
            // Bodies that may share an overlap with it show it on their own pages.
            var functions = i.Mandates.Concat(old.Mandates).Select(m => m.Function).ToHashSet(StringComparer.Ordinal);
            var reach = i.Reach.Concat(old.Reach).ToHashSet(StringComparer.Ordinal);
            foreach (var other in after.Institutions.Where(o => o.Mandates.Any(m => functions.Contains(m.Function)) && o.Reach.Any(reach.Contains)))
                urls.Add(SiteUrls.Institution(other.Id));
            foreach (var t in after.Topics.Where(t => t.Answers.Any(a => a.Institutions.Contains(i.Id)))) urls.Add(SiteUrls.Topic(t.Id));
        }
        foreach (var t in after.Topics)
        {
            var old = before.Topic(t.Id)!;
            if (ReferenceEquals(old, t)) continue;
            urls.Add(SiteUrls.Topic(t.Id));
            Overview(SiteUrls.Home, SiteUrls.Compare, SiteUrls.Findings, SiteUrls.Topics);
            urls.UnionWith(AsOf.Years(after).Select(SiteUrls.CompareAsOf));
            Places(after.Jurisdictions.Select(j => j.Id));
            urls.UnionWith(PairUrls(after));
            urls.UnionWith(CitedStatutes(t).Concat(CitedStatutes(old)).Select(SiteUrls.Statute));
            urls.UnionWith(t.Answers.Concat(old.Answers).SelectMany(a => a.Institutions).Select(SiteUrls.Institution));
        }
        // The kinds that live in one place: a changed record re-renders its page, its kind's index and
        // every page it adds a section to (before and after the edit); and a record's page shows the
        // statutes, topics and bodies it names, so it re-renders when one of those changed.
        var changedTargets = new HashSet<Kinds.Target>();
        changedTargets.UnionWith(after.Statutes.Where(s => !ReferenceEquals(before.Statute(s.Id), s)).Select(s => new Kinds.Target(Kinds.TargetKind.Statute, s.Id)));
        changedTargets.UnionWith(after.Topics.Where(t => !ReferenceEquals(before.Topic(t.Id), t)).Select(t => new Kinds.Target(Kinds.TargetKind.Topic, t.Id)));
        changedTargets.UnionWith(after.Institutions.Where(i => !ReferenceEquals(before.Institution(i.Id), i)).Select(i => new Kinds.Target(Kinds.TargetKind.Institution, i.Id)));
        foreach (var kind in Kinds.RecordKinds.All)
        {
            var old = kind.In(before).ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (var r in kind.In(after))
            {
                if (kind.Targets(after, r).Any(changedTargets.Contains)) urls.Add(kind.Url(r.Id));
                if (ReferenceEquals(old[r.Id], r)) continue;
                urls.Add(kind.Url(r.Id));
                urls.Add(kind.IndexUrl);
                urls.UnionWith(kind.ShownOn(after, r));
                urls.UnionWith(kind.ShownOn(before, old[r.Id]));
            }
        }
        return urls;
    }

    private static IEnumerable<string> PairUrls(KnowledgeBaseModel kb)
    {
        var js = kb.Compared;
        for (var i = 0; i < js.Count; i++)
        for (var k = i + 1; k < js.Count; k++)
            yield return RecordPages.PairUrl(js[i], js[k]);
    }
}
