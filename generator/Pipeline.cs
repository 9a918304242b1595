using System.Diagnostics;
using KnowledgeBase.Generator.Analyse;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
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
    TimeSpan Elapsed)
{
    public int PageCount => Site?.Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal)) ?? 0;
}

/// <summary>LoadContent → ValidateRecords → AnalyseRecords → IndexRecords → RenderSite. Each stage a plain function of the last.</summary>
public static class Pipeline
{
    public static CheckResult Check(string contentDir, DateOnly today)
    {
        var bag = new DiagnosticBag();
        var model = ContentLoader.Load(contentDir, bag);
        Validate.RecordValidator.Validate(model, bag, today);
        return new CheckResult(model, bag.Sorted());
    }

    public static BuildResult Build(string contentDir, DateOnly today)
    {
        var clock = Stopwatch.StartNew();
        var check = Check(contentDir, today);
        if (check.HasErrors) return new BuildResult(check, null, null, null, clock.Elapsed);
        var analysis = Analyser.Analyse(check.Model);
        var index = IndexRecords(check.Model);
        var site = SiteRenderer.Render(check.Model, analysis, index);
        return new BuildResult(check, site, analysis, index, clock.Elapsed);
    }

    public static SearchIndex IndexRecords(KnowledgeBaseModel model) =>
        SearchIndex.Build(SearchDocuments.From(model), model.Synonyms.Select(g => g.Phrases));
}
