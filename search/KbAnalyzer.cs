using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace KnowledgeBase.Search;

/// <summary>
/// The corpus analyzer: legal-citation normalisation, then Lucene's standard tokenizer, English
/// possessives, lower case, Arabic-script letter normalisation (Lucene's Persian then Arabic
/// normalisers: Urdu and Arabic forms of yeh, kaf and heh made one, diacritics and tatweel dropped,
/// so an Urdu query typed on any keyboard meets the synonym list), English stop words and the
/// Porter stemmer. The same chain without
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
        CitationRewrites.Select(r => (
            new Regex(r.Pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled),
            r.Mode, r.Needs)).ToArray();

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
        stream = new PersianNormalizationFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        // A token of only what the normalisers drop (a lone tatweel or diacritic) would be an empty term.
        stream = new LengthFilter(Version, stream, 1, int.MaxValue);
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

    /// <summary>
    /// What the two normalisers do to each character of the Arabic block (U+0600–U+06FF) that they
    /// change: its replacement, or "" when it is dropped. Exported to the browser, which applies it
    /// character by character, so its words are Lucene's by construction.
    /// </summary>
    public static IReadOnlyList<(char From, string To)> ArabicScriptMap { get; } = BuildArabicScriptMap();

    private static List<(char, string)> BuildArabicScriptMap()
    {
        var persian = new PersianNormalizer();
        var arabic = new ArabicNormalizer();
        var map = new List<(char, string)>();
        var buffer = new char[1];
        for (var c = '\u0600'; c <= '\u06FF'; c++)
        {
            buffer[0] = c;
            var length = arabic.Normalize(buffer, persian.Normalize(buffer, 1));
            var to = new string(buffer, 0, length);
            if (to != c.ToString()) map.Add((c, to));
        }
        return map;
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
