using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KnowledgeBase.Search;

/// <summary>
/// An in-memory Lucene.Net index over <see cref="SearchDocument"/>s with BM25 ranking, field
/// boosts, spelling correction, synonyms, facets, highlighting and MoreLikeThis. Thread-safe for
/// concurrent searches once built.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Searched fields and their boosts: title above keywords above body.</summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Fields =
        [("title", 3f), ("keywords", 2f), ("body", 1f)];

    /// <summary>Longest query accepted, in characters.</summary>
    public const int MaxQueryLength = 500;

    private readonly RAMDirectory[] _directories;
    private readonly IndexReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly KbAnalyzer _analyzer = new();
    private readonly KbAnalyzer _surface = new(surface: true);
    private readonly SearchDocument[] _docs;
    private readonly Dictionary<string, int> _docById;
    private readonly QueryPlanner _planner;

    internal Vocabulary Vocabulary { get; }
    internal IReadOnlyList<SynonymPhrases> Synonyms { get; }

    /// <summary>
    /// Segments the slice writers flushed before each slice was merged into one (tests check a small buffer flushes).
    /// </summary>
    internal int SegmentsFlushed => _segmentsFlushed;
    private int _segmentsFlushed;

    /// <summary>Bytes the index occupies in memory (the same files would occupy this on disk).</summary>
    public long SizeInBytes => _directories.Sum(d => d.GetSizeInBytes());

    /// <summary>The indexed documents, in index order.</summary>
    public IReadOnlyList<SearchDocument> Documents => _docs;

    private SearchIndex(SearchDocument[] docs, IReadOnlyList<IReadOnlyList<string>> synonymGroups,
        int? slicesWanted = null, int? flushEvery = null)
    {
        _docs = docs;
        _docById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < docs.Length; i++)
            if (!_docById.TryAdd(docs[i].Id, i))
                throw new ArgumentException($"duplicate search document id '{docs[i].Id}'");

        // Large corpora are analysed on every core: each contiguous slice goes into its own
        // in-memory index, read as one in slice order, so document numbers (segment base plus
        // number within it) still equal positions in _docs. Lucene sums term and collection
        // statistics over the segments, so every score is what one writer gives; nothing is
        // merged (merging re-encoded every posting to the same effect).
        var slices = Slices(docs.Length, slicesWanted);
        var parts = _directories = new RAMDirectory[slices.Count];
        var counts = new Dictionary<string, int>[slices.Count];
        _similarityTerms = new KeyValuePair<string, int>[docs.Length][];
        Parallel.For(0, slices.Count, s =>
        {
            var (from, to) = slices[s];
            parts[s] = new RAMDirectory();
            // Each document is analysed once, for the index, the spelling vocabulary and MoreLikeThis.
            var analysis = new OnePassAnalysis(_surface);
            var surfaceDocFreq = counts[s] = new Dictionary<string, int>(StringComparer.Ordinal);
            using var writer = new IndexWriter(parts[s], WriterConfig(flushEvery));
            var fields = new ReusableFields();
            for (var i = from; i < to; i++)
            {
                _similarityTerms[i] = analysis.Analyse(docs[i], surfaceDocFreq);
                writer.AddDocument(fields.For(docs[i], analysis));
            }
            writer.Commit();
            var flushed = new SegmentInfos();
            flushed.Read(parts[s]);
            Interlocked.Add(ref _segmentsFlushed, flushed.Count);
            writer.ForceMerge(1);
            writer.Commit();
        });
        _reader = parts.Length == 1
            ? DirectoryReader.Open(parts[0])
            : new MultiReader(parts.Select(d => (IndexReader)DirectoryReader.Open(d)).ToArray(), closeSubReaders: true);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        Vocabulary = BuildVocabulary(counts);
        // A phrase's terms that no document contains are dropped: they cannot score, and the browser
        // would fetch postings shards for them (an Urdu word in a group brings only the English terms).
        var known = Vocabulary.Words.Values.Select(v => v.Term).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Synonyms = synonymGroups.Select(g => new SynonymPhrases(
            g.Select(p => ((IReadOnlyList<string>)_surface.Tokens(p),
                (IReadOnlyList<string>)_analyzer.Tokens(p).Where(known.Contains).ToList())).ToList())).ToList();
        _planner = new QueryPlanner(Vocabulary, Synonyms, _surface);
    }

    /// <summary>Indexes <paramref name="documents"/>; synonym groups are lists of interchangeable phrases.</summary>
    public static SearchIndex Build(IEnumerable<SearchDocument> documents,
        IEnumerable<IReadOnlyList<string>>? synonymGroups = null) =>
        new(documents.ToArray(), (synonymGroups ?? []).ToList());

    /// <summary>
    /// Indexes in exactly <paramref name="slices"/> parallel slices, optionally flushing a segment every
    /// <paramref name="flushEvery"/> documents (tests compare these).
    /// </summary>
    internal static SearchIndex Build(IEnumerable<SearchDocument> documents,
        IEnumerable<IReadOnlyList<string>>? synonymGroups, int slices, int? flushEvery = null) =>
        new(documents.ToArray(), (synonymGroups ?? []).ToList(), slices, flushEvery);

    /// <summary>The analyzer's terms for <paramref name="text"/> (for tests and diagnostics).</summary>
    public IReadOnlyList<string> Analyze(string text) => _analyzer.Tokens(text);

    /// <summary>Plans a query: corrected words, weighted terms and the "did you mean" text.</summary>
    public QueryPlan Plan(string query) => _planner.Plan(query);

    /// <summary>
    /// Runs a search. Throws <see cref="ArgumentException"/> with a readable message for an over-long query.
    /// </summary>
    public SearchResults Search(SearchRequest request)
    {
        if (request.Query.Length > MaxQueryLength)
            throw new ArgumentException(
                $"query is {request.Query.Length} characters long; the limit is {MaxQueryLength}");
        var limit = Math.Clamp(request.Limit, 1, 1000);
        var plan = _planner.Plan(request.Query);
        var query = ToQuery(plan);
        Filter? filter = null;
        if (request.Filters is { Count: > 0 } filters)
        {
            var must = new BooleanQuery();
            foreach (var (facet, value) in filters.OrderBy(f => f.Key, StringComparer.Ordinal))
                must.Add(new TermQuery(new Term("f_" + facet, value)), Occur.MUST);
            filter = new QueryWrapperFilter(must);
        }
        if (plan.TermWeights.Count == 0)
            return new SearchResults(request.Query, [], 0, new Dictionary<string, IReadOnlyList<FacetCount>>(),
                plan.Correction);

        // Facets count every hit, but only the top of the ranking is sorted: a slack beyond the limit
        // lets ties at the boundary be broken by id, as the browser breaks them.
        var matching = new MatchingDocs();
        _searcher.Search(query, filter, matching);
        var top = _searcher.Search(query, filter, Math.Min(Math.Max(1, _reader.MaxDoc), limit * 2 + 20));
        var ordered = top.ScoreDocs
            .OrderByDescending(s => s.Score)
            .ThenBy(s => _docs[s.Doc].Id, StringComparer.Ordinal)
            .ToList();
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
            new QueryScorer(query, "body"))
        {
            TextFragmenter = new SimpleFragmenter(180),
        };
        var hits = ordered.Take(limit).Select(s =>
        {
            var d = _docs[s.Doc];
            return new SearchHit(d.Id, d.Kind, d.Title, d.Url, s.Score, Snippet(highlighter, d), d.Facets);
        }).ToList();
        return new SearchResults(request.Query, hits, matching.Docs.Count, CountFacets(matching.Docs), plan.Correction);
    }

    /// <summary>
    /// Only the ranked ids of the top <paramref name="k"/> hits: the core of a search, for benchmarks.
    /// </summary>
    public IReadOnlyList<string> TopIds(string query, int k)
    {
        var plan = _planner.Plan(query);
        if (plan.TermWeights.Count == 0) return [];
        return _searcher.Search(ToQuery(plan), k).ScoreDocs.Select(s => _docs[s.Doc].Id).ToList();
    }

    private string Snippet(Highlighter highlighter, SearchDocument d)
    {
        string? best = null;
        try
        {
            using var stream = _analyzer.GetTokenStream("body", d.Body);
            best = highlighter.GetBestFragment(stream, d.Body);
        }
        catch (InvalidTokenOffsetsException)
        {
            // KB: the citation char filters shift offsets; fall back to the plain opening text.
        }
        return best ?? System.Net.WebUtility.HtmlEncode(Excerpt(d.Body));
    }

    /// <summary>The opening of a text, cut at a word boundary.</summary>
    public static string Excerpt(string text, int length = 180)
    {
        // The text with each run of white space made one space, built only as far as the cut needs
        // (one character past it): a long body is not split into words to keep its opening.
        var flat = new System.Text.StringBuilder(Math.Min(text.Length, length + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = flat.Length > 0;
                continue;
            }
            if (space) flat.Append(' ');
            space = false;
            if (flat.Length > length) break;
            flat.Append(c);
        }
        if (flat.Length <= length) return flat.ToString();
        var opening = flat.ToString(0, length + 1);
        var cut = opening.LastIndexOf(' ', length);
        return opening[..(cut > 40 ? cut : length)] + " …";
    }

    private IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> CountFacets(IEnumerable<int> docs)
    {
        var counts = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        void Add(string facet, string value)
        {
            if (!counts.TryGetValue(facet, out var map))
                counts[facet] = map = new Dictionary<string, int>(StringComparer.Ordinal);
            map[value] = map.GetValueOrDefault(value) + 1;
        }
        foreach (var doc in docs)
        {
            var d = _docs[doc];
            Add("kind", d.Kind);
            foreach (var (facet, values) in d.Facets)
            foreach (var value in values.Distinct())
                Add(facet, value);
        }
        return counts.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FacetCount>)kv.Value
            .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new FacetCount(v.Key, v.Value)).ToList(), StringComparer.Ordinal);
    }

    private static BooleanQuery ToQuery(QueryPlan plan)
    {
        var query = new BooleanQuery();
        foreach (var (term, weight) in plan.TermWeights.OrderBy(t => t.Key, StringComparer.Ordinal))
        foreach (var (field, boost) in Fields)
            query.Add(new TermQuery(new Term(field, term)) { Boost = boost * weight }, Occur.SHOULD);
        return query;
    }

    /// <summary>
    /// The documents most like <paramref name="id"/>, of the same kind, and, when
    /// <paramref name="otherThan"/> names a facet, only documents whose value for that facet differs
    /// from this document's (e.g. other jurisdictions). As Lucene's MoreLikeThis does: the
    /// document's own terms ranked by frequency × idf, the best <see cref="SimilarQueryTerms"/> as
    /// one disjunction over title and body, ranked by BM25.
    /// </summary>
    /// <remarks>
    /// KB: the disjunction is scored term at a time: each (field, term) posting list, with every
    /// document's BM25 contribution from Lucene's own scorer, is read from the index once and kept,
    /// and a document's score is the sum of its contributions, as Lucene's boolean scorer adds them
    /// (BM25 has no coordination or query normalisation). Running a Lucene query per document built
    /// a weight, a scorer and a cloned postings reader per clause: most of the time and allocation of
    /// this stage. <see cref="MoreLikeThisQuery"/> gives the same query to Lucene, and a test checks
    /// that both rank the same documents with the same scores.
    /// </remarks>
    public IReadOnlyList<(SearchDocument Document, float Score)> MoreLikeThis(string id, int count,
        string? otherThan = null)
    {
        if (!_docById.TryGetValue(id, out var docNumber)) return [];
        var terms = SimilarTerms(docNumber);
        if (terms.Count == 0) return [];
        var (kind, own) = (_docs[docNumber].Kind, OwnValue(docNumber, otherThan));
        var scores = t_scores is { } mine && mine.Length == _docs.Length ? mine : t_scores = new float[_docs.Length];
        var touched = t_touched ??= [];
        touched.Clear();
        foreach (var term in terms)
        foreach (var field in SimilarFields)
        {
            foreach (var (d, contribution) in
                _similarPostings.GetOrAdd((field, term), key => Postings(key.Field, key.Text)))
            {
                if (!InScope(d, kind, otherThan, own)) continue;
                if (scores[d] == 0f) touched.Add(d);
                scores[d] += contribution;
            }
        }
        // The best count + 1 (the document itself may be among them), higher score first, then
        // lower document number, as Lucene's collector keeps them; then ordered by score and id.
        var best = new PriorityQueue<int, (float Score, int Doc)>(Comparer<(float Score, int Doc)>.Create((a, b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc)));
        foreach (var d in touched)
        {
            best.Enqueue(d, (scores[d], d));
            if (best.Count > count + 1) best.Dequeue();
        }
        var top = new List<(int Doc, float Score)>(best.Count);
        while (best.TryDequeue(out var d, out var key)) top.Add((d, key.Score));
        foreach (var d in touched) scores[d] = 0f;
        return top
            .Where(s => s.Doc != docNumber)
            .OrderByDescending(s => s.Score).ThenBy(s => _docs[s.Doc].Id, StringComparer.Ordinal)
            .Take(count)
            .Select(s => (_docs[s.Doc], s.Score))
            .ToList();
    }

    /// <summary>
    /// The same similarity search as a Lucene query and filter (the reference <see cref="MoreLikeThis"/> is
    /// tested against).
    /// </summary>
    internal (Query Query, Filter Filter)? MoreLikeThisQuery(string id, string? otherThan = null)
    {
        if (!_docById.TryGetValue(id, out var docNumber)) return null;
        var terms = SimilarTerms(docNumber);
        if (terms.Count == 0) return null;
        var query = new BooleanQuery();
        foreach (var term in terms)
        foreach (var field in SimilarFields)
            query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        var scope = new BooleanQuery { { new TermQuery(new Term("f_kind", _docs[docNumber].Kind)), Occur.MUST } };
        if (otherThan is not null && OwnValue(docNumber, otherThan) is { } own)
            scope.Add(new TermQuery(new Term("f_" + otherThan, own)), Occur.MUST_NOT);
        return (query, new QueryWrapperFilter(scope));
    }

    /// <summary>Runs a query and filter through Lucene (tests compare <see cref="MoreLikeThis"/> with it).</summary>
    internal TopDocs RunQuery(Query query, Filter filter, int count) => _searcher.Search(query, filter, count);

    private static readonly string[] SimilarFields = ["title", "body"];

    [ThreadStatic] private static float[]? t_scores;
    [ThreadStatic] private static List<int>? t_touched;

    private string? OwnValue(int doc, string? facet) =>
        facet is null ? null : _docs[doc].Facets.GetValueOrDefault(facet)?.FirstOrDefault();

    /// <summary>
    /// Same kind, and (when a facet is named and this document has a value for it) not sharing that value.
    /// </summary>
    private bool InScope(int doc, string kind, string? facet, string? own)
    {
        var d = _docs[doc];
        if (!string.Equals(d.Kind, kind, StringComparison.Ordinal)) return false;
        if (facet is null || own is null) return true;
        return !(d.Facets.TryGetValue(facet, out var values) && values.Contains(own, StringComparer.Ordinal));
    }

    /// <summary>
    /// A document's best <see cref="SimilarQueryTerms"/> terms by frequency × idf, skipping words common in the
    /// corpus.
    /// </summary>
    private List<string> SimilarTerms(int docNumber)
    {
        // KB: Lucene's MoreLikeThis class looks up each word's document frequency through a fresh
        // terms enumerator per word and field, which dominated the build at 10,000 statutes; the
        // frequencies come from one pass over the term dictionary instead.
        var docFreq = LazyInitializer.EnsureInitialized(ref _docFreq, TitleBodyDocFreqs);
        var numDocs = _reader.NumDocs;
        // Words in more than a tenth of the corpus (and in a large corpus, in more than 300
        // documents) say little about what a provision is like; skipping them bounds the postings
        // each query walks, so the cost per document does not grow with the corpus.
        var maxDocFreq = Math.Clamp(numDocs / 10, 30, 300);
        return _similarityTerms[docNumber]
            .Select(f => (Term: f.Key, Freq: f.Value, DocFreq: docFreq.GetValueOrDefault(f.Key)))
            .Where(t => t.DocFreq > 0 && t.DocFreq <= maxDocFreq)
            .Select(t => (t.Term, Score: t.Freq * (Math.Log(numDocs / (double)(t.DocFreq + 1)) + 1.0)))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(SimilarQueryTerms)
            .Select(t => t.Term)
            .ToList();
    }

    /// <summary>One field's posting list for a term, each document with its BM25 contribution (boost 1).</summary>
    private List<(int Doc, float Score)> Postings(string field, string text)
    {
        var term = new Term(field, text);
        var stats = Weight(field, 1f, _searcher.TermStatistics(term, TermContext.Build(_reader.Context, term)));
        var list = new List<(int Doc, float Score)>();
        foreach (var leaf in _reader.Leaves)
        {
            var te = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            if (te is not null && te.SeekExact(term.Bytes))
                AddScored(stats, te.Docs(null, null, DocsFlags.FREQS), leaf, list);
        }
        return list;
    }

    /// <summary>A term's BM25 weight in a field, normalised as a top-level query normalises it (BM25: by 1).</summary>
    private Similarity.SimWeight Weight(string field, float boost, TermStatistics term)
    {
        var stats = _searcher.Similarity.ComputeWeight(boost, _searcher.CollectionStatistics(field), term);
        stats.Normalize(1f, 1f);
        return stats;
    }

    /// <summary>
    /// Adds one segment's postings with the contribution Lucene's term scorer gives each document (segment norms,
    /// index-wide document numbers).
    /// </summary>
    private void AddScored(Similarity.SimWeight stats, DocsEnum postings, AtomicReaderContext leaf,
        List<(int Doc, float Score)> into)
    {
        var scorer = _searcher.Similarity.GetSimScorer(stats, leaf);
        int doc;
        while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            into.Add((leaf.DocBase + doc, scorer.Score(doc, postings.Freq)));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Field, string Text),
        List<(int Doc, float Score)>> _similarPostings = new();

    /// <summary>How many of a document's terms a similarity query uses.</summary>
    public const int SimilarQueryTerms = 12;

    private Dictionary<string, int>? _docFreq;

    /// <summary>
    /// Per document, its title and body terms of three letters or more with their counts, from indexing.
    /// </summary>
    private readonly KeyValuePair<string, int>[][] _similarityTerms;

    /// <summary>Each term's document frequency, the larger of its title and body frequencies.</summary>
    private Dictionary<string, int> TitleBodyDocFreqs()
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in new[] { "title", "body" })
        {
            var inField = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var leaf in _reader.Leaves)
            {
                var terms = leaf.AtomicReader.GetTerms(field);
                if (terms is null) continue;
                var te = terms.GetEnumerator();
                while (te.MoveNext())
                {
                    var text = te.Term.Utf8ToString();
                    inField[text] = inField.GetValueOrDefault(text) + te.DocFreq;
                }
            }
            foreach (var (text, df) in inField) result[text] = Math.Max(result.GetValueOrDefault(text), df);
        }
        return result;
    }

    /// <summary>Documents per slice below which indexing stays on one thread.</summary>
    private const int MinSlice = 2_000;

    private static List<(int From, int To)> Slices(int count, int? wanted)
    {
        var n = Math.Clamp(wanted ?? count / MinSlice, 1, Math.Max(1, wanted ?? Environment.ProcessorCount));
        return Enumerable.Range(0, n).Select(s => (count * s / n, count * (s + 1) / n)).ToList();
    }

    private IndexWriterConfig WriterConfig(int? flushEvery) => new(KbAnalyzer.Version, _analyzer)
    {
        Similarity = new BM25Similarity(),
        // KB: one in-memory segment per slice as a rule (no flush below 512 MB of buffers). A slice
        // big enough to flush is force-merged back into one segment, and only a log merge policy
        // merges neighbouring segments, keeping document order (the default tiered policy may not).
        RAMBufferSizeMB = 512,
        MaxBufferedDocs = flushEvery ?? IndexWriterConfig.DISABLE_AUTO_FLUSH,
        MergePolicy = new LogByteSizeMergePolicy(),
    };

    /// <summary>
    /// One writer thread's fields, refilled for each document (Lucene's advice for fast indexing:
    /// no new field or token stream objects per document). Text fields keep frequencies and norms
    /// for BM25 but no positions: no query here is positional.
    /// </summary>
    private sealed class ReusableFields
    {
        private static readonly FieldType Text =
            Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

        private static FieldType Frozen(FieldType type)
        {
            type.Freeze();
            return type;
        }

        private readonly PreAnalysedTokens _titleTerms = new(), _keywordTerms = new(), _bodyTerms = new();
        private readonly Field _title, _keywords, _body;
        private readonly Field _kind = new StringField("f_kind", "", Field.Store.NO);
        private readonly Dictionary<string, List<Field>> _facets = new(StringComparer.Ordinal);
        private readonly List<IIndexableField> _fields = [];

        public ReusableFields()
        {
            _title = new Field("title", _titleTerms, Text);
            _keywords = new Field("keywords", _keywordTerms, Text);
            _body = new Field("body", _bodyTerms, Text);
        }

        /// <summary>
        /// The fields of <paramref name="d"/>, its text fields carrying the terms <paramref name="analysed"/>
        /// holds for it.
        /// </summary>
        public List<IIndexableField> For(SearchDocument d, OnePassAnalysis analysed)
        {
            _fields.Clear();
            _titleTerms.Of(analysed.Title);
            _keywordTerms.Of(analysed.Keywords);
            _bodyTerms.Of(analysed.Body);
            _kind.SetStringValue(d.Kind);
            // KB: no id field: document numbers are positions in _docs, so nothing is stored.
            _fields.AddRange([_title, _keywords, _body, _kind]);
            foreach (var (facet, values) in d.Facets)
            {
                if (!_facets.TryGetValue(facet, out var pool)) _facets[facet] = pool = [];
                for (var v = 0; v < values.Count; v++)
                {
                    if (v == pool.Count) pool.Add(new StringField("f_" + facet, "", Field.Store.NO));
                    pool[v].SetStringValue(values[v]);
                    _fields.Add(pool[v]);
                }
            }
            return _fields;
        }
    }

    private Vocabulary BuildVocabulary(IReadOnlyList<Dictionary<string, int>> counts)
    {
        var freq = new Dictionary<string, int>(counts[0], StringComparer.Ordinal);
        foreach (var part in counts.Skip(1))
        foreach (var (w, f) in part)
            freq[w] = freq.GetValueOrDefault(w) + f;
        var words = new Dictionary<string, (string? Term, int DocFreq)>(StringComparer.Ordinal);
        foreach (var (word, f) in freq)
        {
            var terms = _analyzer.Tokens(word);
            words[word] = (terms.Count > 0 ? terms[0] : null, f);
        }
        return new Vocabulary(words);
    }

    /// <summary>
    /// For every index term, each document's score contribution summed over fields with their
    /// boosts, computed by Lucene's own BM25 scorer. The browser adds these up per query term,
    /// which is exactly what Lucene does for the flat boolean query <see cref="Search"/> runs.
    /// </summary>
    internal SortedDictionary<string, List<(int Doc, float Score)>> TermScores() =>
        LazyInitializer.EnsureInitialized(ref _termScores, ComputeTermScores);

    private SortedDictionary<string, List<(int Doc, float Score)>>? _termScores;

    private SortedDictionary<string, List<(int Doc, float Score)>> ComputeTermScores()
    {
        // Each field's postings on its own core, in document order; then, per term, the fields'
        // lists merged by document, adding contributions in field order as Lucene's sum does.
        var perField = new Dictionary<string, List<(int Doc, float Score)>>[Fields.Count];
        var leaves = _reader.Leaves;
        var leafAt = leaves.ToDictionary(l => l.DocBase); // a posting slice names its segment by where it starts
        Parallel.For(0, Fields.Count, f =>
        {
            var (field, boost) = Fields[f];
            var lists = perField[f] = new Dictionary<string, List<(int, float)>>(StringComparer.Ordinal);
            // The index's terms across segments (document frequencies summed, as a search sees
            // them); each segment's postings scored with its own norms, in segment order.
            var terms = MultiFields.GetTerms(_reader, field);
            if (terms is null) return;
            var te = terms.GetEnumerator();
            DocsEnum? docsEnum = null;
            while (te.MoveNext())
            {
                var stats = Weight(field, boost,
                    new TermStatistics(BytesRef.DeepCopyOf(te.Term), te.DocFreq, te.TotalTermFreq));
                docsEnum = te.Docs(null, docsEnum, DocsFlags.FREQS);
                var list = new List<(int, float)>(te.DocFreq);
                if (docsEnum is MultiDocsEnum multi)
                {
                    for (var k = 0; k < multi.NumSubs; k++)
                        AddScored(stats, multi.Subs[k].DocsEnum, leafAt[multi.Subs[k].Slice.Start], list);
                }
                else AddScored(stats, docsEnum, leaves.Single(), list);
                lists[te.Term.Utf8ToString()] = list;
            }
        });
        var result = new SortedDictionary<string, List<(int Doc, float Score)>>(StringComparer.Ordinal);
        foreach (var term in perField.SelectMany(f => f.Keys).Distinct())
        {
            var lists = perField.Select(f => f.GetValueOrDefault(term)).OfType<List<(int Doc, float Score)>>().ToList();
            result[term] = lists.Count == 1 ? lists[0] : Merge(lists);
        }
        return result;
    }

    /// <summary>
    /// Merges per-field postings (each in document order), summing a document's contributions in field order.
    /// </summary>
    private static List<(int Doc, float Score)> Merge(List<List<(int Doc, float Score)>> lists)
    {
        var merged = new List<(int Doc, float Score)>(lists.Max(l => l.Count));
        var at = new int[lists.Count];
        while (true)
        {
            var doc = int.MaxValue;
            for (var i = 0; i < lists.Count; i++)
                if (at[i] < lists[i].Count) doc = Math.Min(doc, lists[i][at[i]].Doc);
            if (doc == int.MaxValue) return merged;
            var sum = 0f;
            for (var i = 0; i < lists.Count; i++)
                if (at[i] < lists[i].Count && lists[i][at[i]].Doc == doc) sum += lists[i][at[i]++].Score;
            merged.Add((doc, sum));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        foreach (var d in _directories) d.Dispose();
        _analyzer.Dispose();
        _surface.Dispose();
    }
}
