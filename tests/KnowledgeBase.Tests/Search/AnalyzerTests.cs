using KnowledgeBase.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class AnalyzerTests
{
    [Theory]
    [InlineData("Section 377A of the PPC", new[] { "section", "377a", "ppc" })]
    [InlineData("s.13 of the Act", new[] { "13", "act" })]
    [InlineData("s. 22 electronic crimes", new[] { "22", "electron", "crime" })]
    [InlineData("Article 25-A", new[] { "articl", "25a" })]
    [InlineData("art.25-A", new[] { "25a" })]
    [InlineData("section 2(a) and 5(1)(d)", new[] { "section", "2_a", "5_1_d" })]
    [InlineData("The child's marriages", new[] { "child", "marriag" })]
    [InlineData("Trafficking of children", new[] { "traffick", "children" })]
    public void Should_produce_exact_terms(string text, string[] expected)
    {
        using var analyzer = new KbAnalyzer();
        Assert.Equal(expected, analyzer.Tokens(text));
    }

    [Fact]
    public void Should_keep_stop_words_and_skip_stemming_in_surface_mode()
    {
        using var analyzer = new KbAnalyzer(surface: true);
        Assert.Equal(["the", "child", "marriages", "of", "377a"], analyzer.Tokens("The child's marriages of s.377A"));
    }
}
