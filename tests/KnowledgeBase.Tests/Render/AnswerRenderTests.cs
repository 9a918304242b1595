using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using KnowledgeBase.Generator;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Render;

/// <summary>
/// How answers of model v2 read on the site: marks, qualifiers, operative words, history, the as-of matrix.
/// </summary>
public sealed class AnswerRenderTests
{
    private const string Girls = "topics/marriage-minimum-age-girls.yaml";
    private const string Balochistan =
        "  - jurisdiction: balochistan\n    status: not-researched\n" +
        "    research: Not yet searched beyond the fixture sources.\n";

    private const string PunjabHistory =
        "    history:\n" +
        "      - value: \"14\"\n        from: 1930\n        until: 1961-07-15\n" +
        "        instrument: act\n        title: Child Marriage Restraint Act 1929\n" +
        "        sources:\n          - url: https://example.org/1929\n" +
        "            kind: unofficial-copy\n            read_on: 2026-01-15\n" +
        "      - value: \"16\"\n        from: 1961-07-15\n" +
        "        instrument: ordinance\n        title: Muslim Family Laws Ordinance 1961\n" +
        "        sources:\n          - url: https://example.org/1961\n" +
        "            kind: unofficial-copy\n            read_on: 2026-01-15\n" +
        "  - jurisdiction: sindh";

    private static SortedDictionary<string, byte[]> Build(Action<TempContent> mutate)
    {
        using var content = new TempContent();
        mutate(content);
        var result = Pipeline.Build(content.Content, Checks.Today);
        Assert.True(result.Site is not null, string.Join('\n', result.Check.Diagnostics));
        return result.Site!;
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Page(SortedDictionary<string, byte[]> site, string path) =>
        new HtmlParser().ParseDocument(Encoding.UTF8.GetString(site[path]));

    private static void Reported(TempContent c) => c.Replace(Girls, Balochistan,
        "  - jurisdiction: balochistan\n    status: reported\n    value: \"18\"\n    qualifier: Muslims only\n" +
        "    sources:\n      - url: https://example.org/news\n        kind: news\n        read_on: 2026-01-15\n" +
        "    note: Reported; the section is not confirmed.\n    research: The gazette was not found.\n");

    [Fact]
    public void Should_mark_a_reported_value_with_its_qualifier_and_what_it_rests_on()
    {
        var doc = Page(Build(Reported), "topics/marriage-minimum-age-girls/index.html");
        var row = doc.GetElementById("answer-balochistan")!;
        Assert.Contains("18 years", row.QuerySelector(".answer-value strong")!.TextContent);
        Assert.Equal("reported", row.QuerySelector(".s-reported")!.TextContent);
        Assert.Equal("Muslims only", row.QuerySelector(".qualifier")!.TextContent);
        Assert.Contains("stated in news reports", row.TextContent);
        Assert.DoesNotContain("not yet researched", row.TextContent);
        // The research trail is there, but collapsed
        var details = row.QuerySelector("details.research")!;
        Assert.False(details.HasAttribute("open"));
        Assert.Contains("The gazette was not found.", details.TextContent);
    }

    [Fact]
    public void Should_count_reported_apart_on_the_home_page_and_in_the_matrix()
    {
        var site = Build(Reported);
        Assert.Contains("1 reported", Page(site, "index.html").QuerySelector(".stats")!.TextContent);
        var cell = Page(site, "compare/index.html").QuerySelectorAll("td.cell a")
            .First(a => a.GetAttribute("href")!.EndsWith("marriage-minimum-age-girls/#answer-balochistan"));
        Assert.Contains("18 years, reported, qualified", cell.TextContent);
    }

    [Fact]
    public void Should_quote_the_operative_words_beside_the_citation()
    {
        var doc = Page(Build(_ => { }), "topics/marriage-minimum-age-girls/index.html");
        var quote = doc.GetElementById("answer-punjab")!.QuerySelector("blockquote.operative")!;
        Assert.Contains("the operative words of the section", quote.TextContent);
        Assert.Contains("s. 2(a)", quote.QuerySelector("footer")!.TextContent);
    }

    [Fact]
    public void Should_show_a_dated_history_and_the_matrix_as_of_each_year_of_change()
    {
        var site = Build(c => c.Replace(Girls, "  - jurisdiction: sindh", PunjabHistory));
        var history = Page(site, "topics/marriage-minimum-age-girls/index.html").GetElementById("answer-punjab")!
            .QuerySelector("table.history")!;
        Assert.Equal(2, history.QuerySelector("tbody")!.Children.Length);
        Assert.Contains("15 July 1961", history.TextContent);
        // The matrix as of 1930 shows the value then, marked as different from today; a shareable page per year
        Assert.True(site.ContainsKey("compare/as-of/1930/index.html"));
        Assert.True(site.ContainsKey("compare/as-of/1961/index.html"));
        var then = Page(site, "compare/as-of/1930/index.html").QuerySelectorAll("td.cell")
            .First(td => td.QuerySelector("a")!.GetAttribute("href")!
                .EndsWith("marriage-minimum-age-girls/#answer-punjab"));
        Assert.Contains("14 years", then.TextContent);
        Assert.Contains("as-of-changed", then.ClassName);
        // A cell without history shows today's value once its law exists, and says so when it did not yet
        var abuse = Page(site, "compare/as-of/1930/index.html").QuerySelectorAll("td.cell")
            .First(td => td.QuerySelector("a")!.GetAttribute("href")!
                .EndsWith("child-sexual-abuse-offence/#answer-punjab"));
        Assert.Contains("cited law not yet enacted (2004)", abuse.TextContent);
        var ict = Page(site, "compare/as-of/1930/index.html").QuerySelectorAll("td.cell")
            .First(td => td.QuerySelector("a")!.GetAttribute("href")!
                .EndsWith("marriage-minimum-age-girls/#answer-ict"));
        Assert.Contains("18 years", ict.TextContent);
    }

    [Fact]
    public void Should_show_an_ordinance_past_its_term_as_may_have_lapsed_never_in_force()
    {
        var site = Build(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "status: in-force\n",
            "status: in-force\nordinance:\n  promulgated: 2025-10-07\n"));
        var facts = Page(site, "statutes/punjab-test-act-2004/index.html").QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("may have lapsed", facts);
        Assert.DoesNotContain("in force", facts);
        Assert.Contains("Art. 128(2)", facts);
        Assert.Contains("may have lapsed", Page(site, "statutes/index.html").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void Should_show_unknowns_beside_the_count_of_statutes_without_rules()
    {
        var site = Build(c => c.Replace("statutes/federal/pk-test-code-1860.yaml", "rules_notified: not-applicable",
            "rules_notified: unknown\nrules_note: No source consulted yet says."));
        var counts = Page(site, "index.html").QuerySelector(".finding-counts")!.TextContent;
        Assert.Contains("1 Statutes without notified rules", counts);
        Assert.Contains("and 1 statutes in force whose rules status is unknown", counts);
        Assert.Contains("Not counted above: 1 statutes in force whose rules status is unknown",
            Page(site, "findings/index.html").GetElementById("missing-rules")!.TextContent);
    }

    [Fact]
    public void Should_not_list_two_gaps_in_the_law_as_a_difference_on_a_pair_page()
    {
        // Given Sindh and KP both coded as having no provision on the same question
        const string Abuse = "topics/child-sexual-abuse-offence.yaml";
        const string Gap = "    status: no-provision\n    sources:\n      - url: https://example.org/g\n" +
            "        kind: report\n        read_on: 2026-01-15\n    note: None.\n";
        var site = Build(c =>
        {
            c.Replace("statutes/federal/pk-test-code-1860.yaml", "applies_to: [ict, sindh, balochistan]",
                "applies_to: [ict]");
            c.Replace(Abuse,
                "  - jurisdiction: sindh\n    status: not-researched\n" +
                "    research: Not yet searched beyond the fixture sources.\n",
                "  - jurisdiction: sindh\n" + Gap);
            c.Replace(Abuse,
                "  - jurisdiction: kp\n    status: not-researched\n" +
                "    research: Not yet searched beyond the fixture sources.\n",
                "  - jurisdiction: kp\n" + Gap);
        });
        var page = Page(site, "compare/sindh-vs-kp/index.html");
        var differ = page.QuerySelectorAll("table caption").First(c => c.TextContent.Contains("differ"))
            .ParentElement!.TextContent;
        Assert.DoesNotContain("Specific offence of child sexual abuse", differ);
        var agree = page.QuerySelectorAll("table caption").First(c => c.TextContent.Contains("agree"))
            .ParentElement!.TextContent;
        Assert.Contains("Specific offence of child sexual abuse", agree);
    }

    [Fact]
    public void Should_set_clauses_side_by_side_with_pointers_for_a_gap()
    {
        var doc = Page(Build(_ => { }), "topics/marriage-minimum-age-girls/index.html");
        var clauses = doc.GetElementById("clauses")!;
        Assert.Contains("International benchmark: 18 years", clauses.TextContent);
        // Punjab's own clause, with its citation and a copy button the script reveals
        var punjab = doc.GetElementById("clause-punjab")!;
        Assert.Contains("the operative words of the section", punjab.TextContent);
        Assert.Contains("s. 2(a)", punjab.TextContent);
        Assert.NotNull(doc.QuerySelector("button.copy[data-copy='clause-punjab'][hidden]"));
        // KP has no provision: the clauses elsewhere that meet the benchmark are offered instead
        var kp = clauses.QuerySelectorAll("article.clause").First(a =>
            a.QuerySelector("h3")!.TextContent.StartsWith("Khyber", StringComparison.Ordinal)
            || a.QuerySelector("h3")!.TextContent.StartsWith("KP", StringComparison.Ordinal));
        Assert.Contains("No provision", kp.TextContent);
        Assert.NotNull(kp.QuerySelector("#clause-kp-from-ict"));
        Assert.Null(kp.QuerySelector("#clause-kp-from-punjab"));
    }

    [Fact]
    public void Should_gather_what_concerns_a_province_on_its_profile()
    {
        var doc = Page(Build(_ => { }), "jurisdictions/punjab/index.html");
        var main = doc.QuerySelector("main")!.TextContent;
        // Answers grouped by theme, each saying how the others answer
        Assert.Contains("Answers by theme", main);
        var row = doc.QuerySelectorAll("tr").First(r => r.TextContent.Contains("Minimum age of marriage for girls"));
        Assert.Contains("alone: 18 years in 2", row.TextContent);
        // Overlaps involving its bodies, and the rules status of its laws
        Assert.NotNull(doc.GetElementById("overlaps"));
        Assert.Contains("Rules under the statutes in force here: 0 notified, 1 not notified", main);
        Assert.Contains("rules: not notified", main);
    }

    [Fact]
    public void Should_draw_a_map_of_pakistan_with_a_link_per_jurisdiction_and_the_rest_outside_scope()
    {
        var doc = Page(Build(_ => { }), "topics/marriage-minimum-age-girls/index.html");
        var map = doc.QuerySelector("figure.map svg")!;
        var links = map.QuerySelectorAll("a").ToList();
        Assert.Equal(new[] { "ict", "punjab", "sindh", "kp", "balochistan" }.Order(),
            links.Select(a => a.GetAttribute("href")!.Split("#answer-")[1]).Order());
        var kp = links.Single(a => a.GetAttribute("href")!.EndsWith("#answer-kp"));
        Assert.StartsWith("Khyber Pakhtunkhwa: no provision", kp.GetAttribute("aria-label"));
        Assert.Contains("cell-gap", kp.QuerySelector("path")!.ClassName);
        // Gilgit-Baltistan and AJK are drawn, grey, without links, and say they are outside the scope
        var outside = map.QuerySelectorAll("path.outside").ToList();
        Assert.Equal(2, outside.Count);
        Assert.All(outside, p => Assert.Contains("outside the scope of this knowledge base", p.TextContent));
        Assert.All(outside, p => Assert.Null(p.Closest("a")));
        Assert.NotNull(doc.QuerySelector("figure.map figcaption .legend"));
    }

    [Fact]
    public void Should_map_each_place_bound_finding_kind_with_the_counts_each_profile_shows()
    {
        var site = Build(_ => { });
        var doc = Page(site, "findings/index.html");
        var heading = new Dictionary<string, string>
        {
            ["gap"] = "Gaps (", ["below-benchmark"] = "Below benchmark (", ["overlap"] = "Overlapping mandates here ("
        };
        var mapped = 0;
        foreach (var (kind, prefix) in heading)
        {
            var section = doc.GetElementById(kind)!;
            if (section.QuerySelectorAll("ul.findings > li").Length == 0)
            {
                Assert.Null(section.QuerySelector("figure.map"));
                continue;
            }
            mapped++;
            var links = section.QuerySelectorAll("figure.map svg a").ToList();
            Assert.Equal(5, links.Count);
            foreach (var link in links)
            {
                // Each region links to its jurisdiction's profile, and its count is the one that profile gives
                var href = link.GetAttribute("href")!;
                var id = href.Split("jurisdictions/")[1].Split('/')[0];
                Assert.EndsWith(kind == "overlap" ? "#overlaps" : "#scorecard", href);
                var label = link.GetAttribute("aria-label")!.Split(": ")[1];
                var n = label == "none" ? 0 : int.Parse(label.Split(' ')[0], CultureInfo.InvariantCulture);
                var profile = Page(site, $"jurisdictions/{id}/index.html");
                var h = profile.QuerySelectorAll("h2, h3").Select(e => e.TextContent)
                    .Single(t => t.StartsWith(prefix, StringComparison.Ordinal));
                Assert.Equal($"{prefix}{n})", h);
            }
            Assert.NotNull(section.QuerySelector("figure.map .legend"));
        }
        Assert.True(mapped >= 2, "the fixture should have gaps or below-benchmark answers, and overlaps");
        // Non-uniformity belongs to a question, not a place: no map
        Assert.Null(doc.GetElementById("non-uniformity")!.QuerySelector("figure.map"));
    }

    [Theory]
    [InlineData(0, "0-0")]
    [InlineData(1, "0-0 1-1")]
    [InlineData(2, "0-0 1-1 2-2")]
    [InlineData(7, "0-0 1-3 4-5 6-7")]
    [InlineData(9, "0-0 1-3 4-6 7-9")]
    public void Should_shade_counts_in_bands_that_cover_every_value_once(int max, string expected)
    {
        var steps = Maps.CountSteps(max);
        Assert.Equal(expected, string.Join(" ", steps.Select(s => $"{s.Lo}-{s.Hi}")));
        for (var n = 0; n <= max; n++) Assert.Equal(1, steps.Count(s => n >= s.Lo && n <= s.Hi));
        Assert.Equal(steps.Count - 1, Maps.Step(steps, max));
    }

    [Fact]
    public void Should_offer_citations_in_plain_text_bibtex_and_csl_json_with_a_permalink_per_answer()
    {
        var site = Build(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml",
            "title: The Punjab Test Children Act, 2004",
            "title: \"The Punjab Test {Children} & Others' Act, 2004 #1\""));
        var doc = Page(site, "statutes/punjab-test-act-2004/index.html");
        var cite = doc.QuerySelector("aside.cite")!;
        Assert.Contains("https://pk-child-protection-law.netlify.app/statutes/punjab-test-act-2004/",
            cite.QuerySelector("cite")!.TextContent);
        Assert.Contains("dataset version 2026-01-15", cite.QuerySelector("cite")!.TextContent);
        var (bibtex, csl) = (cite.QuerySelectorAll("pre")[0].TextContent, cite.QuerySelectorAll("pre")[1].TextContent);
        // BibTeX: one entry, balanced braces, TeX's special characters escaped
        Assert.Matches(@"^@misc\{kb-statutes-punjab-test-act-2004,\n", bibtex);
        Assert.Equal(0, Balance(bibtex));
        Assert.Contains(@"title = {The Punjab Test \{Children\} \& Others' Act, 2004 \#1}", bibtex);
        // CSL-JSON: parses, and carries the fields citation managers read
        using var json = System.Text.Json.JsonDocument.Parse(csl);
        var root = json.RootElement;
        Assert.Equal("webpage", root.GetProperty("type").GetString());
        Assert.Equal("https://pk-child-protection-law.netlify.app/statutes/punjab-test-act-2004/",
            root.GetProperty("URL").GetString());
        Assert.Equal(2026, root.GetProperty("accessed").GetProperty("date-parts")[0][0].GetInt32());
        Assert.Equal("2026-01-15", root.GetProperty("version").GetString());
        // Each answer has its own permalink and citation
        var answer = Page(site, "topics/marriage-minimum-age-girls/index.html").GetElementById("answer-punjab")!;
        Assert.Equal("#answer-punjab", answer.QuerySelector("p.permalink a")!.GetAttribute("href"));
        Assert.Contains("topics/marriage-minimum-age-girls/#answer-punjab",
            answer.QuerySelector("p.permalink cite")!.TextContent);
    }

    /// <summary>Unescaped opening minus closing braces: zero for a well-formed BibTeX entry.</summary>
    private static int Balance(string bibtex)
    {
        var depth = 0;
        for (var i = 0; i < bibtex.Length; i++)
        {
            if (bibtex[i] == '\\') { i++; continue; }
            if (bibtex[i] == '{') depth++;
            if (bibtex[i] == '}') depth--;
            Assert.True(depth >= 0, "a closing brace without its opening one");
        }
        return depth;
    }
}
