using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
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
    /// Citation rewrites applied before tokenising, in order, each keeping the text's length so
    /// token offsets (and so highlighting) stay exact. Exported to the browser, which applies the
    /// same three modes; the shared fixture test pins that both give the same words.
    /// "blank": the match becomes spaces. "join": hyphens are dropped. "clause": "(" becomes "_", ")" is dropped.
    /// "Needs" is a character every match contains: text without it is not scanned (not exported).
    /// </summary>
    public static readonly IReadOnlyList<(string Pattern, string Mode, char Needs)> CitationRewrites =
    [
        // KB: "s.13", "ss. 4", "sec.22", "art.25-A" → the bare number, so a section is found as written.
        (@"\b(?:ss?|sec|art)\.\s*(?=\d)", "blank", '.'),
        // KB: "25-A", "22-A" → "25A": keep a lettered section whole (the tokenizer splits at '-').
        (@"\b\d+-[A-Za-z]\b", "join", '-'),
        // KB: "2(a)", "5(1)(d)" → "2_a", "5_1_d": one token per sub-clause reference.
        (@"\b\d+[A-Za-z]?(?:\([A-Za-z0-9]{1,4}\))+", "clause", '('),
    ];

    private static readonly (Regex Regex, string Mode, char Needs)[] Compiled =
        CitationRewrites.Select(r => (new Regex(r.Pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled), r.Mode, r.Needs)).ToArray();

    /// <summary>Applies <see cref="CitationRewrites"/>; the result has the same length as the input.</summary>
    public static string RewriteCitations(string text)
    {
        // Every rewrite needs a digit; most running text has none worth rewriting.
        if (!text.AsSpan().ContainsAnyInRange('0', '9')) return text;
        foreach (var (regex, mode, needs) in Compiled)
        {
            if (!text.AsSpan().Contains(needs)) continue;
            text = regex.Replace(text, m =>
            {
                var replaced = mode switch
                {
                    "blank" => "",
                    "join" => m.Value.Replace("-", "", StringComparison.Ordinal),
                    _ => m.Value.Replace('(', '_').Replace(")", "", StringComparison.Ordinal),
                };
                return replaced.PadRight(m.Length);
            });
        }
        return text;
    }

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
        // KB: a length-preserving rewrite instead of PatternReplaceCharFilter, whose offset
        // correction lost replacements here; equal lengths keep highlight offsets exact.
        return new StringReader(RewriteCitations(reader.ReadToEnd() ?? ""));
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
