using KnowledgeBase.Generator.Render;

namespace KnowledgeBase.Tests.Render;

public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("*see [a](javascript:alert(1))*")]
    [InlineData("> quoted\n>\n> - item with **[b](javascript:alert(2))**")]
    [InlineData("| a | b |\n|---|---|\n| [c](javascript:alert(3)) | x |")]
    [InlineData("1. one\n2. two [d](vbscript:msgbox(4))")]
    [InlineData("<javascript:alert(5)>")]
    [InlineData("[e][ref]\n\n[ref]: javascript:alert(6)")]
    public void Should_neutralise_unsafe_links_at_any_depth(string markdown)
    {
        var html = H.Render(MarkdownRenderer.Render(markdown));
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"#\"", html);
    }

    [Fact]
    public void Should_keep_safe_links_and_turn_images_into_links()
    {
        var html = H.Render(MarkdownRenderer.Render("**[law](https://pakistancode.gov.pk/x)** and ![map](https://example.org/m.png) and <https://www.ncrc.gov.pk>"));
        Assert.Contains("href=\"https://pakistancode.gov.pk/x\"", html);
        Assert.Contains("href=\"https://example.org/m.png\"", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("href=\"https://www.ncrc.gov.pk\"", html);
    }
}
