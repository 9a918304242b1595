using System.Diagnostics;
using System.Text;
using System.ServiceModel.Syndication;
using AngleSharp.Html.Parser;
using KnowledgeBase.Generator;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Render;

/// <summary>Record history read from a real git repository with scripted commits.</summary>
public sealed class HistoryTests
{
    private static void Git(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true
        };
        foreach (var a in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c",
            "commit.gpgsign=false" }.Concat(args))
            start.ArgumentList.Add(a);
        using var git = Process.Start(start)!;
        git.StandardOutput.ReadToEnd();
        var err = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {err}");
    }

    /// <summary>Makes the fixture copy a git repository whose first commit holds every record.</summary>
    private static void FirstCommit(TempContent content)
    {
        Git(content.Root, "init", "-q");
        Git(content.Root, "add", "-A");
        Git(content.Root, "commit", "-q", "-m", "First records");
    }

    private static string Text(SortedDictionary<string, byte[]> site, string path, string id) =>
        new HtmlParser().ParseDocument(Encoding.UTF8.GetString(site[path])).GetElementById(id)?.TextContent ?? "";

    [Fact]
    public void Should_describe_statute_and_body_value_changes_in_words()
    {
        // Given a repository where a statute's rules were notified and a section added, and a body lost a mandate
        // and gained another
        using var content = new TempContent();
        FirstCommit(content);
        content.Replace("statutes/punjab/punjab-test-act-2004.yaml", "rules_notified: \"no\"",
            "rules_notified: \"yes\"\nrules_notified_on: 2026-01-10");
        content.Replace("statutes/punjab/punjab-test-act-2004.yaml", "sections:\n",
            "sections:\n  - number: \"99\"\n    heading: Rules\n    summary: Power to make rules.\n");
        content.Replace("institutions/punjab/punjab-test-bureau.yaml", "  - function: helpline\n",
            "  - function: awareness\n");
        content.Replace("judgments/lhc-2024-test-case.yaml", "status: in-effect", "status: appealed");
        Git(content.Root, "commit", "-q", "-am", "Rules notified; bureau's mandates corrected");
        // When the site is built
        var result = Pipeline.Build(content.Content, Checks.Today);
        Assert.True(result.Site is not null, string.Join('\n', result.Check.Diagnostics));
        // Then the statute's history says what changed in its values
        var statute = Text(result.Site!, "statutes/punjab-test-act-2004/index.html", "history");
        Assert.Contains("rules notified: no → yes", statute);
        Assert.Contains("section added: s. 99", statute);
        // And the body's history its mandates
        var body = Text(result.Site!, "institutions/punjab-test-bureau/index.html", "history");
        Assert.Contains("mandate added: awareness", body);
        Assert.Contains("mandate removed: helpline", body);
        // And the first commit only says the record was added
        Assert.Contains("added", statute);
        // And a judgment's change is on the changes page, linked to it, and in the feed of the province it concerns
        // only
        var changes = Encoding.UTF8.GetString(result.Site!["changes/index.html"]);
        Assert.Contains("href=\"../judgments/lhc-2024-test-case/\"", changes);
        Assert.Contains("judgments/lhc-2024-test-case/",
            Encoding.UTF8.GetString(result.Site!["changes/feed-punjab.xml"]));
        Assert.DoesNotContain("judgments/lhc-2024-test-case/",
            Encoding.UTF8.GetString(result.Site!["changes/feed-sindh.xml"]));
    }

    [Fact]
    public void Should_describe_answer_changes_in_words_from_the_git_history()
    {
        // Given a repository where Punjab's answer changed from 16 to 18 in a second commit
        using var content = new TempContent();
        FirstCommit(content);
        content.Replace("topics/marriage-minimum-age-girls.yaml",
            "    value: \"16\"\n    statute: punjab-test-act-2004",
            "    value: \"18\"\n    statute: punjab-test-act-2004");
        content.Replace("topics/marriage-minimum-age-girls.yaml", "      - url: https://example.org/punjab\n",
            "      - url: https://example.org/punjab\n        kind: official-text\n        read_on: 2026-01-15\n" +
            "      - url: https://example.org/punjab-amendment\n");
        Git(content.Root, "commit", "-q", "-am", "Punjab raises the age");
        // When the site is built
        var result = Pipeline.Build(content.Content, Checks.Today);
        Assert.NotNull(result.Site);
        // Then the topic page says what changed, as a reader understands it
        var history = Text(result.Site!, "topics/marriage-minimum-age-girls/index.html", "history");
        Assert.Contains("Last changed", history);
        Assert.Contains("Punjab raises the age", history);
        Assert.Contains("Punjab: 16 → 18, source added", history);
        Assert.Contains("First records", history);
        // And the changes page lists it under its date, linked to the record
        var changes = Encoding.UTF8.GetString(result.Site!["changes/index.html"]);
        Assert.Contains("Punjab: 16 → 18, source added", changes);
        Assert.Contains("href=\"../topics/marriage-minimum-age-girls/\"", changes);
        // And the Atom feeds parse with a real Atom reader; Punjab's feed has the change, Sindh's does not
        SyndicationFeed Feed(string path)
        {
            using var reader = System.Xml.XmlReader.Create(new MemoryStream(result.Site![path]));
            var formatter = new Atom10FeedFormatter();
            Assert.True(formatter.CanRead(reader), $"{path} is not an Atom 1.0 feed");
            formatter.ReadFrom(reader);
            return formatter.Feed;
        }
        var all = Feed("changes/feed.xml");
        Assert.Contains(all.Items, i =>
            ((TextSyndicationContent)i.Summary).Text.Contains("Punjab: 16 → 18, source added",
                StringComparison.Ordinal)
            && i.Links[0].Uri.ToString().EndsWith("/topics/marriage-minimum-age-girls/", StringComparison.Ordinal));
        Assert.Contains(Feed("changes/feed-punjab.xml").Items,
            i => i.Title.Text.Contains("Punjab raises the age", StringComparison.Ordinal));
        Assert.DoesNotContain(Feed("changes/feed-sindh.xml").Items,
            i => i.Title.Text.Contains("Punjab raises the age", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Site!.Keys,
            k => k == "sitemap.xml" && Encoding.UTF8.GetString(result.Site![k]).Contains("feed.xml"));
    }

    [Fact]
    public void Should_say_history_is_unavailable_outside_a_repository()
    {
        using var content = new TempContent();
        var result = Pipeline.Build(content.Content, Checks.Today);
        Assert.Contains("History is not available",
            Text(result.Site!, "statutes/punjab-test-act-2004/index.html", "history"));
    }
}
