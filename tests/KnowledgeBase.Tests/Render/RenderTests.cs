using System.Text;
using AngleSharp.Html.Parser;
using KnowledgeBase.Generator;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Render;

public sealed class RenderTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static SortedDictionary<string, byte[]> Build(Action<TempContent>? mutate = null)
    {
        using var content = new TempContent();
        mutate?.Invoke(content);
        var result = Pipeline.Build(content.Content, Today);
        Assert.True(result.Site is not null, string.Join('\n', result.Check.Diagnostics));
        return result.Site!;
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Page(SortedDictionary<string, byte[]> site, string path) =>
        new HtmlParser().ParseDocument(Encoding.UTF8.GetString(site[path]));

    [Fact]
    public void Should_render_statute_with_an_anchor_per_section_and_citation()
    {
        var site = Build();
        var doc = Page(site, "statutes/punjab-test-act-2004/index.html");
        Assert.Equal("The Punjab Test Children Act, 2004", doc.QuerySelector("h1")!.TextContent);
        Assert.NotNull(doc.GetElementById("s-3"));
        Assert.NotNull(doc.GetElementById("s-2-a"));
        Assert.NotNull(doc.GetElementById("s-377a"));
        var cite = doc.QuerySelector("aside.cite")!.TextContent;
        Assert.Contains("Last checked: 15 January 2026", cite);
        Assert.Contains("How to cite:", cite);
        Assert.Contains("https://pk-child-protection-law.netlify.app/statutes/punjab-test-act-2004/", cite);
        Assert.Contains("\"@type\":\"Legislation\"",
            doc.QuerySelector("script[type='application/ld+json']")!.TextContent);
    }

    [Fact]
    public void Should_render_topic_table_with_every_jurisdiction_and_citation_links()
    {
        var doc = Page(Build(), "topics/marriage-minimum-age-girls/index.html");
        var rows = doc.QuerySelectorAll("table.answers tbody tr");
        Assert.Equal(["answer-ict", "answer-punjab", "answer-sindh", "answer-kp", "answer-balochistan"],
            rows.Select(r => r.Id));
        var punjab = doc.GetElementById("answer-punjab")!;
        Assert.Contains("16 years", punjab.TextContent);
        Assert.Contains("below the international benchmark", punjab.TextContent);
        Assert.Equal("../../statutes/punjab-test-act-2004/#s-2-a",
            punjab.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h!.Contains("#s-")));
        Assert.Contains("no provision", doc.GetElementById("answer-kp")!.TextContent);
        Assert.Contains("not yet researched", doc.GetElementById("answer-balochistan")!.TextContent);
        Assert.NotNull(doc.QuerySelector("figure.map svg title"));
    }

    [Fact]
    public void Should_tell_gaps_and_unresearched_cells_apart_in_the_matrix()
    {
        var doc = Page(Build(), "compare/index.html");
        var cells = doc.QuerySelectorAll("td.cell");
        Assert.Contains(cells, c => c.ClassList.Contains("cell-gap") && c.TextContent.Contains("no provision"));
        Assert.Contains(cells,
            c => c.ClassList.Contains("cell-unresearched") && c.TextContent.Contains("not researched"));
        Assert.All(cells, c => Assert.NotNull(c.QuerySelector("a[href]")));
    }

    [Fact]
    public void Should_keep_a_body_page_bounded_when_many_bodies_share_its_mandate()
    {
        // Given the fixture bureau and eleven more Punjab bodies running a helpline
        var site = Build(content =>
        {
            for (var i = 1; i <= 11; i++)
                content.Write($"institutions/punjab/punjab-test-line-{i:D2}.yaml", $"""
                    id: punjab-test-line-{i:D2}
                    jurisdiction: punjab
                    name: Test Helpline {i:D2}
                    kind: council
                    status: operational
                    reach: [punjab]
                    mandates:
                      - function: helpline
                    source_url: https://example.org/line
                    checked_on: 2026-01-15
                    verification: secondary
                    summary: Fixture helpline.
                    """);
        });
        var page = Page(site, "institutions/punjab-test-bureau/index.html");
        var item = page.QuerySelectorAll("section.findings li")
            .Single(li => li.TextContent.Contains("Helpline", StringComparison.Ordinal));
        var links = item.QuerySelectorAll("a").ToList();
        // then it names at most a handful of the other eleven and links to the full list in the findings report
        Assert.Equal(Generator.Analyse.Analyser.MaxNamed + 1, links.Count);
        Assert.EndsWith("findings/#overlap-helpline-punjab", links[^1].GetAttribute("href"));
        Assert.Contains("all 11", links[^1].TextContent);
        var report = Page(site, "findings/index.html");
        Assert.Equal(12, report.QuerySelector("#overlap-helpline-punjab .evidence")!.QuerySelectorAll("a").Length);
    }

    [Fact]
    public void Should_render_hostile_content_as_inert_text()
    {
        var site = Build(c =>
        {
            c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "title: The Punjab Test Children Act, 2004",
                "title: \"<script>alert(1)</script><b>Bold</b>\"");
            c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "  A fixture statute establishing a **bureau**.",
                "  <script>alert(2)</script> <img src=x onerror=alert(3)> [click](javascript:alert(4)) </script>");
        });
        var html = Encoding.UTF8.GetString(site["statutes/punjab-test-act-2004/index.html"]);
        var doc = new HtmlParser().ParseDocument(html);
        // The only scripts are our own hashed assets (by src, never inline) and the JSON-LD block.
        Assert.All(doc.QuerySelectorAll("script:not([type='application/ld+json'])"),
            s => Assert.Matches(@"^(\.\./)+assets/[a-z]+\.[0-9a-f]{10}\.js$", s.GetAttribute("src") ?? ""));
        Assert.All(doc.QuerySelectorAll("script:not([type='application/ld+json'])"),
            s => Assert.Equal("", s.TextContent));
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.Empty(doc.QuerySelectorAll("main b"));
        Assert.DoesNotContain(doc.QuerySelectorAll("a"),
            a => (a.GetAttribute("href") ?? "").StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert(1)</script><b>Bold</b>", doc.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("</script><b>", doc.QuerySelector("script[type='application/ld+json']")!.InnerHtml);
    }

    [Fact]
    public void Should_write_answers_csv_with_the_contract_columns()
    {
        var csv = Encoding.UTF8.GetString(Build()["data/answers.csv"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The public contract: the first ten columns never change; new ones only ever come after them.
        Assert.StartsWith("topic,jurisdiction,status,value,unit,statute,section,source_url,checked_on,verification,",
            csv[0]);
        Assert.Equal("qualifier,source_count,read_in,quote,disputed_readings,history", csv[0].Split(',', 11)[10]);
        Assert.Contains(csv, l => l.StartsWith(
            "marriage-minimum-age-girls,punjab,answered,16,years,punjab-test-act-2004,2(a)," +
            "https://example.org/punjab,2026-01-15,primary,,1,", StringComparison.Ordinal));
        Assert.Contains("marriage-minimum-age-girls,balochistan,not-researched,,,,,,,,,0,,,,", csv);
        Assert.Equal(11, csv.Length);
    }

    [Fact]
    public void Should_describe_every_csv_in_a_data_package_with_its_real_columns()
    {
        var site = Build();
        using var package = System.Text.Json.JsonDocument.Parse(site["data/datapackage.json"]);
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(site.Keys.Where(k => k.StartsWith("data/", StringComparison.Ordinal)
                && k.EndsWith(".csv", StringComparison.Ordinal)).Order(),
            resources.Select(r => "data/" + r.GetProperty("path").GetString()).Order());
        foreach (var r in resources)
        {
            var header = Encoding.UTF8.GetString(site["data/" + r.GetProperty("path").GetString()]).Split('\n')[0];
            var fields = r.GetProperty("schema").GetProperty("fields").EnumerateArray()
                .Select(f => f.GetProperty("name").GetString()).ToList();
            Assert.Equal(header, string.Join(',', fields));
        }
        var checkedOn = resources.Single(r => r.GetProperty("name").GetString() == "answers")
            .GetProperty("schema").GetProperty("fields")
            .EnumerateArray().Single(f => f.GetProperty("name").GetString() == "checked_on");
        Assert.Equal("date", checkedOn.GetProperty("type").GetString());
    }

    [Fact]
    public void Should_export_findings_and_sitemap()
    {
        var site = Build();
        var findings = Encoding.UTF8.GetString(site["data/findings.json"]);
        Assert.Contains("\"kind\": \"non-uniformity\"", findings);
        Assert.Contains("\"id\": \"below-benchmark-marriage-minimum-age-girls-punjab\"", findings);
        var sitemap = Encoding.UTF8.GetString(site["sitemap.xml"]);
        Assert.Contains("<loc>https://pk-child-protection-law.netlify.app/topics/marriage-minimum-age-girls/</loc>",
            sitemap);
        Assert.DoesNotContain("404", sitemap);
        Assert.True(site.ContainsKey("404.html"));
        Assert.True(site.ContainsKey("search/index.json"));
        Assert.True(site.ContainsKey("compare/punjab-vs-sindh/index.html"));
    }

    [Fact]
    public void Should_resolve_every_internal_link_and_anchor()
    {
        var site = Build();
        var problems = LinkChecker.Check(site);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
