using KnowledgeBase.Generator.Model;
using System.Text;
using System.Text.Json;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

internal static class Layout
{
    private static readonly (string Url, string Label)[] Nav =
    [
        (SiteUrls.Compare, "Compare"),
        (SiteUrls.Findings, "Findings"),
        (SiteUrls.Topics, "Topics"),
        (SiteUrls.Jurisdictions, "Jurisdictions"),
        (SiteUrls.Statutes, "Statutes"),
        (SiteUrls.Institutions, "Bodies"),
        .. Kinds.RecordKinds.All.Select(k => (k.IndexUrl, k.Plural)),
        (SiteUrls.Data, "Data"),
        (SiteUrls.Changes, "Changes"),
        (SiteUrls.Search, "Search"),
    ];

    /// <summary>
    /// A complete HTML document. <paramref name="jsonLd"/> is serialised with &lt; escaped, so content cannot close
    /// the script.
    /// </summary>
    public static byte[] Page(PageContext ctx, string title, string description, IEnumerable<object?> body,
        object? jsonLd = null, IEnumerable<string>? scripts = null)
    {
        var ur = ctx.Lang == Lang.Ur;
        // The title element holds text only: a record's title in it stays as it is, without isolation.
        object[] fullTitle = ctx.Url.Length == 0
            ? [new LenientText(ctx.Site.Title)]
            : [new LenientText(title), " — ", new LenientText(ctx.Site.Title)];
        var head = E("head",
            E("meta", A("charset", "utf-8")),
            E("meta", A("name", "viewport"), A("content", "width=device-width, initial-scale=1")),
            E("title", fullTitle),
            E("meta", A("name", "description"), A("content", Shorten(description, 300))),
            E("link", A("rel", "stylesheet"), A("href", ctx.Href(HashedAssets.PathOf("site.css")))),
            E("link", A("rel", "icon"), A("type", "image/svg+xml"),
                A("href", ctx.Href(HashedAssets.PathOf("favicon.svg")))),
            ctx.RootRelative ? null : E("link", A("rel", "canonical"), A("href", ctx.Absolute(ctx.Url))),
            ctx.RootRelative || !ctx.Bilingual ? null : new object[]
            {
                E("link", A("rel", "alternate"), A("hreflang", "en"), A("href", Absolute(ctx, Lang.En))),
                E("link", A("rel", "alternate"), A("hreflang", "ur"), A("href", Absolute(ctx, Lang.Ur))),
                E("link", A("rel", "alternate"), A("hreflang", "x-default"), A("href", Absolute(ctx, Lang.En))),
            },
            E("link", A("rel", "search"), A("href", ctx.Href(SiteUrls.Search)), A("title", "Search")),
            jsonLd is null
                ? null
                : E("script", A("type", "application/ld+json"), TrustedHtml.FromRenderer(JsonLd(jsonLd))),
            (ctx.Bilingual ? (scripts ?? []).Append("lang.js") : scripts ?? [])
                .Select(s => E("script", A("src", ctx.Href(HashedAssets.PathOf(s))), Flag("defer"))));

        var header = E("header", Class("site-header"),
            E("a", Class("skip"), A("href", "#main"), "Skip to content"),
            E("div", Class("brand"), ctx.Link(SiteUrls.Home, ctx.Site.Title)),
            LanguageSwitch(ctx),
            E("nav", A("aria-label", "Main"),
                E("ul", Nav.Select(n => E("li",
                    ctx.Link(n.Url, n.Url == ctx.Url ? A("aria-current", "page") : null, n.Label))))));

        var footer = E("footer", Class("site-footer"),
            E("p", "Every answer cites its statute, section and source, with the date it was last checked. ",
                "A cell marked ", E("em", "not yet researched"), " is a gap in our data, not in the law. ",
                ctx.Link(SiteUrls.Article("methodology"), "How we work"), ". ",
                ctx.Link(SiteUrls.Data, "Download the data"), "."),
            E("p", "This is a research aid, not legal advice: read the official text before relying on it."),
            ctx.Bilingual
                ? E("p", ctx.Link(SiteUrls.Glossary, "Glossary of legal terms"), " · ",
                    ctx.Link(SiteUrls.Translation, "Translation status"))
                : null);

        var html = E("html", A("lang", ur ? "ur" : "en"), ur ? A("dir", "rtl") : null, head,
            E("body", header, E("main", A("id", "main"), body), footer));
        var sb = t_page ??= new StringBuilder(PageChars);
        sb.Clear();
        sb.Append("<!DOCTYPE html>\n");
        html.Write(sb, ctx.Writing);
        sb.Append('\n');
        var bytes = Utf8(sb);
        if (sb.Capacity > PageChars * 2)
        {
            // One huge page does not pin its buffer to the thread.
            sb.Clear();
            sb.Capacity = PageChars;
        }
        return bytes;
    }

    private static string Absolute(PageContext ctx, Lang lang) => $"{ctx.Site.BaseUrl}/{PageContext.In(lang, ctx.Url)}";

    /// <summary>
    /// The link to the same page in the other language. lang.js carries the reader's place (a search, an
    /// answer's anchor) across; without it the link still opens the same page.
    /// </summary>
    private static Element? LanguageSwitch(PageContext ctx)
    {
        if (!ctx.Bilingual) return null;
        return ctx.Lang == Lang.Ur
            ? E("a", Class("lang-switch"), A("href", ctx.HrefIn(Lang.En)), A("hreflang", "en"), A("lang", "en"),
                A("dir", "ltr"), A("data-keep-place", ""), C("English"))
            : E("a", Class("lang-switch"), A("href", ctx.HrefIn(Lang.Ur)), A("hreflang", "ur"), A("lang", "ur"),
                A("dir", "rtl"), A("data-keep-place", ""), "اردو");
    }

    // One builder per rendering thread, sized for most pages (kept under the large-object
    // threshold), and the page encoded straight from it: no page-sized string per page.
    private const int PageChars = 32 * 1024;
    [ThreadStatic] private static StringBuilder? t_page;

    /// <summary>UTF-8 bytes of a builder's text, a surrogate pair split across chunks encoded whole.</summary>
    internal static byte[] Utf8(StringBuilder sb)
    {
        // At most three bytes per UTF-16 unit; the encoder carries a high surrogate over a chunk end.
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, sb.Length * 3));
        try
        {
            var at = 0;
            foreach (var chunk in sb.GetChunks()) at += encoder.GetBytes(chunk.Span, buffer.AsSpan(at), flush: false);
            at += encoder.GetBytes(ReadOnlySpan<char>.Empty, buffer.AsSpan(at), flush: true);
            return buffer.AsSpan(0, at).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // One options instance for every page: System.Text.Json caches its serializers per instance.
    private static readonly JsonSerializerOptions JsonLdOptions = new() { WriteIndented = false };

    private static string JsonLd(object value) =>
        // The default encoder escapes <, > and &, so "</script>" in content cannot end the element.
        JsonSerializer.Serialize(value, JsonLdOptions);

    public static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }

    /// <summary>"Last checked" and "How to cite" block shown on every record page.</summary>
    public static Element CiteBlock(PageContext ctx, string title, DateOnly checkedOn, Verification verification,
        string sourceUrl, DateOnly asOf)
    {
        var url = ctx.Absolute(ctx.Url);
        return E("aside", Class("cite"), A("aria-label", "Provenance and citation"),
            ReportLink(ctx, title, url),
            E("p", E("strong", "Last checked: "), E("time", A("datetime", checkedOn.ToString("yyyy-MM-dd")),
                    ctx.Date(checkedOn)),
                " · ", E("strong", "Verification: "), Badges.Verification(verification),
                " · ", E("strong", "Source: "), Link(sourceUrl, A("rel", "external noopener"), C(HostOf(sourceUrl)))),
            E("p", E("strong", "How to cite: "),
                E("cite", A("data-cite", ""), C(Citations.Plain(ctx.Site.Title, title, url, asOf)))),
            E("details", Class("cite-formats"),
                E("summary", "Cite in BibTeX or CSL-JSON"),
                E("p", E("strong", C("BibTeX"))),
                E("pre", A("data-cite", ""), C(Citations.BibTeX(Citations.Key(ctx.Url.Length == 0 ? "home" : ctx.Url),
                    ctx.Site.Title, title, url, asOf))),
                E("p", E("strong", C("CSL-JSON")), " (", C("Zotero, Pandoc, citeproc"), ")"),
                E("pre", A("data-cite", ""), C(Citations.CslJson(Citations.Key(ctx.Url.Length == 0 ? "home" : ctx.Url),
                    ctx.Site.Title, title, url, asOf)))));
    }

    /// <summary>
    /// "Report an error": the repository's issue form and/or a mailto: link, prefilled with the record,
    /// the cell where there is one, and the page's address; every part percent-encoded, so nothing in
    /// a title can add parameters or markup. Null when content/site.yaml configures neither.
    /// </summary>
    public static Element? ReportLink(PageContext ctx, string what, string url)
    {
        var (form, email) = (ctx.Site.ReportIssueForm, ctx.Site.ReportEmail);
        if (form is null && email is null) return null;
        var title = $"Error in: {what}";
        var body = $"Page: {url}\nRecord: {what}\n\n" +
            $"What is wrong, and the source (address, section or page) that shows it:\n";
        string Q(string s) => Uri.EscapeDataString(s);
        return E("p", Class("report"),
            E("strong", "Spotted an error? "),
            form is null
                ? null
                : Link($"{form}{(form.Contains('?') ? '&' : '?')}title={Q(title)}&body={Q(body)}",
                    A("rel", "external noopener"), "Report it"),
            form is not null && email is not null ? " or " : null,
            email is null
                ? null
                : Link($"mailto:{email}?subject={Q(title)}&body={Q(body)}",
                    form is null ? "Report it by e-mail" : "e-mail the corrections desk"),
            ". Every report is checked against the source; a correction shows in the record's history.");
    }

    public static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : url;

    public static Element Breadcrumbs(PageContext ctx, params (string Url, string Label)[] trail) =>
        E("nav", Class("crumbs"), A("aria-label", "Breadcrumb"),
            E("ol", E("li", ctx.Link(SiteUrls.Home, "Home")), trail.Select(t => E("li", ctx.Link(t.Url, t.Label)))));

    public static Element DefinitionList(params (string Term, object? Value)[] rows) =>
        E("dl", Class("facts"), rows.Where(r => r.Value is not null)
            .Select(r => new object[] { E("dt", r.Term), E("dd", r.Value) }));

}
