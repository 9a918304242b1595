using System.Text;
using KnowledgeBase.Generator;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Generator.Render;
using KnowledgeBase.Tests.Support;
using static KnowledgeBase.Generator.Render.H;

namespace KnowledgeBase.Tests.Render;

public sealed class LocalizerTests
{
    private static readonly Spans NoSpans = Spans.Of(SourceSpan.FileOnly("test"));

    private static Localizer With(params (string En, string Ur)[] entries) =>
        new(new Translations(entries.Select(e => new UiString(e.En, e.Ur, false, NoSpans)).ToList(), [], [], []));

    [Fact]
    public void Should_translate_a_whole_string_keeping_its_edge_spaces_and_punctuation()
    {
        var urdu = With(("Sources:", "ماخذ:"));
        Assert.Equal(" ماخذ: ", urdu.Translate(" Sources: ", "p"));
        Assert.Empty(urdu.Missing);
    }

    [Fact]
    public void Should_fill_a_pattern_translating_its_parts_in_turn()
    {
        var urdu = With(("In {0}", "{0} میں"), ("Punjab", "پنجاب"));
        Assert.Equal("پنجاب میں", urdu.Translate("In Punjab", "p"));
    }

    [Fact]
    public void Should_keep_a_records_words_in_a_kept_slot_isolated()
    {
        var urdu = With(("{0!} is in force.", "{0!} نافذ ہے۔"));
        Assert.Equal("\u2068The Penal Code\u2069 نافذ ہے۔", urdu.Translate("The Penal Code is in force.", "p"));
    }

    [Fact]
    public void Should_record_the_whole_string_and_not_its_parts_when_nothing_reads_it()
    {
        // Given a list pattern whose parts have no entries
        var urdu = With(("{0}, {1}", "{0}، {1}"));
        // When a string matches the pattern but its parts cannot be read
        var result = urdu.Translate("Smith, Jones", "ur/x/");
        // Then nothing is returned and only the whole string is missing, with the page that showed it
        Assert.Null(result);
        Assert.Equal(["Smith, Jones"], urdu.Missing.Keys);
        Assert.Equal("ur/x/", urdu.Missing["Smith, Jones"]);
    }

    [Fact]
    public void Should_isolate_numbers_joined_by_dashes_so_urdu_keeps_their_order()
    {
        var urdu = With();
        Assert.Equal("\u20662017-18\u2069", urdu.Translate("2017-18", "p"));
        Assert.Equal("(\u20662026-12-07\u2069)", urdu.Translate("(2026-12-07)", "p"));
        Assert.Equal("42%", urdu.Translate("42%", "p"));
    }

    [Fact]
    public void Should_write_interface_text_in_urdu_and_mark_record_text_and_prose_as_english()
    {
        // Given a page fragment with interface text, a readable attribute, a record's title and its prose
        var urdu = With(("Sections", "دفعات"), ("Answers", "جوابات"));
        var writing = new Writing((text, strict) => urdu.Translate(text, "p", strict));
        var node = E("section", A("aria-label", "Answers"), AC("title", "The Act"), E("h2", "Sections"),
            C("The Penal Code"), TrustedHtml.Prose("<p>Summary.</p>"));
        // When it is written for an Urdu page
        var sb = new StringBuilder();
        node.Write(sb, writing);
        var html = sb.ToString();
        // Then the interface reads in Urdu, the record's words stay English and are marked so
        Assert.Contains("aria-label=\"جوابات\"", html);
        Assert.Contains("title=\"The Act\"", html);
        Assert.Contains("<h2>دفعات</h2>", html);
        Assert.Contains("<bdi lang=\"en\">The Penal Code</bdi>", html);
        Assert.Contains("<div class=\"in-english\" lang=\"en\" dir=\"ltr\">", html);
        Assert.Contains("<p>Summary.</p>", html);
        // And the English page is written exactly as before
        Assert.Equal(
            "<section aria-label=\"Answers\" title=\"The Act\"><h2>Sections</h2>" +
            "The Penal Code<p>Summary.</p></section>",
            H.Render(node));
    }

    [Fact]
    public void Should_fail_the_build_naming_each_interface_string_an_urdu_page_shows_without_an_entry()
    {
        // Given content built in both languages, with an entry for one string of the shared header
        using var content = new TempContent();
        content.Write("site.yaml", content.Read("site.yaml") + "\nlanguages: [en, ur]\n");
        content.Write("i18n/ur/test.yaml",
            "sources:\n  - {url: \"https://example.org/glossary\", kind: report, read_on: 2026-01-01}\n" +
            "strings:\n  - {en: \"Skip to content\", ur: \"مواد پر جائیں\", reviewed: false}\n");
        // When it is built
        var result = Pipeline.Build(content.Content, DateOnly.FromDateTime(DateTime.UtcNow));
        // Then nothing is written, and every missing string is named in a KB3019 error, but not the translated one
        Assert.Null(result.Site);
        var missing = result.Check.Diagnostics.Where(d => d.Code == "KB3019").Select(d => d.Message).ToList();
        Assert.Contains(missing, m => m.StartsWith("interface string \"Compare\"", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, m => m.Contains("\"Skip to content\"", StringComparison.Ordinal));
        Assert.All(result.Check.Diagnostics.Where(d => d.Code == "KB3019"),
            d => Assert.Equal(Severity.Error, d.Severity));
        // And a translator's preview writes the pages, with the same strings as warnings
        var draft = Pipeline.Build(content.Content, DateOnly.FromDateTime(DateTime.UtcNow),
            BuildOptions.Default with { AllowUntranslated = true });
        Assert.NotNull(draft.Site);
        Assert.Contains("ur/index.html", draft.Site!.Keys);
        var home = Encoding.UTF8.GetString(draft.Site["ur/index.html"]);
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", home);
        Assert.Contains("مواد پر جائیں", home);
        Assert.Equal(missing.Count,
            draft.Check.Diagnostics.Count(d => d.Code == "KB3019" && d.Severity == Severity.Warning));
    }

    [Fact]
    public void Should_move_a_renamed_records_urdu_page_too()
    {
        // Given a statute published under an older id, on a site built in both languages
        using var content = new TempContent();
        content.Write("site.yaml", content.Read("site.yaml") + "\nlanguages: [en, ur]\n");
        // When it is built (as a translator's preview: the fixture has no Urdu entries)
        var result = Pipeline.Build(content.Content, DateOnly.FromDateTime(DateTime.UtcNow),
            BuildOptions.Default with { AllowUntranslated = true });
        // Then both the English and the Urdu old addresses move to the record's page
        var redirects = Encoding.UTF8.GetString(result.Site!["_redirects"]);
        Assert.Contains("/statutes/punjab-old-test-act/ /statutes/punjab-test-act-2004/ 301", redirects);
        Assert.Contains("/ur/statutes/punjab-old-test-act/ /ur/statutes/punjab-test-act-2004/ 301", redirects);
    }

    [Fact]
    public void Should_list_every_string_the_search_script_translates()
    {
        // Given the search script's t('…') calls
        var script = File.ReadAllText(Path.Combine(Paths.Repo, "generator", "Render", "Assets", "search.js"));
        var used = System.Text.RegularExpressions.Regex.Matches(script, @"\bt\('((?:[^'\\]|\\.)*)'")
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        // Then each is in SearchStrings, so the Urdu page gives it
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(SearchStrings.All));
    }
}
