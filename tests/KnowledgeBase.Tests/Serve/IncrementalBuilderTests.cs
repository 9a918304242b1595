using System.Text;
using KnowledgeBase.Generator;
using KnowledgeBase.Generator.Serve;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Serve;

public sealed class IncrementalBuilderTests
{
    private static readonly DateOnly Today = Checks.Today;

    private static Dictionary<string, string> Html(IReadOnlyDictionary<string, byte[]> site) =>
        site.Where(kv => kv.Key.EndsWith(".html", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetString(kv.Value), StringComparer.Ordinal);

    private static void Touch(TempContent content, string relative, string from, string to)
    {
        content.Replace(relative, from, to);
        // Length or time must differ for the parse cache to notice; make sure the time does.
        File.SetLastWriteTimeUtc(content.PathOf(relative), DateTime.UtcNow.AddSeconds(5));
    }

    [Theory]
    [InlineData("topics/marriage-minimum-age-girls.yaml", "note: Searched the KP code; no provision.", "note: Searched the KP code twice; no provision.", "topics/marriage-minimum-age-girls/index.html")]
    [InlineData("statutes/punjab/punjab-test-act-2004.yaml", "title: The Punjab Test Children Act, 2004", "title: The Punjab Renamed Children Act, 2004", "statutes/punjab-test-act-2004/index.html")]
    [InlineData("institutions/punjab/punjab-test-bureau.yaml", "name: Test Child Protection Bureau", "name: Renamed Child Protection Bureau", "institutions/punjab-test-bureau/index.html")]
    [InlineData("articles/methodology.md", "Some *Markdown* prose.", "Some *Markdown* prose, edited.", "articles/methodology/index.html")]
    public void Should_render_only_touched_pages_and_match_a_full_rebuild(string file, string from, string to, string page)
    {
        // Given a full build
        using var content = new TempContent();
        var builder = new IncrementalBuilder(content.Content);
        var first = builder.Full(Today);
        Assert.NotNull(first.Site);
        // When one record changes and the builder runs incrementally
        Touch(content, file, from, to);
        var step = builder.Incremental(Today);
        // Then it re-renders a subset, including the record's own page
        Assert.NotNull(step);
        Assert.Contains(page, step.Value.Changed);
        Assert.True(step.Value.Changed.Count < Html(first.Site!).Count / 2, string.Join(", ", step.Value.Changed));
        // And every page equals what a full build of the edited content gives
        var full = Pipeline.Build(content.Content, Today);
        Assert.Equal(Html(full.Site!), Html(step.Value.Result.Site!));
    }

    [Fact]
    public void Should_fall_back_to_a_full_build_when_a_record_is_added()
    {
        using var content = new TempContent();
        var builder = new IncrementalBuilder(content.Content);
        builder.Full(Today);
        content.Write("institutions/punjab/punjab-second-bureau.yaml",
            content.Read("institutions/punjab/punjab-test-bureau.yaml").Replace("id: punjab-test-bureau", "id: punjab-second-bureau"));
        Assert.Null(builder.Incremental(Today));
    }

    [Fact]
    public void Should_report_errors_and_keep_the_last_site()
    {
        using var content = new TempContent();
        var builder = new IncrementalBuilder(content.Content);
        var first = builder.Full(Today);
        Touch(content, "statutes/punjab/punjab-test-act-2004.yaml", "year: 2004", "yaer: 2004");
        var step = builder.Incremental(Today);
        Assert.NotNull(step);
        Assert.Null(step.Value.Result.Site);
        Assert.Contains(step.Value.Result.Check.Diagnostics, d => d.Code == "KB2001");
        Assert.Same(first.Site, builder.Last!.Site);
    }
}
