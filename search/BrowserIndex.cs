using System.Globalization;
using System.Text.Json;

namespace KnowledgeBase.Search;

/// <summary>
/// Writes the index the static site's search page runs on: Lucene's own vocabulary (surface word
/// to analysed term), synonym phrases already analysed, the citation rewrites, and per-term BM25
/// contributions computed by Lucene. The browser adds numbers; it never re-derives analysis or
/// ranking. Output is deterministic for the same documents.
/// </summary>
public static class BrowserIndex
{
    /// <summary>Format version; bump when search.js must change with it.</summary>
    public const int FormatVersion = 1;

    /// <summary>Serialises <paramref name="index"/> for the browser as UTF-8 JSON.</summary>
    public static byte[] Write(SearchIndex index)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteNumber("synonymWeight", QueryPlanner.SynonymWeight);

            w.WriteStartArray("rewrites");
            foreach (var (pattern, mode) in KbAnalyzer.CitationRewrites)
            {
                w.WriteStartArray();
                w.WriteStringValue(pattern);
                w.WriteStringValue(mode);
                w.WriteEndArray();
            }
            w.WriteEndArray();

            w.WriteStartArray("docs");
            foreach (var d in index.Documents)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("kind", d.Kind);
                w.WriteString("title", d.Title);
                w.WriteString("url", d.Url);
                w.WriteString("excerpt", SearchIndex.Excerpt(d.Body));
                w.WriteStartObject("facets");
                foreach (var (facet, values) in d.Facets.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    w.WriteStartArray(facet);
                    foreach (var v in values) w.WriteStringValue(v);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();

            // Vocabulary: word → [term or null, document frequency].
            w.WriteStartObject("vocab");
            foreach (var (word, (term, freq)) in index.Vocabulary.Words.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                w.WriteStartArray(word);
                if (term is null) w.WriteNullValue(); else w.WriteStringValue(term);
                w.WriteNumberValue(freq);
                w.WriteEndArray();
            }
            w.WriteEndObject();

            w.WriteStartArray("synonyms");
            foreach (var group in index.Synonyms)
            {
                w.WriteStartArray();
                foreach (var (words, terms) in group.Phrases)
                {
                    w.WriteStartObject();
                    w.WriteStartArray("words");
                    foreach (var x in words) w.WriteStringValue(x);
                    w.WriteEndArray();
                    w.WriteStartArray("terms");
                    foreach (var x in terms) w.WriteStringValue(x);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();

            // Postings: term → flat [doc, score, doc, score, ...], scores to 5 significant digits.
            w.WriteStartObject("postings");
            foreach (var (term, postings) in index.TermScores())
            {
                w.WriteStartArray(term);
                foreach (var (doc, score) in postings)
                {
                    w.WriteNumberValue(doc);
                    w.WriteRawValue(score.ToString("G5", CultureInfo.InvariantCulture), skipInputValidation: true);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
