using System.Globalization;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Search;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Kinds;

/// <summary>
/// Articles: Markdown with YAML front matter (method, governance, policing, glossary). The first of
/// the kinds that predate <see cref="RecordKind"/> to live in one place: its file format, checks,
/// search document, pages and download are all here.
/// </summary>
internal sealed class ArticleKind : RecordKind
{
    public override string Name => "article";
    public override string Folder => "articles";
    public override string Plural => "Articles";
    public override string Lead => "Method, governance overview, policing and glossary.";
    public override string Extension => ".md";

    internal override KindRecord? Read(MappingReader r) =>
        null; // articles are read whole, front matter and body (ReadFile)

    internal override KindRecord? ReadFile(string display, string text, DiagnosticBag bag)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            bag.Error(Codes.FrontMatter, SourceSpan.FileOnly(display), "article does not start with '---' front matter",
                "begin the file with '---', the fields (id, title, summary, checked_on, sources), then '---'");
            return null;
        }
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (end < 0)
        {
            bag.Error(Codes.FrontMatter, SourceSpan.FileOnly(display), "article front matter is not closed",
                "add a line '---' after the fields");
            return null;
        }
        // A blank first line keeps YAML line numbers equal to the file's line numbers.
        var yaml = "\n" + string.Join('\n', lines[1..end]);
        var body = string.Join('\n', lines[(end + 1)..]).Trim('\n');
        return ContentLoader.ReadText(display, yaml, bag, Name, r =>
        {
            var id = r.Id();
            var title = r.String("title", maxLength: 300);
            var summary = r.String("summary", maxLength: 1000);
            var themes = r.StringList("themes");
            var checkedOn = r.Date("checked_on");
            var sources = new List<ArticleSource>();
            foreach (var s in r.MappingList("sources", "source"))
            {
                var t = s.String("title", maxLength: 500);
                var u = s.Url("url");
                s.Finish();
                if (t is not null && u is not null) sources.Add(new ArticleSource(t, u));
            }
            if (id is null || title is null || summary is null || checkedOn is null) return null;
            return (KindRecord)new Article(id, title, summary, themes, checkedOn.Value, sources, body, r.Spans());
        });
    }

    internal override void Validate(KnowledgeBaseModel kb, KindRecord record, Checks check)
    {
        var a = (Article)record;
        check.FileNamed(a);
        foreach (var t in a.Themes) check.Theme(t, a.Spans.At("themes"));
        check.NotFuture(a.CheckedOn, a.Spans.At("checked_on"));
    }

    public override IEnumerable<SearchDocument> Documents(KnowledgeBaseModel kb, KindRecord record)
    {
        var a = (Article)record;
        yield return new SearchDocument($"article:{a.Id}", Name, a.Title, string.Join(' ', a.Themes),
            $"{a.Summary} {RecordKinds.Plain(kb, a.Body)}", Url(a.Id), RecordKinds.Facets(null, a.Themes, null, null));
    }

    public override string Description(KindRecord record) => ((Article)record).Summary;

    public override object Item(PageContext ctx, KnowledgeBaseModel kb, KindRecord record)
    {
        var a = (Article)record;
        return new object[] { ctx.Link(Url(a.Id), C(a.Title)), " — ", C(a.Summary) };
    }

    public override IEnumerable<object?> Body(PageContext ctx, KnowledgeBaseModel kb, KindRecord record) => [];

    /// <summary>An article's page: its prose, its sources and how to cite it.</summary>
    public override byte[] RenderPage(RecordPages r, KindRecord record)
    {
        var kb = r.Kb;
        var a = (Article)record;
        var ctx = r.Ctx(Url(a.Id));
        var body = new List<object?>
        {
            Layout.Breadcrumbs(ctx, (IndexUrl, Plural)),
            E("article",
                E("h1", C(a.Title)),
                E("p", Class("lead"), C(a.Summary)),
                E("div", Class("prose"), MarkdownRenderer.Render(kb, a.Body)),
                a.Sources.Count == 0 ? null : E("section", E("h2", "Sources"),
                    E("ol", a.Sources.Select(s => E("li", Link(s.Url, A("rel", "external noopener"), C(s.Title)),
                        " (", C(Layout.HostOf(s.Url)), ")"))))),
            Layout.CiteBlock(ctx, a.Title, a.CheckedOn, Verification.Secondary,
                a.Sources.FirstOrDefault()?.Url ?? kb.Site.BaseUrl, kb.AsOf),
        };
        var ld = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["headline"] = a.Title,
            ["description"] = a.Summary,
            ["dateModified"] = a.CheckedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return Layout.Page(ctx, a.Title, a.Summary, body, ld, scripts: ["copy.js"]);
    }

    /// <summary>The list of articles, each with its summary.</summary>
    public override byte[] RenderIndex(RecordPages r)
    {
        var kb = r.Kb;
        var ctx = r.Ctx(IndexUrl);
        var body = new List<object?>
        {
            E("h1", Plural),
            E("ul", In(kb).Select(r => E("li", Item(ctx, kb, r)))),
        };
        return Layout.Page(ctx, Plural, Lead, body);
    }

    public override IEnumerable<Target> Targets(KnowledgeBaseModel kb, KindRecord record) => [];

    public override Element? SectionOn(PageContext ctx, KnowledgeBaseModel kb, Target target,
        IReadOnlyList<KindRecord> naming) => null;

    public override (DataFile File, Func<KnowledgeBaseModel, IEnumerable<IReadOnlyList<string?>>> Rows)
        Export { get; } = (
        new DataFile("articles.csv", "One row per article.",
        [
            new("id", "Article id (articles/<id>/)."), new("title", "Title."), new("summary", "One-sentence summary."),
            new("themes", "Theme ids, ';'-separated."),
            new("checked_on", "Date its sources were last checked.", "date"),
            new("source_count", "How many sources it lists.", "integer"),
        ]),
        kb => RecordKinds.Articles.In(kb).Cast<Article>().Select(a => (IReadOnlyList<string?>)
        [
            a.Id, a.Title, a.Summary, string.Join(';', a.Themes),
            a.CheckedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            a.Sources.Count.ToString(CultureInfo.InvariantCulture),
        ]));
}
