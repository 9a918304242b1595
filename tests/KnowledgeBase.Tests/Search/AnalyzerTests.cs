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

public sealed class OnePassAnalysisTests
{
    private static readonly string[] Texts =
    [
        "The child's marriages under s.13 and Article 25-A; section 2(a) and 5(1)(d) of the Ordinance",
        "Trafficking of children: THE Children, the CHILD and a child's guardian's duties",
        "",
        "o'brien U.S.A. 377-B e-mail running runs ran 1,000 rupees (Rs. 500,000) and/or 14 years",
        "Employment of children in brick kilns; employment, employer, employed; children children children",
    ];

    [Fact]
    public void Should_give_each_field_the_terms_the_index_analyzer_gives()
    {
        using var index = new KbAnalyzer();
        using var surface = new KbAnalyzer(surface: true);
        var analysis = new OnePassAnalysis(surface);
        for (var i = 0; i < Texts.Length; i++)
        {
            // Rotate the texts through the fields so every field sees every kind of text.
            var (title, keywords, body) = (Texts[i], Texts[(i + 1) % Texts.Length], Texts[(i + 2) % Texts.Length]);
            var doc = new SearchDocument($"d{i}", "section", title, keywords, body, "/",
                new Dictionary<string, IReadOnlyList<string>>());
            var surfaceDocFreq = new Dictionary<string, int>(StringComparer.Ordinal);
            var similar = analysis.Analyse(doc, surfaceDocFreq);

            Assert.Equal(index.Tokens(title), analysis.Title);
            Assert.Equal(index.Tokens(keywords), analysis.Keywords);
            Assert.Equal(index.Tokens(body), analysis.Body);
            // Surface words: each distinct word of any field counted once for this document.
            var words = new[] { title, keywords, body }.SelectMany(surface.Tokens).Distinct()
                .Order(StringComparer.Ordinal);
            Assert.Equal(words, surfaceDocFreq.Keys.Order(StringComparer.Ordinal));
            Assert.All(surfaceDocFreq.Values, v => Assert.Equal(1, v));
            // MoreLikeThis counts: title and body terms of three letters or more.
            var expected = index.Tokens(title).Concat(index.Tokens(body)).Where(t => t.Length >= 3)
                .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal),
                similar.OrderBy(e => e.Key, StringComparer.Ordinal));
        }
    }
}

public sealed class ExcerptTests
{
    // The definition: every run of white space one space, cut at the last word boundary at or
    // before the length (or at the length when that boundary is within the first 40 characters).
    private static string Oracle(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length) return flat;
        var cut = flat.LastIndexOf(' ', length);
        return flat[..(cut > 40 ? cut : length)] + " …";
    }

    [Fact]
    public void Should_equal_the_definition_on_varied_text()
    {
        var random = new Random(7);
        string[] pieces = ["a", "child", "marriage", "s. 13", "Act,", "\u00A0", " ", "  ", "\t", "\n\n", "\u2003",
            "x" + new string('y', 60), "اردو"];
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 120))
                .Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var length in new[] { 10, 50, 180 })
                Assert.Equal(Oracle(text, length), SearchIndex.Excerpt(text, length));
        }
    }
}

public sealed class CitationRewriteTests
{
    [Fact]
    public void Should_rewrite_as_every_pattern_run_on_every_text_would()
    {
        var rewrites = KbAnalyzer.CitationRewrites
            .Select(r => (Regex: new System.Text.RegularExpressions.Regex(r.Pattern,
                System.Text.RegularExpressions.RegexOptions.CultureInvariant
                | System.Text.RegularExpressions.RegexOptions.IgnoreCase), r.Mode, r.Needs))
            .ToList();
        string Reference(string text)
        {
            foreach (var (regex, mode, _) in rewrites)
                text = regex.Replace(text, m => (mode switch
                {
                    "blank" => "",
                    "join" => m.Value.Replace("-", "", StringComparison.Ordinal),
                    _ => m.Value.Replace('(', '_').Replace(")", "", StringComparison.Ordinal),
                }).PadRight(m.Length));
            return text;
        }
        var random = new Random(3);
        string[] pieces = ["s", "ss", "sec", "Art", "S", ".", " ", "-", "(", ")", "a", "B", "1", "25", "4", "x", "\n"];
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 14))
                .Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(Reference(text), KbAnalyzer.RewriteCitations(text));
            foreach (var (regex, _, needs) in rewrites)
            foreach (System.Text.RegularExpressions.Match m in regex.Matches(text))
                Assert.Contains(needs, m.Value);
        }
    }
}
