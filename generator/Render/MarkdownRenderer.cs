using KnowledgeBase.Generator.Model;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeBase.Generator.Render;

/// <summary>
/// Prose from content rendered by one Markdig pipeline, built once: raw HTML disabled (shown as
/// text), links limited to http(s), relative and fragment targets. Each text is parsed once per
/// build: its HTML (for pages) and plain text (for search and descriptions) are made together and
/// kept with the model the text belongs to (<see cref="KnowledgeBaseModel.ProseMemo"/>), so two
/// builds in one process never share or clear each other's renderings.
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private sealed record Rendered(string Html, string Plain);

    // Keyed by the text object itself, as the model holds it, in the model's memo, so renderings
    // live as long as one build's model. KB: a ConditionalWeakTable did this with a GC handle per
    // text and a lock per insert, which cost contention and longer collections at 10,000 statutes.

    // Renderers are costly to build and hold no state between documents once reset: one per thread.
    [ThreadStatic] private static ReusableRenderer? t_html;
    [ThreadStatic] private static ReusableRenderer? t_plain;

    private sealed class ReusableRenderer(TextWriter writer) : HtmlRenderer(writer)
    {
        /// <summary>The text rendered since the last call; leaves the renderer as new.</summary>
        public string Take()
        {
            Writer.Flush();
            var text = Writer.ToString() ?? "";
            Reset();
            return text;
        }
    }

    public static TrustedHtml Render(KnowledgeBaseModel kb, string markdown) =>
        TrustedHtml.Prose(Get(kb, markdown).Html);

    /// <summary>Plain text of Markdown, for search bodies and meta descriptions.</summary>
    public static string PlainText(KnowledgeBaseModel kb, string markdown) => Get(kb, markdown).Plain;

    private static Rendered Get(KnowledgeBaseModel kb, string markdown) =>
        (Rendered)kb.ProseMemo.GetOrAdd(markdown, static m => Make((string)m));


    private static Rendered Make(string markdown)
    {
        var doc = Markdown.Parse(markdown, Pipeline);
        // As Markdig's ToPlainText renders: no tags, no escaping.
        var plain = Run(t_plain ??= Renderer(r =>
        {
            r.EnableHtmlForBlock = false;
            r.EnableHtmlForInline = false;
            r.EnableHtmlEscape = false;
        }), doc).Trim();
        MakeLinksSafe(doc);
        return new Rendered(Run(t_html ??= Renderer(_ => { }), doc), plain);
    }

    // One walk over blocks and inlines (Markdig's Descendants<T> allocates an iterator and a stack
    // per call, and was most of the Markdown time at 10,000 statutes).
    private static void MakeLinksSafe(ContainerBlock container)
    {
        foreach (var block in container)
        {
            if (block is ContainerBlock inner) MakeLinksSafe(inner);
            else if (block is LeafBlock { Inline: { } inline }) MakeLinksSafe(inline);
        }
    }

    private static void MakeLinksSafe(ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LinkInline link:
                    if (link.Url is { } url && H.SafeHref(url) != url) link.Url = "#";
                    if (link.IsImage) link.IsImage = false; // KB: no remote images from content; show a link instead.
                    break;
                case AutolinkInline auto:
                    if (H.SafeHref(auto.Url) != auto.Url) auto.Url = "#";
                    break;
            }
            if (child is ContainerInline inner) MakeLinksSafe(inner);
        }
    }

    private static ReusableRenderer Renderer(Action<HtmlRenderer> configure)
    {
        var renderer = new ReusableRenderer(new StringWriter());
        configure(renderer);
        Pipeline.Setup(renderer);
        return renderer;
    }

    private static string Run(ReusableRenderer renderer, MarkdownDocument doc)
    {
        renderer.Render(doc);
        return renderer.Take();
    }
}
