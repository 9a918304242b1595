using Microsoft.Playwright;

namespace KnowledgeBase.BrowserTests;

/// <summary>The Urdu edition under /ur/: right to left, isolated citations, the language switch, search.</summary>
public sealed class UrduTests(SiteFixture site)
{
    [Fact]
    public async Task Should_lay_the_urdu_page_out_right_to_left_with_the_first_navigation_item_at_the_right()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "ur/");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("ur", await page.Locator("html").GetAttributeAsync("lang"));
        var items = page.GetByRole(AriaRole.Navigation, new() { Name = "مرکزی فہرست" }).Locator("li");
        var first = await items.First.BoundingBoxAsync();
        var second = await items.Nth(1).BoundingBoxAsync();
        Assert.NotNull(first);
        Assert.NotNull(second);
        // The first item sits to the right of the second, as a right-to-left reader expects
        Assert.True(first.X > second.X, $"first item at x={first.X}, second at x={second.X}");
        // And the page is in the Nastaliq face the stylesheet asks for
        await page.WaitForFunctionAsync("() => document.fonts.check('16px \"Noto Nastaliq Urdu\"', 'پاکستان')");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_keep_a_records_english_words_isolated_left_to_right_inside_urdu_text()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "ur/statutes/pk-juvenile-justice-system-act-2018/");
        // The statute's title is the record's own English, isolated and read left to right
        var title = page.Locator("h1 bdi[lang=en]");
        Assert.Contains("Juvenile Justice System Act", await title.TextContentAsync());
        Assert.Equal("ltr", await title.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        // A section's citation keeps its number whole: the heading shows "13", not a reordered run
        var heading = page.Locator("#s-13 h3");
        Assert.Contains("دفعہ", await heading.TextContentAsync());
        Assert.Contains("13", await heading.TextContentAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_return_to_the_same_answer_when_the_language_is_switched_and_back()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "topics/marriage-minimum-age-girls/#answer-punjab");
        await page.Locator("a.lang-switch").ClickAsync();
        await page.WaitForURLAsync("**/ur/topics/marriage-minimum-age-girls/#answer-punjab");
        Assert.Equal("ur", await page.Locator("html").GetAttributeAsync("lang"));
        await page.Locator("a.lang-switch").ClickAsync();
        await page.WaitForURLAsync("**/topics/marriage-minimum-age-girls/#answer-punjab");
        Assert.DoesNotContain("/ur/", page.Url);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_search_in_urdu_from_the_urdu_page_and_open_an_urdu_result()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "ur/search/");
        await page.Locator("#q").FillAsync("شادی کی عمر");
        // The status speaks Urdu, and the results link to Urdu pages
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("“شادی کی عمر”");
        var hit = page.Locator("a.hit").First;
        Assert.Contains("/ur/", await hit.EvaluateAsync<string>("a => a.href"));
        // Switching language keeps the search
        await page.Locator("a.lang-switch").ClickAsync();
        await page.WaitForURLAsync("**/search/?q=*");
        Assert.DoesNotContain("/ur/", page.Url);
        Assert.Equal("شادی کی عمر", await page.Locator("#q").InputValueAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_show_a_statutes_urdu_title_in_urdu_search_results()
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "ur/search/?q=penal+code");
        var title = page.Locator("#results .ur-title").First;
        await Assertions.Expect(title).ToContainTextAsync("تعزیرات");
        await Assertions.Expect(title).ToContainTextAsync("غیر سرکاری");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_not_fetch_the_urdu_face_on_english_pages()
    {
        var (page, problems) = await site.NewPageAsync();
        var fonts = new List<string>();
        page.Request += (_, r) => { if (r.Url.EndsWith(".woff2", StringComparison.Ordinal)) fonts.Add(r.Url); };
        await page.GotoAsync(site.BaseUrl + "topics/marriage-minimum-age-girls/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(fonts);
        Assert.Empty(problems);
    }
}
