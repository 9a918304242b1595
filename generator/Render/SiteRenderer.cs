using System.Collections.Concurrent;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Index;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// Stage 4, RenderPages: every HTML page as an in-memory map of path to bytes. Pages render in
/// parallel; the result is a sorted map, so output is byte-identical whatever the scheduling.
/// </summary>
internal static class SiteRenderer
{
    /// <summary>Every page URL of the site, in job order.</summary>
    public static IEnumerable<string> PageUrls(KnowledgeBaseModel kb) =>
        Jobs(kb, null!, null, kb.Bilingual ? new Localizer(kb.Translations) : null).Select(j => j.Url);

    /// <summary>
    /// Renders the HTML pages whose URL <paramref name="include"/> accepts, in parallel, into a sorted map: in
    /// English, and in Urdu under ur/ when the content has Urdu interface strings. <paramref name="urdu"/>
    /// collects the interface strings an Urdu page showed without an entry (one is made when not given).
    /// </summary>
    public static SortedDictionary<string, byte[]> RenderPages(KnowledgeBaseModel kb, Analysis analysis,
        IReadOnlyDictionary<string, IReadOnlyList<Similar>> similar, Func<string, bool> include,
        History.GitHistory? history = null, Localizer? urdu = null)
    {
        urdu ??= kb.Bilingual ? new Localizer(kb.Translations) : null;
        var pages = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        Parallel.ForEach(Jobs(kb, (analysis, similar), history, urdu).Where(j => include(j.Url)),
            job => pages[SiteUrls.FileOf(job.Url)] = job.Render());
        return new SortedDictionary<string, byte[]>(pages, StringComparer.Ordinal);
    }

    private static List<(string Url, Func<byte[]> Render)> Jobs(KnowledgeBaseModel kb,
        (Analysis Analysis, IReadOnlyDictionary<string, IReadOnlyList<Similar>> Similar)? inputs,
        History.GitHistory? history, Localizer? urdu)
    {
        var jobs = Jobs(kb, inputs, history, Lang.En, urdu);
        // Feeds stay in English: a feed reader shows the entries' own words.
        if (urdu is not null)
            jobs.AddRange(Jobs(kb, inputs, history, Lang.Ur, urdu)
                .Where(j => !j.Url.EndsWith(".xml", StringComparison.Ordinal))
                .Select(j => (PageContext.In(Lang.Ur, j.Url), j.Render)));
        return jobs;
    }

    private static List<(string Url, Func<byte[]> Render)> Jobs(KnowledgeBaseModel kb,
        (Analysis Analysis, IReadOnlyDictionary<string, IReadOnlyList<Similar>> Similar)? inputs,
        History.GitHistory? history, Lang lang, Localizer? urdu)
    {
        // With no inputs only the URLs are wanted; the render functions are never called.
        var analysis = inputs?.Analysis!;
        var records = new RecordPages(kb, analysis,
            inputs?.Similar ?? new Dictionary<string, IReadOnlyList<Similar>>(), history)
        {
            Lang = lang, Localizer = urdu,
        };
        var overview = new OverviewPages(kb, analysis, records);
        var i18n = new I18nPages(records);

        var jobs = new List<(string Url, Func<byte[]> Render)>
        {
            (SiteUrls.Home, overview.Home),
            (SiteUrls.Compare, overview.Compare),
            (SiteUrls.Findings, overview.Findings),
            (SiteUrls.Mandates, overview.Mandates),
            (SiteUrls.Timeline, overview.Timeline),
            (SiteUrls.Changes, () => overview.Changes(history)),
            (Feeds.Url(null), () => Feeds.Atom(kb, history, null)),
            (SiteUrls.Search, overview.Search),
            (SiteUrls.Data, () => overview.DataDictionary(Kinds.Downloads.Files)),
            ("404.html", overview.NotFound),
        };
        if (urdu is not null) jobs.AddRange([(SiteUrls.Glossary, i18n.Glossary), (SiteUrls.Translation, i18n.Status)]);
        foreach (var kind in Kinds.RecordKinds.Every) jobs.AddRange(kind.Pages(records).Select(p => (p.Url, p.Render)));
        jobs.AddRange(AsOf.Years(kb)
            .Select(y => (SiteUrls.CompareAsOf(y), (Func<byte[]>)(() => overview.CompareAsOf(y)))));

        jobs.AddRange(kb.Compared.Select(j => (Feeds.Url(j.Id), (Func<byte[]>)(() => Feeds.Atom(kb, history, j.Id)))));
        var compared = kb.Compared;
        for (var i = 0; i < compared.Count; i++)
        for (var k = i + 1; k < compared.Count; k++)
        {
            var (a, b) = (compared[i], compared[k]);
            jobs.Add((RecordPages.PairUrl(a, b), () => overview.Pair(a, b)));
        }
        return jobs;
    }
}
