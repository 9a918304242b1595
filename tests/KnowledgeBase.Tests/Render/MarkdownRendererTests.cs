using KnowledgeBase.Generator.Render;

namespace KnowledgeBase.Tests.Render;

public sealed class MarkdownRendererTests
{
    private static readonly KnowledgeBase.Generator.Model.KnowledgeBaseModel Kb =
        new(new KnowledgeBase.Generator.Model.SiteSettings("t", "https://example.org", ""), [], [], [], [], [], [], []);

    [Fact]
    public void Should_keep_renderings_with_their_model_so_two_builds_share_nothing()
    {
        const string text = "Some *prose*.";
        MarkdownRenderer.Render(Kb, text);
        Assert.Contains(text, Kb.ProseMemo.Keys);
        Assert.DoesNotContain(text,
            new KnowledgeBase.Generator.Model.KnowledgeBaseModel(Kb.Site, [], [], [], [], [], [], []).ProseMemo.Keys);
    }

    [Theory]
    [InlineData("*see [a](javascript:alert(1))*")]
    [InlineData("> quoted\n>\n> - item with **[b](javascript:alert(2))**")]
    [InlineData("| a | b |\n|---|---|\n| [c](javascript:alert(3)) | x |")]
    [InlineData("1. one\n2. two [d](vbscript:msgbox(4))")]
    [InlineData("<javascript:alert(5)>")]
    [InlineData("[e][ref]\n\n[ref]: javascript:alert(6)")]
    public void Should_neutralise_unsafe_links_at_any_depth(string markdown)
    {
        var html = H.Render(MarkdownRenderer.Render(Kb, markdown));
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"#\"", html);
    }

    [Fact]
    public void Should_keep_safe_links_and_turn_images_into_links()
    {
        var html = H.Render(MarkdownRenderer.Render(Kb, "**[law](https://pakistancode.gov.pk/x)** and " +
            "![map](https://example.org/m.png) and <https://www.ncrc.gov.pk>"));
        Assert.Contains("href=\"https://pakistancode.gov.pk/x\"", html);
        Assert.Contains("href=\"https://example.org/m.png\"", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("href=\"https://www.ncrc.gov.pk\"", html);
    }
}

public sealed class PageEncodingTests
{
    [Fact]
    public void Should_encode_a_builder_as_its_text_even_when_a_surrogate_pair_spans_chunks()
    {
        var straddled = 0;
        for (var capacity = 1; capacity < 40; capacity++)
        {
            // Small first chunks make the builder split the text at many different places.
            var sb = new System.Text.StringBuilder(capacity);
            foreach (var piece in new[] { "ab", "😀", "c", "اردو ‘quote’", "𝄞𝄞", "end",
                new string('x', 20), "😀😀" }) sb.Append(piece);
            foreach (var chunk in sb.GetChunks())
                if (chunk.Length > 0 && char.IsHighSurrogate(chunk.Span[^1])) straddled++;
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(sb.ToString()), Layout.Utf8(sb));
        }
        Assert.True(straddled > 0, "no surrogate pair was split across chunks");
    }
}
