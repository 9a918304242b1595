using System.Text;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Kinds;

/// <summary>
/// The kinds that live in one place: judgments, policies and indicators, read, checked, rendered, linked and exported.
/// </summary>
public sealed class KindTests
{
    private static SortedDictionary<string, byte[]> Build(Action<TempContent>? mutate = null) => Sites.Build(mutate);

    private static AngleSharp.Html.Dom.IHtmlDocument Page(SortedDictionary<string, byte[]> site, string path) =>
        Sites.Page(site, path);

    private const string Judgment = "judgments/lhc-2024-test-case.yaml";
    private const string Policy = "policies/punjab-test-policy-2025.yaml";
    private const string Indicator = "indicators/test-reported-cases.yaml";

    [Fact]
    public void Should_render_a_judgment_and_list_it_on_the_statute_topic_and_jurisdiction_it_concerns()
    {
        var site = Build();
        var page = Page(site, "judgments/lhc-2024-test-case/index.html");
        Assert.Equal("Test Petitioner v. Province of Punjab", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("9 April 2024", page.QuerySelector("dl.facts")!.TextContent);
        var effect = page.QuerySelector("ul.effects li")!;
        Assert.StartsWith("Struck down", effect.TextContent);
        Assert.Contains(effect.QuerySelectorAll("a"),
            a => a.GetAttribute("href") == "../../statutes/punjab-test-act-2004/#s-2-a");
        Assert.Contains(page.QuerySelectorAll("a"),
            a => a.GetAttribute("href") == "../../topics/marriage-minimum-age-girls/#answer-punjab");
        foreach (var (path, heading) in new[]
                 {
                     ("statutes/punjab-test-act-2004/index.html", "Judgments on this law (1)"),
                     ("topics/marriage-minimum-age-girls/index.html", "Judgments on this question (1)"),
                     ("jurisdictions/punjab/index.html", "Judgments (1)"),
                 })
        {
            var section = Page(site, path).GetElementById("judgments")!;
            Assert.Equal(heading, section.QuerySelector("h2")!.TextContent);
            Assert.Contains(section.QuerySelectorAll("a"),
                a => a.GetAttribute("href")!.EndsWith("judgments/lhc-2024-test-case/", StringComparison.Ordinal));
        }
        // The statute's page says what the judgment did to it
        Assert.Contains("struck down s. 2(a)",
            Page(site, "statutes/punjab-test-act-2004/index.html").GetElementById("judgments")!.TextContent);
        // And no other statute lists it
        Assert.Null(Page(site, "statutes/pk-test-code-1860/index.html").GetElementById("judgments"));
    }

    [Fact]
    public void Should_link_an_answers_history_entry_to_the_judgment_that_made_it()
    {
        var site = Build(c => c.Replace("topics/marriage-minimum-age-girls.yaml", "  - jurisdiction: sindh",
            "    history:\n" +
            "      - value: \"16\"\n        from: 1961-07-15\n        until: 2024-04-09\n" +
            "        instrument: ordinance\n        title: Muslim Family Laws Ordinance 1961\n" +
            "        sources:\n          - url: https://example.org/1961\n" +
            "            kind: unofficial-copy\n            read_on: 2026-01-15\n" +
            "      - value: \"18\"\n        from: 2024-04-09\n" +
            "        instrument: judgment\n        title: Test Petitioner v. Province of Punjab\n" +
            "        sources:\n          - url: https://example.org/judgment\n" +
            "            kind: judgment\n            read_on: 2026-01-15\n" +
            "  - jurisdiction: sindh"));
        var rows = Page(site, "topics/marriage-minimum-age-girls/index.html").QuerySelectorAll("table.history tr");
        var judgment = rows.Single(r => r.TextContent.Contains("judgment", StringComparison.Ordinal));
        Assert.Equal("../../judgments/lhc-2024-test-case/",
            judgment.QuerySelector("a[href*='judgments/']")!.GetAttribute("href"));
        Assert.Null(rows.Single(r => r.TextContent.Contains("ordinance", StringComparison.Ordinal))
            .QuerySelector("a[href*='judgments/']"));
    }

    [Fact]
    public void Should_render_a_policy_with_the_mandates_it_assigns_and_list_it_on_the_bodys_page()
    {
        var site = Build();
        var page = Page(site, "policies/punjab-test-policy-2025/index.html");
        Assert.Contains("approved, June 2025", page.QuerySelector("dl.facts")!.TextContent);
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("District police", StringComparison.Ordinal)
            && r.Contains("Child abuse cases only.", StringComparison.Ordinal));
        var body = Page(site, "institutions/punjab-test-bureau/index.html").GetElementById("policies")!;
        Assert.Contains("assigns it", body.TextContent);
        Assert.Contains(
            Page(site, "topics/marriage-minimum-age-girls/index.html").GetElementById("policies")!
                .QuerySelectorAll("a"),
            a => a.GetAttribute("href")!.EndsWith("policies/punjab-test-policy-2025/", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_show_an_indicator_as_a_table_and_bars_with_the_latest_values_where_readers_look()
    {
        var site = Build();
        var page = Page(site, "indicators/test-reported-cases/index.html");
        var table = page.QuerySelector("table.indicator")!;
        Assert.Equal(["Period", "Pakistan", "Punjab"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal("4,253", table.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td")[0].TextContent);
        Assert.Equal(3, page.QuerySelectorAll("figure.chart rect").Length);
        Assert.Equal(4, page.QuerySelectorAll("ol.indicator-values > li").Length);
        // The home page gives the latest national figure; the province's profile its own; the topic's page the
        // national one
        Assert.Contains("3,364", Page(site, "index.html").QuerySelector("section.figures")!.TextContent);
        Assert.Contains("1,500 (2024)",
            Page(site, "jurisdictions/punjab/index.html").GetElementById("figures")!.TextContent);
        Assert.Contains("3,364 (Pakistan, 2024)",
            Page(site, "topics/marriage-minimum-age-girls/index.html").GetElementById("figures")!.TextContent);
        Assert.Null(Page(site, "jurisdictions/sindh/index.html").GetElementById("figures"));
    }

    [Fact]
    public void Should_export_each_kind_as_csv_described_in_the_data_package()
    {
        var site = Build();
        var rows = Encoding.UTF8.GetString(site["data/indicators.csv"]).TrimEnd('\n').Split('\n');
        Assert.Equal("indicator,title,unit,period,area,value,source_urls,note", rows[0]);
        Assert.Equal(5, rows.Length);
        Assert.Contains(rows, r => r.StartsWith(
            "test-reported-cases,Test child abuse cases reported in the press,cases,2024,punjab,1500,",
            StringComparison.Ordinal));
        Assert.Contains("punjab-test-bureau|case-management;District police|investigation",
            Encoding.UTF8.GetString(site["data/policies.csv"]));
        Assert.Contains("lhc-2024-test-case", Encoding.UTF8.GetString(site["data/judgments.csv"]));
        using var package = System.Text.Json.JsonDocument.Parse(site["data/datapackage.json"]);
        var indicators = package.RootElement.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("path").GetString() == "indicators.csv");
        var value = indicators.GetProperty("schema").GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "value");
        Assert.Equal("number", value.GetProperty("type").GetString());
        // And each kind has its index page and a place in the navigation
        foreach (var (url, label) in
            new[] { ("judgments/", "Judgments"), ("policies/", "Policies"), ("indicators/", "Figures") })
        {
            Assert.True(site.ContainsKey(url + "index.html"));
            Assert.Contains(Page(site, "index.html").QuerySelectorAll("header nav a"),
                a => a.TextContent == label && a.GetAttribute("href") == url);
        }
    }

    [Theory]
    [InlineData(Judgment, "    section: \"2(a)\"", "    section: \"9(z)\"", "KB3003", "lists no section '9(z)'")]
    [InlineData(Judgment, "  - topic: marriage-minimum-age-girls", "  - topic: marriage-minimum-age-boyz", "KB3002",
        "did you mean")]
    [InlineData(Judgment, "court: Lahore High Court", "court: Lahore Court", "KB2004", "Lahore High Court")]
    [InlineData(Judgment, "decided: 2024-04-09", "decided: 2027-01-01", "KB3010", "in the future")]
    [InlineData(Policy, "    body: punjab-test-bureau", "    body: punjab-test-bureau\n    body_name: Bureau", "KB3005",
        "one of the two")]
    [InlineData(Policy, "  - function: case-management", "  - function: case-managment", "KB3002", "case-management")]
    [InlineData(Policy, "adopted: 2025-06", "adopted: June 2025", "KB2005", "YYYY-MM")]
    [InlineData(Indicator, "    value: 4253", "    value: 4,253", "KB2003", "plain number")]
    [InlineData(Indicator, "    area: punjab", "    area: panjab", "KB3002", "punjab")]
    public void Should_report_a_broken_record_where_it_is_with_a_hint(string file, string from, string to, string code,
        string expected)
    {
        var diagnostic = Checks.Single(Checks.With(c => c.Replace(file, from, to)), code);
        Assert.EndsWith(Path.GetFileName(file), diagnostic.Span.File, StringComparison.Ordinal);
        Assert.True(diagnostic.Span.Line > 1, diagnostic.ToString());
        Assert.Contains(expected, diagnostic.ToString(), StringComparison.Ordinal);
    }
}
