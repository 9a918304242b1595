using System.Text.Json;
using KnowledgeBase.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class BrowserIndexTests
{
    private static SearchIndex Index() => SearchIndex.Build(Enumerable.Range(0, 200).Select(i => new SearchDocument(
        $"d{i}", "section", $"Section {i} on child labour and trafficking", "",
        $"Body {i} with word{i % 17} and term{i % 31} for children.", $"x/{i}/",
        new Dictionary<string, IReadOnlyList<string>>())));

    private static JsonElement Parse(IReadOnlyDictionary<string, byte[]> files, string name) =>
        JsonDocument.Parse(files[name]).RootElement;

    [Fact]
    public void Should_split_postings_into_shards_by_term_hash_each_with_its_terms_surface_words()
    {
        using var index = Index();
        var files = BrowserIndex.WriteFiles(index, shardBytes: 1);
        var count = Parse(files, "index.json").GetProperty("shards").GetInt32();
        Assert.True(count >= 2);
        Assert.Equal(count, files.Keys.Count(k => k.StartsWith("postings-", StringComparison.Ordinal)));
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var surface = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var k = 0; k < count; k++)
        {
            var shard = Parse(files, $"postings-{k}.json");
            foreach (var term in shard.GetProperty("p").EnumerateObject())
            {
                Assert.Equal((uint)k, BrowserIndex.Hash(term.Name) % (uint)count);
                seen[term.Name] = term.Value.GetRawText();
            }
            foreach (var term in shard.GetProperty("w").EnumerateObject())
            {
                Assert.True(shard.GetProperty("p").TryGetProperty(term.Name, out _),
                    $"surface words for {term.Name} sit beside its postings");
                surface[term.Name] = term.Value.EnumerateArray().Select(w => w.GetString()!)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }
        // Every term's postings are in exactly the shard its hash names, whatever the shard size.
        var one = BrowserIndex.WriteFiles(index, shardBytes: int.MaxValue);
        Assert.Equal(1, Parse(one, "index.json").GetProperty("shards").GetInt32());
        Assert.Equal(Parse(one, "postings-0.json").GetProperty("p").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetRawText()), seen);
        // The surface words are the vocabulary read backwards: "trafficking" highlights where the query asked for
        // "traffick".
        foreach (var (word, (term, _)) in index.Vocabulary.Words)
            if (term is not null) Assert.Contains(word, surface[term]);
        Assert.Contains("trafficking", surface["traffick"]);
    }

    [Fact]
    public void Should_split_the_vocabulary_by_word_length_and_list_the_lengths()
    {
        using var index = Index();
        var files = BrowserIndex.WriteFiles(index);
        var lengths = Parse(files, "index.json").GetProperty("vocab").EnumerateArray().Select(x => x.GetInt32())
            .ToList();
        Assert.Equal(index.Vocabulary.Words.Keys.Select(w => w.Length).Distinct().Order(), lengths);
        var all = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var n in lengths)
            foreach (var entry in Parse(files, $"vocab-{n}.json").EnumerateObject())
            {
                Assert.Equal(n, entry.Name.Length);
                all.Add(entry.Name, entry.Value[0].GetString());
            }
        Assert.Equal(index.Vocabulary.Words.ToDictionary(w => w.Key, w => w.Value.Term), all);
    }

    [Fact]
    public void Should_keep_excerpts_out_of_the_main_file_in_chunks_by_document()
    {
        using var index = Index();
        var files = BrowserIndex.WriteFiles(index);
        var main = Parse(files, "index.json");
        var docs = main.GetProperty("docs").EnumerateArray().ToList();
        Assert.All(docs, d => Assert.False(d.TryGetProperty("excerpt", out _)));
        var size = main.GetProperty("excerptChunk").GetInt32();
        for (var n = 0; n < docs.Count; n++)
            Assert.Equal(SearchIndex.Excerpt(index.Documents[n].Body),
                Parse(files, $"excerpts-{n / size}.json")[n % size].GetString());
        Assert.Equal((docs.Count + size - 1) / size,
            files.Keys.Count(k => k.StartsWith("excerpts-", StringComparison.Ordinal)));
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
