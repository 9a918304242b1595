namespace KnowledgeBase.Search;

/// <summary>What a query asks for, after spelling correction and synonym expansion.</summary>
/// <param name="Words">The query's surface words, corrected.</param>
/// <param name="TermWeights">Index term to weight (1 for the query's own words, 0.5 for synonyms).</param>
/// <param name="Correction">The corrected query when any word was corrected ("did you mean"), else null.</param>
public sealed record QueryPlan(IReadOnlyList<string> Words, IReadOnlyDictionary<string, float> TermWeights, string? Correction);

/// <summary>
/// Turns query text into weighted index terms. The browser runs the same algorithm on the
/// exported vocabulary (search.js), so both must change together; a test pins their agreement.
/// </summary>
internal sealed class QueryPlanner
{
    internal const float SynonymWeight = 0.5f;

    private readonly Vocabulary _vocabulary;
    private readonly IReadOnlyList<SynonymPhrases> _synonyms;
    private readonly KbAnalyzer _surface;

    public QueryPlanner(Vocabulary vocabulary, IReadOnlyList<SynonymPhrases> synonyms, KbAnalyzer surface)
    {
        _vocabulary = vocabulary;
        _synonyms = synonyms;
        _surface = surface;
    }

    public QueryPlan Plan(string query)
    {
        var raw = _surface.Tokens(query);
        var words = new List<string>(raw.Count);
        var corrected = false;
        foreach (var word in raw)
        {
            if (_vocabulary.Contains(word) || IsSynonymWord(word))
            {
                words.Add(word);
                continue;
            }
            var fix = _vocabulary.Correct(word);
            if (fix is not null)
            {
                corrected = true;
                words.Add(fix);
            }
            else
            {
                words.Add(word);
            }
        }

        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var word in words)
            if (_vocabulary.TermOf(word) is { } term) weights[term] = 1f;

        // Greedy longest match of synonym phrases over the corrected words.
        for (var i = 0; i < words.Count; i++)
        {
            SynonymPhrases? best = null;
            var bestLength = 0;
            foreach (var group in _synonyms)
            foreach (var phrase in group.Phrases)
            {
                if (phrase.Words.Count <= bestLength || i + phrase.Words.Count > words.Count) continue;
                var match = true;
                for (var k = 0; k < phrase.Words.Count && match; k++) match = words[i + k] == phrase.Words[k];
                if (match) (best, bestLength) = (group, phrase.Words.Count);
            }
            if (best is null) continue;
            foreach (var phrase in best.Phrases)
            foreach (var term in phrase.Terms)
                if (!weights.ContainsKey(term)) weights[term] = SynonymWeight;
            i += bestLength - 1;
        }

        return new QueryPlan(words, weights, corrected ? string.Join(' ', words) : null);
    }

    private bool IsSynonymWord(string word) =>
        _synonyms.Any(g => g.Phrases.Any(p => p.Words.Contains(word)));
}

/// <summary>One synonym group: each phrase as surface words and as index terms.</summary>
internal sealed record SynonymPhrases(IReadOnlyList<(IReadOnlyList<string> Words, IReadOnlyList<string> Terms)> Phrases);

/// <summary>Every surface word of the corpus, its index term (null for a stop word) and document frequency.</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, (string? Term, int DocFreq)> _words;
    private readonly string[] _ordered;

    public Vocabulary(Dictionary<string, (string? Term, int DocFreq)> words)
    {
        _words = words;
        _ordered = words.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyDictionary<string, (string? Term, int DocFreq)> Words => _words;

    public bool Contains(string word) => _words.ContainsKey(word);

    public string? TermOf(string word) => _words.TryGetValue(word, out var e) ? e.Term : null;

    /// <summary>Edits allowed for a word of this length: none up to 3 letters, 1 up to 5, else 2.</summary>
    public static int MaxEdits(int length) => length <= 3 ? 0 : length <= 5 ? 1 : 2;

    /// <summary>The closest vocabulary word that is not a stop word: fewest edits, then most documents, then ordinal.</summary>
    public string? Correct(string word)
    {
        var max = MaxEdits(word.Length);
        if (max == 0) return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFreq = -1;
        foreach (var candidate in _ordered)
        {
            if (Math.Abs(candidate.Length - word.Length) > max) continue;
            var (term, freq) = _words[candidate];
            if (term is null) continue;
            var d = EditDistance.Osa(word, candidate, max);
            if (d > max) continue;
            if (d < bestDistance || (d == bestDistance && freq > bestFreq))
                (best, bestDistance, bestFreq) = (candidate, d, freq);
        }
        return best;
    }
}

/// <summary>Optimal string alignment distance (Levenshtein plus adjacent transposition).</summary>
internal static class EditDistance
{
    public static int Osa(string a, string b, int cap)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > cap) return cap + 1;
        }
        return d[a.Length, b.Length];
    }
}
