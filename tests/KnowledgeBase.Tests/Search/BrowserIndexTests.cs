using System.Text.Json;
using KnowledgeBase.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class BrowserIndexTests
{
    private static SearchIndex Index() => SearchIndex.Build(Enumerable.Range(0, 200).Select(i => new SearchDocument(
        $"d{i}", "section", $"Section {i} on child labour and trafficking", "", $"Body {i} with word{i % 17} and term{i % 31}.", $"x/{i}/",
        new Dictionary<string, IReadOnlyList<string>>())));

    [Fact]
    public void Should_keep_postings_inline_below_the_threshold()
    {
        using var index = Index();
        var files = BrowserIndex.WriteFiles(index);
        var only = Assert.Single(files);
        using var json = JsonDocument.Parse(only.Value);
        Assert.Equal(0, json.RootElement.GetProperty("shards").GetInt32());
        Assert.True(json.RootElement.GetProperty("postings").TryGetProperty("traffick", out _));
    }

    [Fact]
    public void Should_split_postings_into_shards_by_term_hash_above_the_threshold()
    {
        using var index = Index();
        var inline = JsonDocument.Parse(BrowserIndex.WriteFiles(index)["index.json"]).RootElement.GetProperty("postings");
        var files = BrowserIndex.WriteFiles(index, shardThreshold: 1);
        using var main = JsonDocument.Parse(files["index.json"]);
        var count = main.RootElement.GetProperty("shards").GetInt32();
        Assert.True(count >= 2);
        Assert.Empty(main.RootElement.GetProperty("postings").EnumerateObject());
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < count; k++)
        {
            using var shard = JsonDocument.Parse(files[$"postings-{k}.json"]);
            foreach (var term in shard.RootElement.EnumerateObject())
            {
                Assert.Equal((uint)k, BrowserIndex.Hash(term.Name) % (uint)count);
                seen[term.Name] = term.Value.GetRawText();
            }
        }
        // Every term's postings are in exactly the shard its hash names, unchanged.
        Assert.Equal(inline.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText()), seen);
    }

    [Fact]
    public void Should_write_the_same_bytes_for_the_same_documents()
    {
        using var a = Index();
        using var b = Index();
        Assert.Equal(BrowserIndex.Write(a), BrowserIndex.Write(b));
    }

    [Theory]
    [InlineData("", 2166136261u)]
    [InlineData("a", 3826002220u)]
    [InlineData("traffick", 2628400727u)]
    public void Should_hash_terms_with_fnv1a_as_the_browser_does(string term, uint expected) =>
        Assert.Equal(expected, BrowserIndex.Hash(term));
}
