using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeBase.Generator;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cli;

/// <summary>
/// Dated data releases: `kb release` archives the downloads; every build publishes each release at a stable address.
/// </summary>
public sealed partial class ReleaseCommandTests
{
    [GeneratedRegex(@"archived release (\d{4}-\d{2}-\d{2}-[0-9a-f]{8}):")]
    private static partial Regex Archived();

    private static string Release(TempContent content)
    {
        var r = Kb.Run("release", "--content", content.Content);
        Assert.True(r.ExitCode == 0, r.Err);
        var m = Archived().Match(r.Out);
        Assert.True(m.Success, r.Out);
        return m.Groups[1].Value;
    }

    [Fact]
    public void Should_archive_releases_and_publish_each_at_a_stable_address_with_what_changed()
    {
        using var content = new TempContent();
        // Given a first release of the fixture content, dated by the content's as-of date
        var first = Release(content);
        Assert.StartsWith("2026-01-15-", first);
        Assert.True(File.Exists(content.PathOf($"releases/{first}/answers.csv")));
        // Archiving the same content again is a no-op
        Assert.Contains("already archived", Kb.Run("release", "--content", content.Content).Out);
        // When an answer changes and a second release is archived
        content.Replace("topics/marriage-minimum-age-girls.yaml",
            "    value: \"16\"\n    statute: punjab-test-act-2004",
            "    value: \"18\"\n    statute: punjab-test-act-2004");
        var second = Release(content);
        Assert.NotEqual(first, second);
        // Then a build publishes both, byte for byte, and this build's manifest names the current version
        var site = Pipeline.Build(content.Content, Checks.Today).Site!;
        Assert.Equal(File.ReadAllBytes(content.PathOf($"releases/{first}/answers.csv")),
            site[$"data/releases/{first}/answers.csv"]);
        Assert.Equal(site["data/answers.csv"], site[$"data/releases/{second}/answers.csv"]);
        using var manifest = JsonDocument.Parse(site["data/release.json"]);
        Assert.Equal(second, manifest.RootElement.GetProperty("version").GetString());
        var answers = manifest.RootElement.GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "answers.csv");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(site["data/answers.csv"])),
            answers.GetProperty("sha256").GetString());
        // And the data page lists them newest first, the second saying what changed since the first
        var rows = Sites.Page(site, "data/index.html").GetElementById("releases")!.QuerySelectorAll("tbody tr")
            .ToList();
        Assert.Equal([second, first], rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.StartsWith($"1 answer changed", rows[0].QuerySelectorAll("td")[1].TextContent);
        Assert.EndsWith($"since {first}", rows[0].QuerySelectorAll("td")[1].TextContent);
        Assert.Equal("first release", rows[1].QuerySelectorAll("td")[1].TextContent);
        Assert.Contains(rows[1].QuerySelectorAll("a"),
            a => a.GetAttribute("href") == $"../data/releases/{first}/answers.csv");
    }

    [Fact]
    public void Should_give_the_same_version_for_the_same_content_and_another_for_a_change()
    {
        using var a = new TempContent();
        using var b = new TempContent();
        var (siteA, siteB) =
            (Pipeline.Build(a.Content, Checks.Today).Site!, Pipeline.Build(b.Content, Checks.Today).Site!);
        Assert.Equal(siteA["data/release.json"], siteB["data/release.json"]);
        b.Replace("statutes/punjab/punjab-test-act-2004.yaml", "title: The Punjab Test Children Act, 2004",
            "title: The Punjab Test Children Act, 2004 (corrected)");
        var siteC = Pipeline.Build(b.Content, Checks.Today).Site!;
        Assert.NotEqual(siteA["data/release.json"], siteC["data/release.json"]);
    }
}
