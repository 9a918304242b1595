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
    public const int FormatVersion = 2;

    /// <summary>Above this many gzipped bytes (measured at the fastest gzip level, so a little conservatively), postings move into shards fetched on demand.</summary>
    public const int DefaultShardThreshold = 200 * 1024;

    /// <summary>Target gzipped size of one postings shard.</summary>
    public const int ShardTarget = 64 * 1024;

    /// <summary>
    /// The browser files: "index.json", plus "postings-K.json" shards when the whole index would
    /// pass <paramref name="shardThreshold"/> gzipped bytes (a phone on a slow network then
    /// fetches only the shards its query's terms fall in).
    /// </summary>
    public static IReadOnlyDictionary<string, byte[]> WriteFiles(SearchIndex index, int shardThreshold = DefaultShardThreshold)
    {
        var postings = index.TermScores();
        var parts = Parts.Of(index);
        var (postingsJson, ends) = PostingsWithEnds(postings);
        var whole = Compose(parts, 0, postingsJson);
        // Both sizes at once: the second is needed only when the first is over the threshold.
        long gz = 0, postingsGz = 0;
        Parallel.Invoke(() => gz = GzipLength(whole), () => postingsGz = GzipLength(postingsJson));
        if (gz <= shardThreshold) return new Dictionary<string, byte[]> { ["index.json"] = whole };
        var count = Math.Max(2, (int)Math.Ceiling(postingsGz / (double)ShardTarget));
        var files = new Dictionary<string, byte[]> { ["index.json"] = Compose(parts, count, "{}"u8.ToArray()) };
        // Each shard is its terms' entries cut from the whole postings object, in term order, so
        // no posting is serialised twice.
        var shards = Enumerable.Range(0, count).Select(_ => new MemoryStream()).ToArray();
        var k = 0;
        foreach (var term in postings.Keys)
        {
            var shard = shards[Hash(term) % (uint)count];
            shard.WriteByte(shard.Length == 0 ? (byte)'{' : (byte)',');
            var start = k == 0 ? 1 : ends[k - 1] + 1;
            shard.Write(postingsJson, start, ends[k] - start);
            k++;
        }
        for (var i = 0; i < count; i++)
        {
            if (shards[i].Length == 0) shards[i].WriteByte((byte)'{');
            shards[i].WriteByte((byte)'}');
            files[$"postings-{i}.json"] = shards[i].ToArray();
        }
        return files;
    }

    /// <summary>The postings object, and where each term's entry ends in it (terms in ordinal order).</summary>
    private static (byte[] Json, int[] Ends) PostingsWithEnds(SortedDictionary<string, List<(int Doc, float Score)>> postings)
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
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) gz.Write(bytes);
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

    /// <summary>Serialises <paramref name="index"/> as one UTF-8 JSON file (postings inline when <paramref name="shards"/> is 0).</summary>
    public static byte[] Write(SearchIndex index, int shards = 0) =>
        Compose(Parts.Of(index), shards, shards == 0 ? PostingsWithEnds(index.TermScores()).Json : "{}"u8.ToArray());

    /// <summary>The parts of index.json that do not depend on sharding, each serialised once.</summary>
    private sealed record Parts(byte[] Rewrites, byte[] Docs, byte[] Vocab, byte[] Synonyms)
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
            }),
            // Vocabulary: word → [term or null, document frequency].
            Json(w =>
            {
                w.WriteStartObject();
                foreach (var (word, (term, freq)) in index.Vocabulary.Words.OrderBy(k => k.Key, StringComparer.Ordinal))
                {
                    w.WriteStartArray(word);
                    if (term is null) w.WriteNullValue(); else w.WriteStringValue(term);
                    w.WriteNumberValue(freq);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
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

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
        return buffer.ToArray();
    }

    /// <summary>index.json from its parts; postings (term → flat [doc, score, …], scores to 5 significant digits) already serialised.</summary>
    private static byte[] Compose(Parts parts, int shards, byte[] postings) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("version", FormatVersion);
        w.WriteNumber("synonymWeight", QueryPlanner.SynonymWeight);
        w.WriteNumber("shards", shards);
        w.WritePropertyName("rewrites");
        w.WriteRawValue(parts.Rewrites, skipInputValidation: true);
        w.WritePropertyName("docs");
        w.WriteRawValue(parts.Docs, skipInputValidation: true);
        w.WritePropertyName("vocab");
        w.WriteRawValue(parts.Vocab, skipInputValidation: true);
        w.WritePropertyName("synonyms");
        w.WriteRawValue(parts.Synonyms, skipInputValidation: true);
        w.WritePropertyName("postings");
        w.WriteRawValue(postings, skipInputValidation: true);
        w.WriteEndObject();
    });
}
