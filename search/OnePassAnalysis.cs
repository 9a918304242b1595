using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search;

/// <summary>
/// One indexing thread's analysis of a document, done once for everything the index needs: the
/// surface words (for the spelling vocabulary), the index terms (fed to Lucene pre-analysed) and
/// the title and body term counts (for MoreLikeThis). The index chain is the surface chain
/// followed by two per-word filters (English stop words, then Porter), so each distinct surface
/// word's index term is worked out once, through those same two Lucene filters, and remembered.
/// </summary>
internal sealed class OnePassAnalysis
{
    private readonly KbAnalyzer _surface;
    private readonly StemAnalyzer _stemmer = new();
    private readonly Dictionary<string, Word> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _similarity = new(StringComparer.Ordinal);

    /// <summary>A surface word and its index term (null for a stop word).</summary>
    private sealed record Word(string Surface, string? Term);

    public OnePassAnalysis(KbAnalyzer surface)
    {
        _surface = surface;
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Index terms of the title, keywords and body of the last analysed document.</summary>
    public List<string> Title { get; } = [];
    public List<string> Keywords { get; } = [];
    public List<string> Body { get; } = [];

    /// <summary>
    /// Analyses <paramref name="d"/>: fills <see cref="Title"/>, <see cref="Keywords"/> and
    /// <see cref="Body"/>, counts each distinct surface word once into <paramref name="surfaceDocFreq"/>,
    /// and returns the title and body terms of three letters or more with their counts.
    /// </summary>
    public KeyValuePair<string, int>[] Analyse(SearchDocument d, Dictionary<string, int> surfaceDocFreq)
    {
        _seen.Clear();
        Field(d.Title, Title);
        Field(d.Keywords, Keywords);
        Field(d.Body, Body);
        foreach (var w in _seen) surfaceDocFreq[w] = surfaceDocFreq.GetValueOrDefault(w) + 1;
        _similarity.Clear();
        foreach (var terms in (List<string>[])[Title, Body])
        foreach (var t in terms)
            if (t.Length >= 3) _similarity[t] = _similarity.GetValueOrDefault(t) + 1;
        return _similarity.ToArray();
    }

    private void Field(string text, List<string> terms)
    {
        terms.Clear();
        using var stream = _surface.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            if (!_lookup.TryGetValue(span, out var word))
            {
                var surface = span.ToString();
                word = new Word(surface,
                    EnglishAnalyzer.DefaultStopSet.Contains(surface) ? null : _stemmer.Stem(surface));
                _words[surface] = word;
            }
            _seen.Add(word.Surface);
            if (word.Term is not null) terms.Add(word.Term);
        }
        stream.End();
    }

    /// <summary>Porter, exactly as the index chain applies it, to one word.</summary>
    private sealed class StemAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var whole = new KeywordTokenizer(reader);
            return new TokenStreamComponents(whole, new PorterStemFilter(whole));
        }

        public string Stem(string word)
        {
            using var stream = GetTokenStream("word", word);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var stem = stream.IncrementToken() ? term.ToString() : word;
            stream.End();
            return stem;
        }
    }
}

/// <summary>Hands Lucene terms analysed beforehand, one per position, as the index chain would.</summary>
internal sealed class PreAnalysedTokens : TokenStream
{
    private readonly ICharTermAttribute _term;
    private List<string> _terms = [];
    private int _next;

    public PreAnalysedTokens() => _term = AddAttribute<ICharTermAttribute>();

    public PreAnalysedTokens Of(List<string> terms)
    {
        _terms = terms;
        _next = 0;
        return this;
    }

    public override bool IncrementToken()
    {
        if (_next >= _terms.Count) return false;
        ClearAttributes();
        _term.SetEmpty().Append(_terms[_next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
