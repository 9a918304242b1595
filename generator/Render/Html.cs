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

    public abstract void WriteTo(StringBuilder sb);

    public static implicit operator Node(string text) => new TextNode(text);
}

internal sealed class TextNode(string text) : Node
{
    public override void WriteTo(StringBuilder sb) => sb.Append(Encoder.Encode(text));
}

internal sealed class TrustedHtml : Node
{
    private readonly string _html;

    private TrustedHtml(string html) => _html = html;

    /// <summary>Only for output of <see cref="MarkdownRenderer"/> and fixed markup written in this assembly.</summary>
    internal static TrustedHtml FromRenderer(string html) => new(html);

    public override void WriteTo(StringBuilder sb) => sb.Append(_html);
}

internal sealed record Attr(string Name, string? Value);

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

    public override void WriteTo(StringBuilder sb)
    {
        sb.Append('<').Append(_tag);
        foreach (var a in _attrs ?? [])
        {
            if (a.Value is null) continue;
            sb.Append(' ').Append(a.Name);
            if (a.Value.Length > 0 || a.Name.StartsWith("data-", StringComparison.Ordinal)
                || a.Name is "alt" or "value" or "content")
                sb.Append("=\"").Append(Encoder.Encode(a.Value)).Append('"');
        }
        sb.Append('>');
        if (Void.Contains(_tag)) return;
        foreach (var c in _children ?? []) c.WriteTo(sb);
        sb.Append("</").Append(_tag).Append('>');
    }
}

/// <summary>Element constructors: <c>H.E("p", H.A("class", "x"), "text")</c>.</summary>
internal static class H
{
    public static Element E(string tag, params object?[] parts) => new(tag, parts);

    public static Attr A(string name, string? value) => new(name, value);

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
