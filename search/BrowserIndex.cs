using System.Globalization;
using System.Text.Json;

namespace KnowledgeBase.Search;

/// <summary>
/// Writes the index the static site's search page runs on, in pieces a query fetches only as it
/// needs them (a reader on slow mobile data pays for what their words touch, not for the whole
/// index): <c>index.json</c> holds what every query needs (documents' titles, addresses and facets,
/// synonyms, citation rewrites); Lucene's vocabulary (surface word to analysed term) is split by word
/// length into <c>vocab-L.json</c>, so a query loads the lengths of its words and, for a word it does
/// not know, the lengths a typo correction can reach; per-term BM25 contributions computed by Lucene
/// are split by term hash into <c>postings-K.json</c>, each with the surface words of its terms for
/// highlighting; and the excerpts are in <c>excerpts-K.json</c> chunks, fetched for the results shown.
/// The browser adds numbers; it never re-derives analysis or ranking. Output is deterministic for
/// the same documents.
/// </summary>
public static class BrowserIndex
{
    /// <summary>Format version; bump when search.js must change with it.</summary>
    public const int FormatVersion = 3;

    /// <summary>
    /// Target gzipped size of one postings shard: small, so a query's few terms fetch little beyond themselves.
    /// </summary>
    public const int DefaultShardBytes = 4 * 1024;

    /// <summary>At most this many postings shards, however small the target.</summary>
    public const int MaxShards = 64;

    /// <summary>Documents per excerpt chunk.</summary>
    public const int ExcerptChunk = 16;

    /// <summary>
    /// The browser files: "index.json", "vocab-L.json" per word length, "postings-K.json" shards of
    /// about <paramref name="shardBytes"/> gzipped bytes each, and "excerpts-K.json" chunks.
    /// </summary>
    public static IReadOnlyDictionary<string, byte[]> WriteFiles(SearchIndex index, int shardBytes = DefaultShardBytes)
    {
        var postings = index.TermScores();
        var parts = Parts.Of(index);
        var (postingsJson, ends) = PostingsWithEnds(postings);
        var count = Math.Clamp((int)Math.Ceiling(GzipLength(postingsJson) / (double)Math.Max(1, shardBytes)), 1,
            Math.Min(MaxShards, Math.Max(1, postings.Count)));
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        // The surface words of each term, for highlighting: the inverse of the vocabulary.
        var words = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (word, (term, _)) in index.Vocabulary.Words.OrderBy(k => k.Key, StringComparer.Ordinal))
            if (term is not null) (words.TryGetValue(term, out var list) ? list : words[term] = []).Add(word);
        // Each shard is its terms' entries cut from the whole postings object, in term order, so
        // no posting is serialised twice.
        var shards = Enumerable.Range(0, count)
            .Select(_ => (Postings: new MemoryStream(), Terms: new List<string>())).ToArray();
        var k = 0;
        foreach (var term in postings.Keys)
        {
            var (shard, terms) = shards[Hash(term) % (uint)count];
            shard.WriteByte(shard.Length == 0 ? (byte)'{' : (byte)',');
            var start = k == 0 ? 1 : ends[k - 1] + 1;
            shard.Write(postingsJson, start, ends[k] - start);
            terms.Add(term);
            k++;
        }
        for (var i = 0; i < count; i++)
        {
            var (shard, terms) = shards[i];
            if (shard.Length == 0) shard.WriteByte((byte)'{');
            shard.WriteByte((byte)'}');
            files[$"postings-{i}.json"] = Json(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("p");
                w.WriteRawValue(shard.ToArray(), skipInputValidation: true);
                w.WriteStartObject("w");
                foreach (var term in terms)
                {
                    if (!words.TryGetValue(term, out var surface)) continue;
                    w.WriteStartArray(term);
                    foreach (var x in surface) w.WriteStringValue(x);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }
        // Vocabulary by word length (UTF-16 code units, as JavaScript counts): word → [term or null, document
        // frequency].
        var lengths = new List<int>();
        foreach (var bucket in index.Vocabulary.Words.GroupBy(x => x.Key.Length).OrderBy(g => g.Key))
        {
            lengths.Add(bucket.Key);
            files[$"vocab-{bucket.Key}.json"] = Json(w =>
            {
                w.WriteStartObject();
                foreach (var (word, (term, freq)) in bucket.OrderBy(x => x.Key, StringComparer.Ordinal))
                {
                    w.WriteStartArray(word);
                    if (term is null) w.WriteNullValue(); else w.WriteStringValue(term);
                    w.WriteNumberValue(freq);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            });
        }
        var docs = index.Documents;
        for (var c = 0; c * ExcerptChunk < docs.Count; c++)
        {
            var first = c * ExcerptChunk;
            files[$"excerpts-{c}.json"] = Json(w =>
            {
                w.WriteStartArray();
                for (var d = first; d < Math.Min(docs.Count, first + ExcerptChunk); d++)
                    w.WriteStringValue(SearchIndex.Excerpt(docs[d].Body));
                w.WriteEndArray();
            });
        }
        files["index.json"] = Compose(parts, count, lengths);
        return files;
    }

    /// <summary>The postings object, and where each term's entry ends in it (terms in ordinal order).</summary>
    private static (byte[] Json, int[] Ends) PostingsWithEnds(
        SortedDictionary<string, List<(int Doc, float Score)>> postings)
    {
        var ends = new int[postings.Count];
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            var k = 0;
            foreach (var (term, list) in postings)
            {
                WritePosting(w, term, list);
                w.Flush();
                ends[k++] = (int)buffer.Length;
            }
            w.WriteEndObject();
        }
        return (buffer.ToArray(), ends);
    }

    /// <summary>FNV-1a over UTF-16 code units; search.js computes the same to find a term's shard.</summary>
    public static uint Hash(string term)
    {
        var h = 2166136261u;
        foreach (var c in term)
        {
            h ^= c;
            h *= 16777619u;
        }
        return h;
    }

    private static long GzipLength(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(
            buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) gz.Write(bytes);
        return buffer.Length;
    }

    private static void WritePosting(Utf8JsonWriter w, string term, List<(int Doc, float Score)> list)
    {
        Span<byte> number = stackalloc byte[32];
        w.WriteStartArray(term);
        foreach (var (doc, score) in list)
        {
            w.WriteNumberValue(doc);
            score.TryFormat(number, out var length, "G5", CultureInfo.InvariantCulture);
            w.WriteRawValue(number[..length], skipInputValidation: true);
        }
        w.WriteEndArray();
    }

    /// <summary>Every browser file's bytes, in name order: what benchmarks size and tests compare.</summary>
    public static byte[] Write(SearchIndex index, int shardBytes = DefaultShardBytes)
    {
        using var all = new MemoryStream();
        foreach (var (_, bytes) in WriteFiles(index, shardBytes).OrderBy(f => f.Key, StringComparer.Ordinal))
            all.Write(bytes);
        return all.ToArray();
    }

    /// <summary>The parts of index.json that do not depend on sharding, each serialised once.</summary>
    private sealed record Parts(byte[] Rewrites, byte[] Docs, byte[] Synonyms)
    {
        public static Parts Of(SearchIndex index) => new(
            Json(w =>
            {
                w.WriteStartArray();
                foreach (var (pattern, mode, _) in KbAnalyzer.CitationRewrites)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(pattern);
                    w.WriteStringValue(mode);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            }),
            Json(w =>
            {
                w.WriteStartArray();
                foreach (var d in index.Documents)
                {
                    w.WriteStartObject();
                    w.WriteString("id", d.Id);
                    w.WriteString("kind", d.Kind);
                    w.WriteString("title", d.Title);
                    w.WriteString("url", d.Url);
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
            }),
            Json(w =>
            {
                w.WriteStartArray();
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
            }));
    }

    private static readonly JsonWriterOptions WriterOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
        return buffer.ToArray();
    }

    /// <summary>index.json from its parts: what every query needs, and how the other files are cut.</summary>
    private static byte[] Compose(Parts parts, int shards, List<int> vocabLengths) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("version", FormatVersion);
        w.WriteNumber("synonymWeight", QueryPlanner.SynonymWeight);
        w.WriteNumber("shards", shards);
        w.WriteNumber("excerptChunk", ExcerptChunk);
        w.WriteStartArray("vocab");
        foreach (var n in vocabLengths) w.WriteNumberValue(n);
        w.WriteEndArray();
        w.WritePropertyName("rewrites");
        w.WriteRawValue(parts.Rewrites, skipInputValidation: true);
        w.WriteStartObject("arabic");
        foreach (var (from, to) in KbAnalyzer.ArabicScriptMap) w.WriteString(from.ToString(), to);
        w.WriteEndObject();
        w.WritePropertyName("docs");
        w.WriteRawValue(parts.Docs, skipInputValidation: true);
        w.WritePropertyName("synonyms");
        w.WriteRawValue(parts.Synonyms, skipInputValidation: true);
        w.WriteEndObject();
    });
}
