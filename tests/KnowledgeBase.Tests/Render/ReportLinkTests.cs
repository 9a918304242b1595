using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Render;

/// <summary>
/// "Report an error" on every record and every answer: prefilled, percent-encoded, configured in site.yaml.
/// </summary>
public sealed class ReportLinkTests
{
    private static SortedDictionary<string, byte[]> Build(Action<TempContent>? mutate = null) => Sites.Build(mutate);

    private static AngleSharp.Html.Dom.IHtmlDocument Page(SortedDictionary<string, byte[]> site, string path) =>
        Sites.Page(site, path);

    [Fact]
    public void Should_put_a_prefilled_report_link_on_every_record_page_and_answer()
    {
        var site = Build();
        var records = site.Keys.Where(k => k.EndsWith("/index.html", StringComparison.Ordinal)
            && k.Count(c => c == '/') == 2
            && k.Split('/')[0] is "statutes" or "institutions" or "topics" or "articles" or "judgments" or "policies"
                or "indicators").ToList();
        Assert.True(records.Count >= 9, string.Join(", ", records));
        foreach (var path in records)
        {
            var link = Page(site, path).QuerySelectorAll("p.report a").FirstOrDefault(a =>
                a.GetAttribute("href")!.StartsWith("https://example.org/kb/issues/new?", StringComparison.Ordinal));
            Assert.True(link is not null, $"{path} has no report link");
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(link.GetAttribute("href")!).Query);
            Assert.Equal(new string?[] { "title", "body" }, query.AllKeys);
            Assert.Contains("https://pk-child-protection-law.netlify.app/" + path[..^"index.html".Length],
                query["body"]);
        }
        // Each answer (a matrix cell's permalink target) has its own, naming the cell
        var topic = Page(site, "topics/marriage-minimum-age-girls/index.html");
        var punjab = topic.GetElementById("answer-punjab")!.QuerySelector("p.report a")!;
        var cell = System.Web.HttpUtility.ParseQueryString(new Uri(punjab.GetAttribute("href")!).Query);
        Assert.Equal("Error in: Minimum age of marriage for girls: Punjab", cell["title"]);
        Assert.Contains("topics/marriage-minimum-age-girls/#answer-punjab", cell["body"]);
        // And the mailbox as a fallback
        Assert.Contains(topic.QuerySelectorAll("p.report a"), a =>
            a.GetAttribute("href")!.StartsWith("mailto:corrections@example.org?subject=", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_encode_a_title_so_it_cannot_add_parameters_or_markup()
    {
        var site = Build(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml",
            "title: The Punjab Test Children Act, 2004",
            "title: \"A & B <script>x</script> ?title=evil&body=#frag\""));
        var page = Page(site, "statutes/punjab-test-act-2004/index.html");
        var href = page.QuerySelector("p.report a")!.GetAttribute("href")!;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(href).Query);
        Assert.Equal(new string?[] { "title", "body" }, query.AllKeys);
        Assert.Equal("Error in: A & B <script>x</script> ?title=evil&body=#frag", query["title"]);
        Assert.DoesNotContain("#", new Uri(href).Query[1..], StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("p.report script"));
    }

    [Fact]
    public void Should_show_no_report_link_until_site_yaml_names_a_form_or_mailbox()
    {
        var site = Build(c => c.Replace("site.yaml",
            "report:\n  issue_form: https://example.org/kb/issues/new\n  email: corrections@example.org\n", ""));
        Assert.Empty(Page(site, "statutes/punjab-test-act-2004/index.html").QuerySelectorAll("p.report"));
    }

    [Fact]
    public void Should_refuse_a_mailbox_that_is_not_an_address()
    {
        var d = Checks.Single(Checks.With(c => c.Replace("site.yaml", "email: corrections@example.org",
            "email: \"a@b.org?cc=x\"")), "KB2004");
        Assert.EndsWith("site.yaml", d.Span.File, StringComparison.Ordinal);
    }
}
