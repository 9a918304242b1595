namespace KnowledgeBase.Search;

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

    /// <summary>
    /// The closest vocabulary word that is not a stop word: fewest edits, then most documents, then ordinal.
    /// </summary>
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
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > cap) return cap + 1;
        }
        return d[a.Length, b.Length];
    }
}
