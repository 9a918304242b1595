using System.Diagnostics;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Index;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Search;

namespace KnowledgeBase.Generator;

/// <summary>The checked knowledge base: records plus every diagnostic found on the way.</summary>
public sealed record CheckResult(KnowledgeBaseModel Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>A built site in memory, with what it took.</summary>
public sealed record BuildResult(
    CheckResult Check,
    SortedDictionary<string, byte[]>? Site,
    Analysis? Analysis,
    SearchIndex? Index,
    TimeSpan Elapsed,
    IReadOnlyList<(string Stage, TimeSpan Time, TimeSpan Cpu, long Allocated)>? Stages = null)
{
    /// <summary>MoreLikeThis results by search document id, kept so an incremental rebuild can reuse them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Index.Similar>> Similar { get; init; } =
        new Dictionary<string, IReadOnlyList<Index.Similar>>();

    /// <summary>
    /// The content's git history, when it was built inside a repository; reused by incremental rebuilds.
    /// </summary>
    public History.GitHistory? History { get; init; }

    public int PageCount => Site?.Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal)) ?? 0;
}

/// <summary>Knobs a build takes besides its content; the defaults are what the site ships with.</summary>
public sealed record BuildOptions(int SearchShardBytes = BrowserIndex.DefaultShardBytes)
{
    public static BuildOptions Default { get; } = new();

    /// <summary>
    /// Told each stage as it ends (its name, time and what it produced); `kb build` shows it on a terminal.
    /// </summary>
    public Action<string>? Progress { get; init; }

    /// <summary>
    /// Writes Urdu pages even where an interface string has no entry, reporting each as a warning: a
    /// translator's preview (`kb build --allow-untranslated`), never what the site ships.
    /// </summary>
    public bool AllowUntranslated { get; init; }
}

/// <summary>
/// LoadContent → ValidateRecords → AnalyseRecords → IndexRecords → RenderSite. Each stage a plain function of
/// the last.
/// </summary>
public static class Pipeline
{
    public static CheckResult Check(string contentDir, DateOnly today, ParseCache? cache = null)
    {
        var bag = new DiagnosticBag();
        var model = ContentLoader.Load(contentDir, bag, cache);
        Validate.RecordValidator.Validate(model, bag, today);
        return new CheckResult(model, bag.Sorted());
    }

    public static BuildResult Build(string contentDir, DateOnly today, BuildOptions? options = null,
        ParseCache? cache = null)
    {
        var progress = options?.Progress;
        var clock = Stopwatch.StartNew();
        var stages = new List<(string, TimeSpan, TimeSpan, long)>();
        var lap = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        void Lap(string stage)
        {
            // Processor time beside wall time shows which stages leave a core idle; allocation, which feed the
            // collector.
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            var bytes = GC.GetTotalAllocatedBytes();
            stages.Add((stage, lap.Elapsed, now - cpu, bytes - allocated));
            progress?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{stage}: {lap.Elapsed.TotalSeconds:F2} s"));
            cpu = now;
            allocated = bytes;
            lap.Restart();
        }
        var check = Check(contentDir, today, cache);
        Lap("load+validate");
        if (check.HasErrors) return new BuildResult(check, null, null, null, clock.Elapsed, stages);
        var analysis = Analyser.Analyse(check.Model);
        Lap("analyse");
        var documents = SearchDocuments.From(check.Model);
        Lap("search documents (Markdown parsed here)");
        var index = IndexDocuments(documents, check.Model);
        Lap("index");
        // Data downloads and the browser index run beside the next two stages (whose laps include them).
        var pending = Publish.SiteFiles.Start(check.Model, analysis, index, options ?? BuildOptions.Default);
        var similar = SimilarProvisions.Find(check.Model, index);
        Lap("similar (MoreLikeThis), beside data and browser index");
        var history = History.GitHistory.Read(contentDir);
        Lap("history (git)");
        var urdu = check.Model.Bilingual ? new Localizer(check.Model.Translations) : null;
        var site = SiteRenderer.RenderPages(check.Model, analysis, similar, _ => true, history, urdu);
        Lap("render pages, beside data and browser index");
        if (urdu is not null && urdu.Missing.Count > 0)
        {
            // An Urdu page showed English interface text: the build fails, naming every string.
            var draft = options?.AllowUntranslated == true;
            var failed = check with { Diagnostics = [.. check.Diagnostics, .. Untranslated(urdu, draft)] };
            if (!draft) return new BuildResult(failed, null, analysis, index, clock.Elapsed, stages);
            check = failed;
        }
        Publish.SiteFiles.AddTo(site, check.Model, pending);
        Lap("rest of data and browser index, assets, sitemap");
        return new BuildResult(check, site, analysis, index, clock.Elapsed, stages)
            { Similar = similar, History = history };
    }

    /// <summary>One error per interface string an Urdu page showed without an entry, naming a page it is on.</summary>
    internal static IReadOnlyList<Diagnostic> Untranslated(Localizer urdu, bool asWarnings = false)
    {
        var bag = new DiagnosticBag();
        foreach (var (text, page) in urdu.Missing.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var (message, hint) = ($"interface string \"{text}\" (on {page}) has no Urdu entry",
                "add it under 'strings:' in a file of content/i18n/ur/ with its Urdu and reviewed: false; " +
                "if it is a record's own text, mark it as content where the page writes it");
            var at = SourceSpan.FileOnly("content/i18n/ur");
            if (asWarnings) bag.Warning(Codes.MissingTranslation, at, message, hint);
            else bag.Error(Codes.MissingTranslation, at, message, hint);
        }
        return bag.Sorted();
    }

    public static SearchIndex IndexRecords(KnowledgeBaseModel model) =>
        IndexDocuments(SearchDocuments.From(model), model);


    private static SearchIndex IndexDocuments(IEnumerable<SearchDocument> documents, KnowledgeBaseModel model) =>
        SearchIndex.Build(documents, model.Synonyms.Select(g => g.Phrases));
}
