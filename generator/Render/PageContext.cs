using KnowledgeBase.Generator.Model;

namespace KnowledgeBase.Generator.Render;

/// <summary>One page being written: knows its own URL so every link it makes is relative to it.</summary>
internal sealed class PageContext(string url, SiteSettings site)
{
    public string Url { get; } = url;
    public SiteSettings Site { get; } = site;

    /// <summary>Links from the 404 page must work at any depth, so they are root-relative.</summary>
    public bool RootRelative { get; init; }

    public string Href(string target) => RootRelative ? "/" + target : SiteUrls.Relative(Url, target);

    public string Absolute(string target) => $"{Site.BaseUrl}/{target}";

    public Element Link(string target, params object?[] parts) => H.Link(Href(target), parts);
}
