using KnowledgeBase.Tests.Support;
using System.Globalization;
using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests;

public sealed class JourneyTests(SiteFixture site)
{
    [Fact]
    public async Task Should_go_from_home_to_a_jurisdiction_to_a_statute_section_by_its_anchor()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link, new() { Name = "Jurisdictions" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Federation of Pakistan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The Juvenile Justice System Act, 2018" }).First
            .ClickAsync();
        Assert.Contains("Juvenile Justice System Act", await page.Locator("h1").TextContentAsync());
        await page.Locator("nav.toc a[href='#s-13']").ClickAsync();
        Assert.EndsWith("#s-13", page.Url);
        var section = page.Locator("#s-13");
        Assert.True(await section.IsVisibleAsync());
        Assert.Contains("s. 13", await section.Locator("h3").TextContentAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_search_as_you_type_and_open_a_hit()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "search/");
        Assert.False(await page.Locator("#search-fallback").IsVisibleAsync());
        // Opening the page fetches no index until the reader reaches for the box
        const string fetched = "() => performance.getEntriesByType('resource')" +
            ".filter(e => /\\/search\\/[a-z0-9-]+\\.json$/.test(e.name)).length";
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.EvaluateAsync<int>(fetched));
        await page.Locator("#q").FillAsync("marriage age");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("for “marriage age”");
        Assert.True(await page.EvaluateAsync<int>(fetched) > 0);
        var first = page.Locator("#results li a.hit").First;
        Assert.Contains("marriage", (await first.TextContentAsync())!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("q=marriage+age", page.Url);
        // Wait for the page the hit links to, whatever kind of record ranks first.
        var target = new Uri(new Uri(page.Url), (await first.GetAttributeAsync("href"))!).AbsolutePath;
        await first.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == target);
        Assert.Contains("marriage", (await page.Locator("h1").TextContentAsync())!, StringComparison.OrdinalIgnoreCase);
        await page.GoBackAsync();
        Assert.Equal("marriage age", await page.Locator("#q").InputValueAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_highlight_whole_words_in_titles_and_excerpts_and_name_facet_values()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "search/?q=child");
        await page.Locator("#results li a.hit").First.WaitForAsync();
        // Every mark is a whole word: the letters on either side of it are not letters
        var partial = await page.EvaluateAsync<string[]>(
            @"() => Array.from(document.querySelectorAll('#results mark')).filter(m => {
            const before = m.previousSibling && m.previousSibling.nodeType === 3 " +
            @"? m.previousSibling.textContent.slice(-1) : '';
            const after = m.nextSibling && m.nextSibling.nodeType === 3 ? m.nextSibling.textContent.slice(0, 1) : '';
            return /\p{L}/u.test(before) || /\p{L}/u.test(after);
        }).map(m => m.parentElement.textContent.slice(0, 80))");
        Assert.Empty(partial);
        Assert.True(await page.Locator("#results a.hit mark").CountAsync() > 0, "titles are highlighted too");
        // More results on request, with focus on the first new one
        Assert.Equal(20, await page.Locator("#results li").CountAsync());
        await page.Locator("#more-results").ClickAsync();
        // (their excerpts are fetched first, so they arrive a moment later)
        await page.WaitForFunctionAsync(
            "() => Array.from(document.querySelectorAll('#results a.hit')).indexOf(document.activeElement) === 20");
        Assert.Equal(40, await page.Locator("#results li").CountAsync());
        Assert.All(await page.Locator("#results li > p:not(.also)").AllTextContentsAsync(),
            p => Assert.False(string.IsNullOrWhiteSpace(p), "every result has its excerpt"));
        // A shared ?q= link shows its facets, and their values read as names, not ids
        var facets = await page.Locator("#facets").TextContentAsync();
        Assert.Contains("Khyber Pakhtunkhwa", facets);
        Assert.DoesNotContain(" kp (", facets);
        // Kinds read as words too: a body is a "Body", not an "institution"
        Assert.Contains(" Body (", facets);
        Assert.DoesNotContain(" institution (", facets);
        Assert.DoesNotContain("institution", await page.Locator("#results .meta").First.TextContentAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_restore_filters_as_removable_chips_and_keep_more_results_in_the_url()
    {
        var (page, problems) = await site.NewPageAsync();
        // A shared link with a filter and two pages of results
        await page.GotoAsync(site.BaseUrl + "search/?q=child&jurisdiction=punjab&pages=2");
        await page.Locator("#results li a.hit").First.WaitForAsync();
        var chip = page.Locator("#chips button.chip");
        Assert.Equal(1, await chip.CountAsync());
        Assert.Equal("Remove filter Jurisdiction: Punjab", await chip.GetAttributeAsync("aria-label"));
        Assert.True(await page.Locator("#facets input[value=punjab]").IsCheckedAsync());
        var filtered = await page.Locator("#results li").CountAsync();
        Assert.True(filtered is > 20 and <= 40, $"{filtered} results shown for two pages");
        // Removing the chip removes the filter from the results and the URL
        await chip.ClickAsync();
        await page.WaitForFunctionAsync("() => !location.search.includes('jurisdiction') && " +
            "document.querySelectorAll('#chips button').length === 0");
        await page.WaitForFunctionAsync(
            "() => / results? (on [0-9]+ pages )?for /.test(document.getElementById('search-status').textContent)");
        // "More" records how many pages are shown, so reloading shows as many
        await page.GotoAsync(site.BaseUrl + "search/?q=child");
        await page.Locator("#results li a.hit").First.WaitForAsync();
        await page.Locator("#more-results").ClickAsync();
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('pages') === '2'");
        await page.ReloadAsync();
        await page.Locator("#results li a.hit").First.WaitForAsync();
        Assert.Equal(40, await page.Locator("#results li").CountAsync());
        // Every result either marks a query word or says which words matched further in
        var bare = await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('#results > li'))" +
            ".filter(li => !li.querySelector('mark') && !li.querySelector('.why')).length");
        Assert.Equal(0, bare);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_show_each_page_once_with_its_other_hits_under_it()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "search/?q=free+education");
        await page.Locator("#results li a.hit").First.WaitForAsync();
        var pages = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('#results a.hit')).map(a => a.pathname)");
        Assert.Equal(pages.Length, pages.Distinct().Count());
        Assert.True(await page.Locator("#results p.also a").CountAsync() > 0,
            "a page's other hits are listed under it");
        Assert.Contains("pages", await page.Locator("#search-status").TextContentAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_move_through_results_with_the_keyboard()
    {
        var (page, _) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "search/?q=commission");
        await page.Locator("#results li a.hit").First.WaitForAsync();
        await page.Locator("#q").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        var focusedIndex = await page.EvaluateAsync<int>(
            "() => Array.from(document.querySelectorAll('#results a.hit')).indexOf(document.activeElement)");
        Assert.Equal(1, focusedIndex);
    }

    [Fact]
    public async Task Should_filter_and_sort_the_comparison_matrix()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "compare/");
        var rows = page.Locator("#matrix tbody tr");
        var total = await rows.CountAsync();
        Assert.True(total >= 24);
        await page.Locator("#matrix-filters select[name=theme]").SelectOptionAsync("marriage");
        var visible = page.Locator("#matrix tbody tr:not([hidden])");
        var shown = await visible.CountAsync();
        Assert.InRange(shown, 1, total - 1);
        for (var i = 0; i < shown; i++)
            Assert.Equal("marriage", await visible.Nth(i).GetAttributeAsync("data-theme"));
        Assert.Contains("theme=marriage", page.Url);

        await page.Locator("#matrix-filters select[name=theme]").SelectOptionAsync("");
        var header = page.Locator("#matrix thead th").First;
        await header.ClickAsync();
        Assert.Equal("ascending", await header.GetAttributeAsync("aria-sort"));
        var titles = await page.Locator("#matrix tbody tr th").AllTextContentsAsync();
        Assert.Equal(
            titles.Order(StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase)).ToList(),
            titles.ToList(),
            StringComparer.OrdinalIgnoreCase);
        await header.ClickAsync();
        Assert.Equal("descending", await header.GetAttributeAsync("aria-sort"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_filter_the_matrix_by_a_jurisdiction_s_reading_from_a_shared_url()
    {
        // Given a shared link: questions where Punjab is below the international benchmark
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "compare/?state=below&jurisdiction=punjab");
        Assert.Equal("punjab", await page.Locator("#matrix-filters select[name=jurisdiction]").InputValueAsync());
        var visible = page.Locator("#matrix tbody tr:not([hidden])");
        var shown = await visible.CountAsync();
        Assert.True(shown > 0);
        // Then every row shown has Punjab's own cell below the benchmark
        for (var i = 0; i < shown; i++)
            Assert.Contains("below",
                await visible.Nth(i).Locator("td[data-j=punjab]").GetAttributeAsync("data-state") ?? "");
        // And the as-of choice opens the matrix of that year
        var years = page.Locator("#matrix-filters select[name=asof] option");
        Assert.True(await years.CountAsync() > 1);
        // Wait for the navigation from before the choice is made, so a quick one is not missed.
        var navigated = page.WaitForURLAsync("**/compare/as-of/**");
        await page.Locator("#matrix-filters select[name=asof]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await navigated;
        Assert.Contains("Comparison matrix as of", await page.Locator("h1").TextContentAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_scroll_to_and_highlight_a_cell_from_its_permalink_and_cite_it_as_of_today()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "topics/marriage-minimum-age-girls/#answer-punjab");
        var row = page.Locator("#answer-punjab");
        Assert.True(await row.EvaluateAsync<bool>("e => e.matches(':target')"));
        Assert.NotEqual("none", await row.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        Assert.True(await row.EvaluateAsync<bool>(
            "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"));
        // The script puts the reader's own access date into every citation
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"accessed {today}", await page.Locator("aside.cite cite").TextContentAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_open_a_side_by_side_page()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "compare/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Punjab and Sindh" }).ClickAsync();
        Assert.Equal("Punjab and Sindh side by side", await page.Locator("h1").TextContentAsync());
        Assert.Contains("They differ on", await page.Locator("p.lead").TextContentAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_download_answers_csv_and_parse_it()
    {
        var (page, _) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "data/");
        var response = await page.APIRequest.GetAsync(site.BaseUrl + "data/answers.csv");
        Assert.Equal(200, response.Status);
        var lines = (await response.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The first ten columns are a public contract; new columns only ever come after them.
        Assert.StartsWith("topic,jurisdiction,status,value,unit,statute,section,source_url,checked_on,verification,",
            lines[0]);
        var columns = Csv.Parse(lines[0]).Count;
        var rows = lines.Skip(1).Select(Csv.Parse).ToList();
        Assert.True(rows.Count >= 24 * 5);
        Assert.All(rows, r => Assert.Equal(columns, r.Count));
        Assert.All(rows, r =>
            Assert.Contains(r[2], new[] { "answered", "reported", "disputed", "no-provision", "not-researched" }));
        Assert.All(rows.Where(r => r[2] == "answered"), r =>
        {
            Assert.NotEqual("", r[5]);
            Assert.NotEqual("", r[6]);
            Assert.StartsWith("http", r[7]);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r[8]);
        });
        Assert.Contains(rows, r => r[0] == "marriage-minimum-age-girls");
    }

    [Fact]
    public async Task Should_load_every_page_without_console_errors_or_failed_requests()
    {
        var (page, problems) = await site.NewPageAsync();
        var failures = new List<string>();
        foreach (var url in site.PageUrls())
        {
            problems.Clear();
            var response = await page.GotoAsync(site.BaseUrl + url, new() { WaitUntil = WaitUntilState.Load });
            if (response is null || response.Status != 200) failures.Add($"{url}: HTTP {response?.Status}");
            failures.AddRange(problems.Select(p => $"{url}: {p}"));
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Should_resolve_every_internal_link_and_anchor_of_the_real_site()
    {
        var files = Directory.EnumerateFiles(site.SiteDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(site.SiteDir, f).Replace('\\', '/'), File.ReadAllBytes,
                StringComparer.Ordinal);
        var problems = LinkChecker.Check(files);
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(30)));
    }

    [Fact]
    public async Task Should_answer_unknown_address_with_the_404_page()
    {
        var (page, _) = await site.NewPageAsync();
        var response = await page.GotoAsync(site.BaseUrl + "does-not-exist/");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").TextContentAsync());
        Assert.Equal(200, (await page.APIRequest.GetAsync(site.BaseUrl + "sitemap.xml")).Status);
    }
}

internal static class Csv
{
    public static List<string> Parse(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
