using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// Prose from content rendered by one Markdig pipeline, built once: raw HTML disabled (shown as
/// text), links limited to http(s), relative and fragment targets.
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    public static TrustedHtml Render(string markdown)
    {
        var doc = Markdown.Parse(markdown, Pipeline);
        foreach (var link in doc.Descendants<LinkInline>())
        {
            if (link.Url is { } url && H.SafeHref(url) != url) link.Url = "#";
            if (link.IsImage) link.IsImage = false; // KB: no remote images from content; show a link instead.
        }
        foreach (var auto in doc.Descendants<AutolinkInline>())
            if (H.SafeHref(auto.Url) != auto.Url) auto.Url = "#";
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        writer.Flush();
        return TrustedHtml.FromRenderer(writer.ToString());
    }

    /// <summary>Plain text of Markdown, for search bodies and meta descriptions.</summary>
    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();
}
