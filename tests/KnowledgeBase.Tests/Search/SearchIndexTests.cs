using KnowledgeBase.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class SearchIndexTests
{
    private static SearchDocument Doc(string id, string kind, string title, string body, string jurisdiction,
        string keywords = "") =>
        new(id, kind, title, keywords, body, id + "/",
            new Dictionary<string, IReadOnlyList<string>> { ["jurisdiction"] = [jurisdiction] });

    private static SearchIndex Index() => SearchIndex.Build(
    [
        Doc("a", "statute", "Child Marriage Restraint Act",
            "Sets the minimum age of marriage for girls at sixteen.", "punjab"),
        Doc("b", "section", "Section 377A: sexual abuse",
            "Defines the offence of sexual abuse of a child.", "federal", "377A"),
        Doc("c", "statute", "Khyber Pakhtunkhwa Child Protection and Welfare Act",
            "Establishes the commission in Peshawar.", "kp"),
        Doc("d", "statute", "Prevention of Trafficking in Persons Act",
            "Makes trafficking in persons an offence.", "federal"),
        Doc("e", "topic", "Corporal punishment in schools", "Does a law prohibit corporal punishment?", "ict"),
    ], [["kp", "kpk", "khyber pakhtunkhwa", "nwfp"]]);

    [Fact]
    public void Should_rank_title_match_first()
    {
        using var index = Index();
        var r = index.Search(new SearchRequest("marriage age"));
        Assert.Equal("a", r.Hits[0].Id);
        Assert.Contains("<mark>", r.Hits[0].Snippet);
    }

    [Fact]
    public void Should_find_section_as_written()
    {
        using var index = Index();
        Assert.Equal("b", index.Search(new SearchRequest("s.377A")).Hits[0].Id);
        Assert.Equal("b", index.Search(new SearchRequest("377-A")).Hits[0].Id);
    }

    [Theory]
    [InlineData("trafiking", "d", "trafficking")]
    [InlineData("corporeal punishmnet", "e", "corporal punishment")]
    public void Should_correct_one_typo_and_say_so(string query, string expected, string correction)
    {
        using var index = Index();
        var r = index.Search(new SearchRequest(query));
        Assert.Equal(expected, r.Hits[0].Id);
        Assert.Equal(correction, r.DidYouMean);
    }

    [Fact]
    public void Should_expand_synonyms_from_the_content_list()
    {
        using var index = Index();
        Assert.Equal("c", index.Search(new SearchRequest("NWFP")).Hits[0].Id);
        Assert.Equal("c", index.Search(new SearchRequest("kpk child")).Hits[0].Id);
    }

    [Theory]
    [InlineData("شادی")]          // Urdu, as typed on an Urdu keyboard
    [InlineData("شادي")]          // Arabic yeh, as an Arabic keyboard types it
    [InlineData("شَادی")]         // with a diacritic
    [InlineData("shadi")]         // Roman Urdu
    [InlineData("كم عمري كي شادي")] // a phrase, Arabic kaf and yeh throughout
    public void Should_find_english_records_from_urdu_and_roman_urdu_queries(string query)
    {
        using var index = SearchIndex.Build(
        [
            Doc("a", "statute", "Child Marriage Restraint Act",
                "Sets the minimum age of marriage for girls at sixteen.", "punjab"),
            Doc("e", "topic", "Corporal punishment in schools", "Does a law prohibit corporal punishment?", "ict"),
        ], [["marriage", "شادی", "shadi"], ["child marriage", "کم عمری کی شادی"]]);
        Assert.Equal("a", index.Search(new SearchRequest(query)).Hits[0].Id);
    }

    [Fact]
    public void Should_drop_synonym_terms_no_document_contains()
    {
        using var index = SearchIndex.Build(
            [Doc("a", "statute", "Child Marriage Restraint Act", "Sets the minimum age.", "punjab")],
            [["marriage", "شادی", "wedlock"]]);
        var plan = index.Plan("شادی");
        Assert.Equal(["marriag"], plan.TermWeights.Keys);
    }

    [Fact]
    public void Should_filter_by_facet_and_count_facets()
    {
        using var index = Index();
        var r = index.Search(new SearchRequest("act", new Dictionary<string, string> { ["jurisdiction"] = "federal" }));
        Assert.All(r.Hits, h => Assert.Equal("federal", h.Facets["jurisdiction"][0]));
        Assert.Equal(r.Total, r.Facets["jurisdiction"].Single(f => f.Value == "federal").Count);
    }

    [Theory]
    [InlineData("\"unclosed")]
    [InlineData("AND OR NOT (")]
    [InlineData("title:[* TO")]
    [InlineData("")]
    [InlineData("!!!")]
    public void Should_answer_query_syntax_without_crashing(string query)
    {
        using var index = Index();
        var r = index.Search(new SearchRequest(query));
        // Query syntax is not syntax here: the operators and brackets are ignored, so the answer is the plain words'
        // answer
        var words = System.Text.RegularExpressions.Regex.Replace(query, @"[^\p{L}\p{N} ]", " ");
        var plain = index.Search(new SearchRequest(words));
        Assert.Equal(plain.Hits.Select(h => h.Id), r.Hits.Select(h => h.Id));
        Assert.Equal(plain.Total, r.Total);
    }

    [Fact]
    public void Should_reject_over_long_query_with_clear_message()
    {
        using var index = Index();
        var e = Assert.Throws<ArgumentException>(() => index.Search(new SearchRequest(new string('a', 501))));
        Assert.Contains("limit is 500", e.Message);
    }

    [Fact]
    public void Should_find_similar_documents_in_other_jurisdictions()
    {
        using var index = Index();
        var similar = index.MoreLikeThis("a", 3, otherThan: "jurisdiction");
        Assert.NotEmpty(similar);
        Assert.DoesNotContain(similar, s => s.Document.Id == "a");
        Assert.All(similar, s => Assert.NotEqual("punjab", s.Document.Facets["jurisdiction"][0]));
        Assert.All(similar, s => Assert.Equal("statute", s.Document.Kind));
    }

    [Fact]
    public void Should_index_in_parallel_slices_exactly_as_one_writer_does()
    {
        var random = new Random(7);
        var words = Enumerable.Range(0, 400).Select(i => $"w{i}x{(char)('a' + i % 26)}").ToArray();
        string Text(int n) => string.Join(' ',
            Enumerable.Range(0, n).Select(_ => words[(int)Math.Pow(words.Length, random.NextDouble()) - 1]));
        var docs = Enumerable.Range(0, 3_001).Select(i => Doc($"d{i:D4}", i % 3 == 0 ? "statute" : "section", Text(6),
            Text(40),
            (i % 4) switch { 0 => "punjab", 1 => "sindh", 2 => "kp", _ => "ict" }, Text(2))).ToList();
        using var one = SearchIndex.Build(docs, null, slices: 1);
        using var three = SearchIndex.Build(docs, null, slices: 3);
        // A slice too big for its buffer flushes several segments and is merged back into one:
        // document numbers must still follow the documents' order.
        using var flushed = SearchIndex.Build(docs, null, slices: 2, flushEvery: 40);
        Assert.True(flushed.SegmentsFlushed > 2, $"only {flushed.SegmentsFlushed} segments were flushed");
        Assert.Equal(one.TermScores().Keys, flushed.TermScores().Keys);
        foreach (var (term, postings) in one.TermScores()) Assert.Equal(postings, flushed.TermScores()[term]);

        var a = one.TermScores();
        var b = three.TermScores();
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (term, postings) in a) Assert.Equal(postings, b[term]);
        Assert.Equal(one.Vocabulary.Words.OrderBy(w => w.Key, StringComparer.Ordinal),
            three.Vocabulary.Words.OrderBy(w => w.Key, StringComparer.Ordinal));
        foreach (var q in new[] { words[0], $"{words[1]} {words[5]}", words[200], "nothing-like-it" })
        {
            var x = one.Search(new SearchRequest(q, Limit: 20));
            var y = three.Search(new SearchRequest(q, Limit: 20));
            Assert.Equal(x.Total, y.Total);
            Assert.Equal(x.Hits.Select(h => (h.Id, h.Score)), y.Hits.Select(h => (h.Id, h.Score)));
        }
        Assert.Equal(one.MoreLikeThis("d0042", 5).Select(h => (h.Document.Id, h.Score)),
            three.MoreLikeThis("d0042", 5).Select(h => (h.Document.Id, h.Score)));
        Assert.True(a.Values.Sum(p => p.Count) > 50_000, "the corpus is big enough that slices share terms");
    }

    [Fact]
    public void Should_rank_similar_documents_exactly_as_the_same_lucene_query_does()
    {
        var random = new Random(11);
        var words = Enumerable.Range(0, 600).Select(i => $"v{i}q{(char)('a' + i % 26)}").ToArray();
        string Text(int n) => string.Join(' ',
            Enumerable.Range(0, n).Select(_ => words[(int)Math.Pow(words.Length, random.NextDouble()) - 1]));
        var docs = Enumerable.Range(0, 2_500).Select(i => Doc($"d{i:D4}", i % 5 == 0 ? "statute" : "section", Text(5),
            Text(random.Next(5, 60)),
            (i % 3) switch { 0 => "punjab", 1 => "sindh", _ => "kp" })).ToList();
        using var index = SearchIndex.Build(docs, null, slices: 2);
        var (compared, ties) = (0, 0);
        foreach (var d in docs.Where((_, i) => i % 7 == 0))
        {
            var mine = index.MoreLikeThis(d.Id, 4, otherThan: "jurisdiction");
            var (query, filter) = index.MoreLikeThisQuery(d.Id, "jurisdiction") ?? default;
            if (query is null)
            {
                Assert.Empty(mine);
                continue;
            }
            var theirs = index.RunQuery(query, filter, 5).ScoreDocs
                .Select(s => (Doc: index.Documents[s.Doc], s.Score))
                .Where(s => s.Doc.Id != d.Id)
                .OrderByDescending(s => s.Score).ThenBy(s => s.Doc.Id, StringComparer.Ordinal)
                .Take(4).ToList();
            Assert.Equal(theirs.Count, mine.Count);
            for (var k = 0; k < mine.Count; k++)
            {
                // Lucene may add a document's clause scores in another order: equal to float rounding
                // (and where two documents tie, either may come first).
                Assert.Equal(theirs[k].Score, mine[k].Score, theirs[k].Score * 1e-5f);
                if (theirs[k].Doc.Id != mine[k].Document.Id) ties++;
                Assert.Equal(d.Kind, mine[k].Document.Kind);
                Assert.NotEqual(d.Facets["jurisdiction"][0], mine[k].Document.Facets["jurisdiction"][0]);
            }
            compared += mine.Count;
        }
        Assert.True(compared > 500, $"only {compared} similar documents compared");
        Assert.True(ties < compared / 20, $"{ties} of {compared} places differ by a tie");
    }
}
