using System.Globalization;
using KnowledgeBase.Generator.Model;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// The pages about the Urdu edition: the glossary of legal terms it follows, and how much of its
/// text an Urdu-speaking legal editor has reviewed.
/// </summary>
internal sealed class I18nPages(RecordPages records)
{
    private KnowledgeBaseModel Kb => records.Kb;

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>The glossary: each legal term in English and Urdu, with the sources its Urdu was read in.</summary>
    public byte[] Glossary()
    {
        var ctx = records.Ctx(SiteUrls.Glossary);
        var terms = Kb.Translations.Glossary;
        var body = new List<object?>
        {
            E("h1", "Glossary of legal terms"),
            E("p", Class("lead"), "The Urdu pages write these legal terms this way. " +
                "Each Urdu term was read in the sources listed with it."),
            E("p", $"{N(terms.Count(t => t.Reviewed))} of {N(terms.Count)} terms reviewed by an " +
                "Urdu-speaking legal editor."),
            ScrollTable("Glossary", Class("data glossary"),
                E("caption", "Legal terms in English and Urdu"),
                E("thead", E("tr", E("th", A("scope", "col"), "English"), E("th", A("scope", "col"), "Urdu"),
                    E("th", A("scope", "col"), "Read in"), E("th", A("scope", "col"), "Reviewed"))),
                E("tbody", terms.Select(t => E("tr",
                    E("th", A("scope", "row"), A("lang", "en"), A("dir", "ltr"), C(t.En)),
                    E("td", A("lang", "ur"), A("dir", "rtl"), t.Ur),
                    E("td", Sources(t.Sources), t.Note is null ? null : E("p", Class("note"), C(t.Note))),
                    E("td", t.Reviewed ? "yes" : "not yet"))))),
        };
        return Layout.Page(ctx, "Glossary of legal terms",
            "The English and Urdu legal terms the site uses, each with the sources its Urdu was read in.", body);
    }

    /// <summary>How much of the Urdu edition is reviewed: interface strings by file, glossary terms, titles.</summary>
    public byte[] Status()
    {
        var ctx = records.Ctx(SiteUrls.Translation);
        var t = Kb.Translations;
        var byFile = t.Strings.GroupBy(s => Path.GetFileNameWithoutExtension(s.Spans.Record.File))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var titles = t.StatuteTitles.Concat(t.BodyNames).ToList();
        var body = new List<object?>
        {
            E("h1", "Translation status"),
            E("p", Class("lead"), "Every Urdu string records whether an Urdu-speaking legal editor has reviewed it. " +
                "Until then it is a working translation."),
            ScrollTable("Interface strings", Class("data"),
                E("caption", "Interface strings, by part of the site"),
                E("thead", E("tr", E("th", A("scope", "col"), "Part"), E("th", A("scope", "col"), "Strings"),
                    E("th", A("scope", "col"), "Reviewed"), E("th", A("scope", "col"), "Not yet reviewed"))),
                E("tbody", byFile.Select(g => E("tr",
                        E("th", A("scope", "row"), C(g.Key)), E("td", N(g.Count())),
                        E("td", N(g.Count(s => s.Reviewed))), E("td", N(g.Count(s => !s.Reviewed))))),
                    E("tr", E("th", A("scope", "row"), "All"), E("td", N(t.Strings.Count)),
                        E("td", N(t.Strings.Count(s => s.Reviewed))), E("td", N(t.Strings.Count(s => !s.Reviewed)))))),
            E("p", $"Glossary terms: {N(t.Glossary.Count(g => g.Reviewed))} of {N(t.Glossary.Count)} reviewed.", " ",
                ctx.Link(SiteUrls.Glossary, "The glossary")),
            E("h2", "Urdu titles of statutes and names of bodies"),
            E("p", $"{N(titles.Count(x => x.Official))} of {N(titles.Count)} read in an official text; " +
                "the rest are renderings the pages mark as unofficial."),
            E("ul", titles.Select(x => E("li",
                E("span", A("lang", "ur"), A("dir", "rtl"), x.Title), " — ",
                x.Official ? "official" : "unofficial", ", ", x.Reviewed ? "reviewed" : "not yet reviewed", " (",
                ctx.Link(Kb.Statute(x.Id) is not null ? SiteUrls.Statute(x.Id) : SiteUrls.Institution(x.Id),
                    C(Kb.Statute(x.Id)?.Title ?? Kb.Institution(x.Id)?.Name ?? x.Id)), ")"))),
        };
        return Layout.Page(ctx, "Translation status",
            "How much of the Urdu edition an Urdu-speaking legal editor has reviewed.", body);
    }

    private static object Sources(IReadOnlyList<Source> sources) =>
        E("ul", Class("sources"), sources.Select(s => E("li",
            Link(s.Url, A("rel", "external noopener"), C(s.Title ?? Layout.HostOf(s.Url))),
            " (", s.Kind.Replace('-', ' '), ", ", s.ReadOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ")")));
}
