using System.Globalization;
using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// One page being written: knows its own URL so every link it makes is relative to it, and its
/// language. An Urdu page has the same URL under ur/; links between pages stay the same relative
/// paths (both ends move under ur/), while links to shared files (styles, scripts, downloads) climb
/// one folder more.
/// </summary>
internal sealed class PageContext(string url, SiteSettings site)
{
    /// <summary>The page's address in English, the same for both languages (links and anchors use it).</summary>
    public string Url { get; } = url;
    public SiteSettings Site { get; } = site;

    public Lang Lang { get; init; } = Lang.En;

    /// <summary>True when the site is built in both languages: pages link to their other-language version.</summary>
    public bool Bilingual { get; init; }

    /// <summary>Translates an Urdu page's interface text as it is written; null on an English page.</summary>
    public Localizer? Localizer { get; init; }

    /// <summary>Links from the 404 page must work at any depth, so they are root-relative.</summary>
    public bool RootRelative { get; init; }

    /// <summary>Where this page is written: under ur/ for Urdu.</summary>
    public string OutputUrl => In(Lang, Url);

    /// <summary>A page address in a language: English at the root, Urdu under ur/.</summary>
    public static string In(Lang lang, string url) => lang == Lang.Ur ? "ur/" + url : url;

    public string Href(string target)
    {
        if (RootRelative) return "/" + (IsPage(target) ? In(Lang, target) : target);
        return IsPage(target) ? SiteUrls.Relative(Url, target) : SiteUrls.Relative(OutputUrl, target);
    }

    /// <summary>The same page in <paramref name="lang"/>: the language switch's target.</summary>
    public string HrefIn(Lang lang) => RootRelative ? "/" + In(lang, Url) : SiteUrls.Relative(OutputUrl, In(lang, Url));

    public string Absolute(string target) => $"{Site.BaseUrl}/{(IsPage(target) ? In(Lang, target) : target)}";

    public Element Link(string target, params object?[] parts) => H.Link(Href(target), parts);

    /// <summary>A page (a folder address, with or without an anchor), as against a file such as a style.</summary>
    private static bool IsPage(string target)
    {
        var path = target.Split('#', '?')[0];
        return path.Length == 0 || path.EndsWith('/') || path == "404.html";
    }

    /// <summary>How the page's text is written: translated for Urdu, as is for English.</summary>
    public Writing Writing => Localizer is null || Lang == Lang.En
        ? Writing.AsIs
        : new Writing((text, strict) => Localizer.Translate(text, OutputUrl, strict));

    /// <summary>A day as a reader of the page's language writes it: "7 December 2026", "7 دسمبر 2026".</summary>
    public string Date(DateOnly date) => Lang == Lang.Ur
        ? string.Create(CultureInfo.InvariantCulture, $"{date.Day} {UrduMonths[date.Month - 1]} {date.Year}")
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    // KB: the months as Urdu writes them, fixed here rather than read from the machine's locale data, so
    // the same content builds the same bytes everywhere.
    private static readonly string[] UrduMonths =
        ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"];
}
