using KnowledgeBase.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class SearchIndexTests
{
    private static SearchDocument Doc(string id, string kind, string title, string body, string jurisdiction, string keywords = "") =>
        new(id, kind, title, keywords, body, id + "/", new Dictionary<string, IReadOnlyList<string>> { ["jurisdiction"] = [jurisdiction] });

    private static SearchIndex Index() => SearchIndex.Build(
    [
        Doc("a", "statute", "Child Marriage Restraint Act", "Sets the minimum age of marriage for girls at sixteen.", "punjab"),
        Doc("b", "section", "Section 377A: sexual abuse", "Defines the offence of sexual abuse of a child.", "federal", "377A"),
        Doc("c", "statute", "Khyber Pakhtunkhwa Child Protection and Welfare Act", "Establishes the commission in Peshawar.", "kp"),
        Doc("d", "statute", "Prevention of Trafficking in Persons Act", "Makes trafficking in persons an offence.", "federal"),
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
        Assert.NotNull(r.Hits);
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
        var similar = index.MoreLikeThis("a", 3, d => d.Facets["jurisdiction"][0] != "punjab");
        Assert.DoesNotContain(similar, s => s.Document.Id == "a");
        Assert.All(similar, s => Assert.NotEqual("punjab", s.Document.Facets["jurisdiction"][0]));
    }
}
