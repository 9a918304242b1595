using System.Text;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Render;

/// <summary>
/// One page of each template, built from the fixture, compared byte for byte with a reviewed copy in
/// tests/KnowledgeBase.Tests/Golden/. A change to a template shows here as a diff to review; after
/// reviewing it, `KB_UPDATE_GOLDEN=1 dotnet test --filter GoldenPageTests` rewrites the copies.
/// </summary>
public sealed class GoldenPageTests
{
    public static readonly TheoryData<string, string> Pages = new()
    {
        { "home", "index.html" },
        { "matrix", "compare/index.html" },
        { "pair", "compare/ict-vs-punjab/index.html" },
        { "findings", "findings/index.html" },
        { "mandates", "mandates/index.html" },
        { "timeline", "timeline/index.html" },
        { "topic", "topics/marriage-minimum-age-girls/index.html" },
        { "statute", "statutes/punjab-test-act-2004/index.html" },
        { "institution", "institutions/punjab-test-bureau/index.html" },
        { "jurisdiction", "jurisdictions/punjab/index.html" },
        { "article", "articles/methodology/index.html" },
        { "judgment", "judgments/lhc-2024-test-case/index.html" },
        { "policy", "policies/punjab-test-policy-2025/index.html" },
        { "indicator", "indicators/test-reported-cases/index.html" },
        { "statute-index", "statutes/index.html" },
        { "judgment-index", "judgments/index.html" },
        { "search", "search/index.html" },
        { "data", "data/index.html" },
        { "changes", "changes/index.html" },
        { "not-found", "404.html" },
    };

    private static readonly Lazy<SortedDictionary<string, byte[]>> Site = new(() => Sites.Build());

    [Theory]
    [MemberData(nameof(Pages))]
    public void Should_render_the_template_as_reviewed(string template, string path)
    {
        var golden = Path.Combine(Paths.Repo, "tests", "KnowledgeBase.Tests", "Golden", template + ".html");
        Assert.True(Site.Value.ContainsKey(path), $"the fixture build has no {path}");
        var actual = Encoding.UTF8.GetString(Site.Value[path]);
        if (Environment.GetEnvironmentVariable("KB_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
            return;
        }
        Assert.True(File.Exists(golden),
            $"{golden} is missing; review the page, then run with KB_UPDATE_GOLDEN=1 to write it");
        var expected = File.ReadAllText(golden);
        if (expected == actual) return;
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        var line = expected[..i].Count(c => c == '\n') + 1;
        Assert.Fail($"{template} ({path}) differs from {Path.GetFileName(golden)} at line {line}:\n" +
                    $"reviewed: …{expected[Math.Max(0, i - 60)..Math.Min(expected.Length, i + 100)]}…\n" +
                    $"now:      …{actual[Math.Max(0, i - 60)..Math.Min(actual.Length, i + 100)]}…\n" +
                    "If the change is intended, run with KB_UPDATE_GOLDEN=1 and commit the new copy.");
    }
}
