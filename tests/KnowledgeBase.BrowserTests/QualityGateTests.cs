using System.Diagnostics;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace KnowledgeBase.BrowserTests;

/// <summary>Accessibility, validity, small screens and no-script use, on one page of every template.</summary>
public sealed class QualityGateTests(SiteFixture site)
{
    private static readonly string[] English =
    [
        "", "compare/", "findings/", "mandates/", "timeline/", "search/?q=marriage", "data/",
        "topics/", "topics/marriage-minimum-age-girls/", "statutes/", "statutes/pk-juvenile-justice-system-act-2018/",
        "institutions/", "institutions/pk-ncrc/", "jurisdictions/", "jurisdictions/punjab/", "jurisdictions/federal/",
        "articles/", "articles/methodology/", "compare/punjab-vs-sindh/", "compare/as-of/2015/", "changes/", "404.html",
        "judgments/", "policies/", "indicators/", "glossary/", "translation/",
    ];

    /// <summary>One page per template, in English and in Urdu.</summary>
    public static readonly TheoryData<string> Templates = new(English.Concat(English.Select(u => "ur/" + u)).ToArray());

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Should_have_no_wcag21_aa_violations(string url)
    {
        // In the light scheme and the dark one (prefers-color-scheme), each with its own contrast.
        foreach (var dark in new[] { false, true })
        {
            var (page, _) = await site.NewPageAsync(dark: dark);
            await page.GotoAsync(site.BaseUrl + url);
            if (url.StartsWith("search/", StringComparison.Ordinal))
                await page.Locator("#results li").First.WaitForAsync();
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            var violations = result.Violations.Select(v => $"{(dark ? "dark" : "light")} {v.Id}: {v.Help} " +
                $"({v.Nodes.Length} nodes, e.g. {v.Nodes.FirstOrDefault()?.Html})").ToList();
            Assert.True(violations.Count == 0, string.Join('\n', violations));
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Should_fit_a_phone_screen_without_horizontal_scrolling(string url)
    {
        foreach (var width in new[] { 320, 390 })
        {
            var (page, _) = await site.NewPageAsync(width: width);
            await page.GotoAsync(site.BaseUrl + url);
            var overflow = await page.EvaluateAsync<int>(
                "() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} scrolls sideways by {overflow}px at {width}px");
        }
    }

    [Fact]
    public async Task Should_fit_the_mandates_grid_in_its_own_frame_with_a_sticky_header_and_expanded_acronyms()
    {
        var (page, _) = await site.NewPageAsync(width: 1366);
        await page.GotoAsync(site.BaseUrl + "mandates/");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px at 1366px");
        Assert.Equal("sticky", await page.Locator("table.mandates thead th").First
            .EvaluateAsync<string>("e => getComputedStyle(e).position"));
        var abbr = page.Locator("table.mandates tbody th abbr").First;
        Assert.False(string.IsNullOrWhiteSpace(await abbr.GetAttributeAsync("title")));
    }

    [Fact]
    public async Task Should_keep_the_question_column_in_view_and_reflow_answers_into_cards_on_a_phone()
    {
        var (page, _) = await site.NewPageAsync(width: 390);
        await page.GotoAsync(site.BaseUrl + "compare/");
        // The matrix scrolls inside its frame, and the question column stays in place while it does
        Assert.Equal("sticky", await page.Locator("#matrix tbody th").First
            .EvaluateAsync<string>("e => getComputedStyle(e).position"));
        await page.GotoAsync(site.BaseUrl + "topics/marriage-minimum-age-girls/");
        // Each jurisdiction's answer is a card: the note sits under the answer, not in a column off-screen
        var row = page.Locator("#answer-punjab");
        Assert.Equal("block", await row.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        var note = await page.Locator("#answer-punjab td.note").BoundingBoxAsync();
        Assert.NotNull(note);
        Assert.True(note!.X + note.Width <= 390, $"the note ends at {note.X + note.Width}px");
        Assert.Contains("Rests on", await page.Locator("#answer-punjab td[data-label='Rests on']")
            .EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
    }

    [Fact]
    public async Task Should_show_content_with_script_disabled()
    {
        var (page, _) = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync(site.BaseUrl + "compare/");
        Assert.True(await page.Locator("#matrix tbody tr").CountAsync() >= 24);
        Assert.True(await page.Locator("#matrix td.cell a").CountAsync() >= 24 * 5);
        await page.GotoAsync(site.BaseUrl + "topics/marriage-minimum-age-girls/");
        Assert.Equal(5, await page.Locator("table.answers > tbody > tr").CountAsync());
        await page.GotoAsync(site.BaseUrl + "search/");
        Assert.True(await page.GetByText("needs JavaScript").IsVisibleAsync());
        Assert.True(await page.Locator("#search-fallback a").First.IsVisibleAsync());
    }

    [Theory]
    [InlineData("", "home")]
    [InlineData("compare/", "matrix")]
    [InlineData("topics/marriage-minimum-age-girls/", "topic")]
    public async Task Should_save_screenshots_as_artifacts(string url, string name)
    {
        var (page, problems) = await site.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + url);
        var path = Path.Combine(SiteFixture.ArtifactsDir, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_pass_the_nu_html_checker_on_every_page()
    {
        var jar = Environment.GetEnvironmentVariable("KB_VNU_JAR")
                  ?? Path.Combine(SiteFixture.Repo, "tests", ".tools", "node_modules", "vnu-jar", "build", "dist",
                      "vnu.jar");
        Assert.True(File.Exists(jar), $"vnu.jar not found at {jar}: run tests/run.sh, which installs it");
        var files = Directory.EnumerateFiles(site.SiteDir, "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-jar", jar, "--errors-only", "--format", "json" }.Concat(files))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var cancel = TestContext.Current.CancellationToken;
        var stderrTask = process.StandardError.ReadToEndAsync(cancel);
        var stdout = await process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = await stderrTask;
        await process.WaitForExitAsync(cancel);
        var json = stderr.Trim().Length > 0 ? stderr : stdout;
        using var doc = JsonDocument.Parse(json);
        var errors = doc.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => $"{m.GetProperty("url").GetString()}: {m.GetProperty("message").GetString()}").ToList();
        Assert.True(files.Count > 50, "expected a full site");
        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(30)));
    }
}
