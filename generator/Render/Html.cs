using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// A small typed HTML tree. Text and attribute values are always encoded when written; the only
/// way to emit markup verbatim is <see cref="TrustedHtml"/>, which only the Markdown renderer (raw
/// HTML disabled) creates. So no content string can become markup by accident.
/// </summary>
internal abstract class Node
{
    /// <summary>
    /// The one encoder for text and attributes. KB: all Unicode ranges allowed, so Urdu names,
    /// curly quotes and dashes stay readable characters; markup characters are still encoded.
    /// </summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Writes the node as it reads in English.</summary>
    public void WriteTo(StringBuilder sb) => Write(sb, Writing.AsIs);

    /// <summary>Writes the node; <paramref name="w"/> says whether its interface text is translated.</summary>
    public abstract void Write(StringBuilder sb, Writing w);

    public static implicit operator Node(string text) => new TextNode(text);
}

/// <summary>
/// How a page's text is written: as is, or with its interface text translated (an Urdu page) and its
/// English content marked as English. One per page; never shared between pages.
/// </summary>
internal sealed class Writing(Func<string, bool, string?>? translate)
{
    public static Writing AsIs { get; } = new(null);

    /// <summary>True when interface text is translated and English content must be marked.</summary>
    public bool Translates => translate is not null;

    /// <summary>
    /// Interface text in the page's language; when <paramref name="strict"/>, text with no entry is recorded.
    /// </summary>
    public string Text(string text, bool strict = true) => translate is null ? text : translate(text, strict) ?? text;
}

internal sealed class TextNode(string text) : Node
{
    public override void Write(StringBuilder sb, Writing w) => sb.Append(Encoder.Encode(w.Text(text)));
}

/// <summary>
/// Text from a record (a title, a name, a heading): never translated. On a page in another language,
/// English content is isolated and marked as English, so it reads left to right and is spoken as
/// English.
/// </summary>
internal sealed class ContentText(string text) : Node
{
    public override void Write(StringBuilder sb, Writing w)
    {
        if (!w.Translates || !Localizer.NeedsTranslation(text))
        {
            sb.Append(Encoder.Encode(text));
            return;
        }
        sb.Append("<bdi lang=\"en\">").Append(Encoder.Encode(text)).Append("</bdi>");
    }
}

/// <summary>Interface text that may also be content (a page's title element): translated when it can be.</summary>
internal sealed class LenientText(string text) : Node
{
    public override void Write(StringBuilder sb, Writing w) => sb.Append(Encoder.Encode(w.Text(text, strict: false)));
}

internal sealed class TrustedHtml : Node
{
    private readonly string _html;
    private readonly bool _prose;

    private TrustedHtml(string html, bool prose)
    {
        _html = html;
        _prose = prose;
    }

    /// <summary>Only for output of <see cref="MarkdownRenderer"/> and fixed markup written in this assembly.</summary>
    internal static TrustedHtml FromRenderer(string html) => new(html, prose: false);

    /// <summary>
    /// A record's prose, rendered from Markdown. It is written in English; on a page in another language
    /// it is marked as English and labelled as not translated.
    /// </summary>
    internal static TrustedHtml Prose(string html) => new(html, prose: true);

    public override void Write(StringBuilder sb, Writing w)
    {
        if (!_prose || !w.Translates || _html.Length == 0)
        {
            sb.Append(_html);
            return;
        }
        sb.Append("<div class=\"in-english\" lang=\"en\" dir=\"ltr\"><p class=\"lang-note\" lang=\"ur\" dir=\"rtl\">")
            .Append(Encoder.Encode(w.Text("Not yet translated; shown in English.")))
            .Append("</p>").Append(_html).Append("</div>");
    }
}

/// <summary>An attribute; <see cref="Content"/> marks a value taken from a record, which is never translated.</summary>
internal sealed record Attr(string Name, string? Value, bool Content = false)
{
    /// <summary>Attributes a reader hears or sees, translated with the page's interface text.</summary>
    public bool Readable => !Content && Name is "aria-label" or "title" or "placeholder" or "alt" or "data-label";
}

internal sealed class Element : Node
{
    private static readonly HashSet<string> Void = ["meta", "link", "br", "hr", "img", "input"];
    private readonly string _tag;
    // Made on first use: many elements have no attributes, and void elements no children.
    private List<Attr>? _attrs;
    private List<Node>? _children;

    public Element(string tag, IEnumerable<object?> parts)
    {
        _tag = tag;
        foreach (var part in parts) Add(part);
    }

    private void Add(object? part)
    {
        switch (part)
        {
            case null:
                break;
            case Attr a:
                (_attrs ??= new List<Attr>(4)).Add(a);
                break;
            case Node n:
                (_children ??= []).Add(n);
                break;
            case string s:
                (_children ??= []).Add(new TextNode(s));
                break;
            case IEnumerable<object?> many:
                foreach (var p in many) Add(p);
                break;
            default:
                throw new ArgumentException($"cannot put a {part.GetType().Name} in <{_tag}>");
        }
    }

    public override void Write(StringBuilder sb, Writing w)
    {
        sb.Append('<').Append(_tag);
        foreach (var a in _attrs ?? [])
        {
            if (a.Value is null) continue;
            sb.Append(' ').Append(a.Name);
            if (a.Value.Length > 0 || a.Name.StartsWith("data-", StringComparison.Ordinal)
                || a.Name is "alt" or "value" or "content")
            {
                var value = a.Readable ? w.Text(a.Value)
                    : a.Name == "content" && !a.Content ? w.Text(a.Value, strict: false)
                    : a.Value;
                sb.Append("=\"").Append(Encoder.Encode(value)).Append('"');
            }
        }
        sb.Append('>');
        if (Void.Contains(_tag)) return;
        foreach (var c in _children ?? []) c.Write(sb, w);
        sb.Append("</").Append(_tag).Append('>');
    }
}

/// <summary>Element constructors: <c>H.E("p", H.A("class", "x"), "text")</c>.</summary>
internal static class H
{
    public static Element E(string tag, params object?[] parts) => new(tag, parts);

    public static Attr A(string name, string? value) => new(name, value);

    /// <summary>An attribute whose value comes from a record: never translated.</summary>
    public static Attr AC(string name, string? value) => new(name, value, Content: true);

    /// <summary>Text from a record (title, name, heading): never translated; marked as English on Urdu pages.</summary>
    public static ContentText C(string text) => new(text);

    /// <summary>A table inside a keyboard-scrollable region, so wide tables never widen the page.</summary>
    public static Element ScrollTable(string label, params object?[] parts) =>
        E("div", Class("table-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-label", label),
            E("table", parts));

    /// <summary>A boolean attribute (present with no value).</summary>
    public static Attr Flag(string name, bool on = true) => new(name, on ? "" : null);

    public static Attr Class(string? value) => new("class", value);

    public static Element Link(string href, params object?[] parts) => E("a", [A("href", SafeHref(href)), .. parts]);

    /// <summary>Only http(s), relative and fragment links; anything else (javascript:, data:) becomes "#".</summary>
    public static string SafeHref(string href)
    {
        if (href.StartsWith('#') || href.StartsWith("../", StringComparison.Ordinal)
            || href.StartsWith("./", StringComparison.Ordinal)) return href;
        // A root-relative path (the 404 pages' links); on Unix .NET would read it as a file: URI.
        if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.Contains(':'))
            return href;

        if (Uri.TryCreate(href, UriKind.Absolute, out var uri))
            return uri.Scheme is "http" or "https" or "mailto" ? href : "#";
        return href.Contains(':', StringComparison.Ordinal) ? "#" : href;
    }

    public static string Render(Node node)
    {
        var sb = new StringBuilder();
        node.WriteTo(sb);
        return sb.ToString();
    }
}
