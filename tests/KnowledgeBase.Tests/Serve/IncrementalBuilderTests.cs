using System.Text;
using System.Text.RegularExpressions;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Generator;
using KnowledgeBase.Generator.Serve;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Serve;

public sealed class IncrementalBuilderTests
{
    private static readonly DateOnly Today = Checks.Today;

    private static Dictionary<string, string> Html(IReadOnlyDictionary<string, byte[]> site) =>
        site.Where(kv => kv.Key.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetString(kv.Value), StringComparer.Ordinal);

    private static void Touch(TempContent content, string relative, string from, string to)
    {
        content.Replace(relative, from, to);
        // Length or time must differ for the parse cache to notice; make sure the time does.
        File.SetLastWriteTimeUtc(content.PathOf(relative), DateTime.UtcNow.AddSeconds(5));
    }

    [Theory]
    [InlineData("topics/marriage-minimum-age-girls.yaml", "note: Searched the KP code; no provision.",
        "note: Searched the KP code twice; no provision.", "topics/marriage-minimum-age-girls/index.html")]
    [InlineData("statutes/punjab/punjab-test-act-2004.yaml", "title: The Punjab Test Children Act, 2004",
        "title: The Punjab Renamed Children Act, 2004", "statutes/punjab-test-act-2004/index.html")]
    [InlineData("institutions/punjab/punjab-test-bureau.yaml", "name: Test Child Protection Bureau",
        "name: Renamed Child Protection Bureau", "institutions/punjab-test-bureau/index.html")]
    [InlineData("articles/methodology.md", "Some *Markdown* prose.", "Some *Markdown* prose, edited.",
        "articles/methodology/index.html")]
    [InlineData("judgments/lhc-2024-test-case.yaml", "title: Test Petitioner v. Province of Punjab",
        "title: Renamed Petitioner v. Province of Punjab", "statutes/punjab-test-act-2004/index.html")]
    [InlineData("policies/punjab-test-policy-2025.yaml", "title: Punjab Test Child Protection Policy",
        "title: Punjab Renamed Policy", "institutions/punjab-test-bureau/index.html")]
    [InlineData("indicators/test-reported-cases.yaml", "    value: 1500", "    value: 1501",
        "jurisdictions/punjab/index.html")]
    // A statute's page changes, and so do the pages of the judgments that name it
    [InlineData("statutes/punjab/punjab-test-act-2004.yaml", "title: The Punjab Test Children Act, 2004",
        "title: The Punjab Retitled Children Act, 2004", "judgments/lhc-2024-test-case/index.html")]
    public void Should_render_only_touched_pages_and_match_a_full_rebuild(string file, string from, string to,
        string page)
    {
        // Given a full build
        using var content = new TempContent();
        var builder = new IncrementalBuilder(content.Content);
        var first = builder.Full(Today);
        Assert.NotNull(first.Site);
        // When one record changes and the builder runs incrementally
        Touch(content, file, from, to);
        var step = builder.Incremental(Today);
        // Then a subset of pages changed, including the record's own page
        Assert.NotNull(step);
        Assert.Contains(page, step.Value.Changed);
        Assert.True(step.Value.Changed.Count < Html(first.Site!).Count / 2, string.Join(", ", step.Value.Changed));
        // And every page equals a full render of the edited content (with the last full build's
        // MoreLikeThis lists, which the server recomputes in the background full build that follows)
        var result = step.Value.Result;
        var expected = Html(SiteRenderer.RenderPages(result.Check.Model, result.Analysis!, builder.Last!.Similar,
            _ => true, builder.Last.History));
        var actual = Html(result.Site!);
        var stale = expected.Keys.Where(k => !actual.TryGetValue(k, out var a) || a != expected[k]).ToList();
        Assert.True(stale.Count == 0, "stale pages: " + string.Join(", ", stale) + "\n" +
            string.Join("\n", stale.Select(k => Diff(expected[k], actual.GetValueOrDefault(k) ?? ""))));
        // And the pages outside similar-provision lists equal a full build from scratch
        var full = Html(Pipeline.Build(content.Content, Today).Site!);
        Assert.Equal(full.Keys.Order(StringComparer.Ordinal),
            actual.Keys.Where(k => full.ContainsKey(k)).Order(StringComparer.Ordinal));
        Assert.All(full.Where(kv => !kv.Value.Contains("class=\"similar\"", StringComparison.Ordinal)),
            kv => Assert.Equal(kv.Value, actual[kv.Key]));
    }

    private static string Diff(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return $"full: …{a[Math.Max(0, i - 80)..Math.Min(a.Length, i + 120)]}…\n" +
            $"incremental: …{b[Math.Max(0, i - 80)..Math.Min(b.Length, i + 120)]}…";
    }

    [Fact]
    public void Should_fall_back_to_a_full_build_when_a_record_is_added()
    {
        using var content = new TempContent();
        var builder = new IncrementalBuilder(content.Content);
        builder.Full(Today);
        content.Write("institutions/punjab/punjab-second-bureau.yaml",
            content.Read("institutions/punjab/punjab-test-bureau.yaml")
                .Replace("id: punjab-test-bureau", "id: punjab-second-bureau"));
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

/// <summary>
/// The incremental rebuild against re-rendering every page, on the real content: every record
/// is edited in turn (its title or name, which appears on the most pages) and every HTML
/// page must equal a full render of the edited model with the same similar-provision lists.
/// </summary>
// The slow tier: equivalence, fuzz and kill tests. `--filter "Tier!=slow"` runs the fast tier alone.
[Trait("Tier", "slow")]
public sealed class IncrementalEquivalenceTests
{
    // The real content is dated by when it was read, so it is checked as of today.
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static readonly Regex TitleLine = new(@"^(title|name): (.+)$", RegexOptions.Multiline);

    public static TheoryData<string> Records()
    {
        var root = Paths.RealContent;
        var all = new[] { "statutes", "institutions", "topics", "articles", "judgments", "policies", "indicators" }
            .SelectMany(k => Directory.EnumerateFiles(Path.Combine(root, k), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        // Every record, each edited in turn (the statutes that others amend or repeal once went stale).
        return new TheoryData<string>(all);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Should_equal_a_full_render_after_editing_any_record(string relative)
    {
        // Given a full build of the real content
        using var content = new TempContent(Paths.RealContent);
        var builder = new IncrementalBuilder(content.Content);
        Assert.NotNull(builder.Full(Today).Site);
        // When the record's title changes
        var text = content.Read(relative);
        var edited = TitleLine.Replace(text, m => $"{m.Groups[1].Value}: {m.Groups[2].Value.TrimEnd('"')} (edited)" +
            $"{(m.Groups[2].Value.EndsWith('"') ? "\"" : "")}", 1);
        Assert.NotEqual(text, edited);
        content.Write(relative, edited);
        File.SetLastWriteTimeUtc(content.PathOf(relative), DateTime.UtcNow.AddSeconds(5));
        var step = builder.Incremental(Today);
        // Then every page equals a full render of the edited model
        Assert.NotNull(step);
        Assert.NotNull(step.Value.Result.Site);
        var result = step.Value.Result;
        var reference = SiteRenderer.RenderPages(result.Check.Model, result.Analysis!, builder.Last!.Similar,
            _ => true);
        var stale = reference
            .Where(kv => !result.Site!.TryGetValue(kv.Key, out var bytes) || !bytes.AsSpan().SequenceEqual(kv.Value))
            .Select(kv => kv.Key).ToList();
        Assert.True(stale.Count == 0, $"after editing {relative}, stale pages: {string.Join(", ", stale)}");
    }
}
