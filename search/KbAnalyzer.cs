using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace KnowledgeBase.Search;

/// <summary>
/// The corpus analyzer: legal-citation normalisation, then Lucene's standard tokenizer, English
/// possessives, lower case, English stop words and the Porter stemmer. The same chain without
/// stop words and stemming gives "surface" words, which spelling correction works on.
/// </summary>
public sealed class KbAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Rewrites applied before tokenising, in order. Exported to the browser verbatim so that it
    /// normalises a query exactly as Lucene does (the shared fixture pins this).
    /// </summary>
    public static readonly IReadOnlyList<(string Pattern, string Replacement)> CitationRewrites =
    [
        // KB: "s.13", "ss. 4", "sec.22", "art.25-A" → the bare number, so a section is found as written.
        (@"\b(?:ss?|sec|art)\.\s*(?=\d)", ""),
        // KB: "25-A", "22-A" → "25a": keep a lettered section whole (StandardTokenizer splits at '-').
        (@"\b(\d+)-([A-Za-z])\b", "$1$2"),
        // KB: "2(a)", "5(1)(a)" → "2_a", "5_1_a": one token per sub-clause reference.
        (@"\b(\d+[A-Za-z0-9_]*)\(([A-Za-z0-9]{1,4})\)", "$1_$2"),
        (@"\b(\d+[A-Za-z0-9_]*)\(([A-Za-z0-9]{1,4})\)", "$1_$2"),
    ];

    private readonly bool _surface;

    /// <summary>Creates the analyzer; <paramref name="surface"/> keeps stop words and skips stemming.</summary>
    public KbAnalyzer(bool surface = false) => _surface = surface;

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        if (!_surface)
        {
            stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
            stream = new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <inheritdoc />
    protected override TextReader InitReader(string fieldName, TextReader reader)
    {
        foreach (var (pattern, replacement) in CitationRewrites)
            reader = new PatternReplaceCharFilter(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), replacement, reader);
        return reader;
    }

    /// <summary>The tokens this analyzer produces for <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Tokens(string text)
    {
        var list = new List<string>();
        using var stream = GetTokenStream("body", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) list.Add(term.ToString());
        stream.End();
        return list;
    }
}
