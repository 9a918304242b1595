namespace KnowledgeBase.Search;

/// <summary>What a query asks for, after spelling correction and synonym expansion.</summary>
/// <param name="Words">The query's surface words, corrected.</param>
/// <param name="TermWeights">Index term to weight (1 for the query's own words, 0.5 for synonyms).</param>
/// <param name="Correction">The corrected query when any word was corrected ("did you mean"), else null.</param>
public sealed record QueryPlan(IReadOnlyList<string> Words, IReadOnlyDictionary<string, float> TermWeights,
    string? Correction);

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
internal sealed record SynonymPhrases(
    IReadOnlyList<(IReadOnlyList<string> Words, IReadOnlyList<string> Terms)> Phrases);
