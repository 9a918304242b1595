using KnowledgeBase.Generator;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Validate;

/// <summary>
/// Answer model v2: what each status requires, derived verification, the codebook checks, ordinances.
/// </summary>
public sealed class AnswerModelTests
{
    private const string Girls = "topics/marriage-minimum-age-girls.yaml";
    private const string Abuse = "topics/child-sexual-abuse-offence.yaml";

    private const string Balochistan = "  - jurisdiction: balochistan\n    status: not-researched\n" +
        "    research: Not yet searched beyond the fixture sources.\n";

    private static string BalochistanAs(string body) => "  - jurisdiction: balochistan\n" + body;

    private static IReadOnlyList<Diagnostic> Errors(IReadOnlyList<Diagnostic> all) =>
        all.Where(d => d.Severity == Severity.Error).ToList();

    private static CheckResult Check(Action<TempContent> mutate)
    {
        using var content = new TempContent();
        mutate(content);
        return Pipeline.Check(content.Content, Checks.Today);
    }

    [Fact]
    public void Should_accept_a_reported_value_and_derive_secondary_verification()
    {
        // Given a value reliable reports agree on, with no section
        var result = Check(c => c.Replace(Girls, Balochistan, BalochistanAs(
            "    status: reported\n    value: \"18\"\n    sources:\n      - url: https://example.org/news\n" +
            "        kind: news\n" +
            "        read_on: 2026-01-15\n    note: Reported by the press; the section is not confirmed.\n")));
        // Then it checks clean, counts as reported, and is secondary, read in news
        Assert.Empty(Errors(result.Diagnostics));
        var a = result.Model.Topic("marriage-minimum-age-girls")!.AnswerFor("balochistan")!;
        Assert.True(a.IsReported);
        Assert.Equal(Generator.Model.Verification.Secondary, a.Verification);
        Assert.Equal("stated in news reports", a.ReadIn);
    }

    [Fact]
    public void Should_require_sources_on_a_reported_value()
    {
        var d = Checks.Single(Checks.With(c => c.Replace(Girls, Balochistan,
            BalochistanAs("    status: reported\n    value: \"18\"\n"))), "KB3005");
        Assert.Contains("lacks 'sources'", d.Message);
    }

    [Fact]
    public void Should_refuse_an_answered_value_that_rests_only_on_reports()
    {
        var d = Checks.Single(Checks.With(c => c.Replace(Girls,
            "        kind: official-text\n        read_on: 2026-01-15\n  - jurisdiction: sindh",
            "        kind: report\n        read_on: 2026-01-15\n  - jurisdiction: sindh")), "KB3005");
        Assert.Contains("rests only on reports", d.Message);
        Assert.Contains("status: reported", d.Hint);
    }

    [Fact]
    public void Should_derive_primary_from_an_unofficial_copy_and_say_so_in_words()
    {
        var result = Check(c => c.Replace(Girls,
            "        kind: official-text\n        read_on: 2026-01-15\n  - jurisdiction: sindh",
            "        kind: unofficial-copy\n        read_on: 2026-01-15\n  - jurisdiction: sindh"));
        var a = result.Model.Topic("marriage-minimum-age-girls")!.AnswerFor("punjab")!;
        Assert.Equal(Generator.Model.Verification.Primary, a.Verification);
        Assert.Equal("read in an unofficial copy of the statute's text", a.ReadIn);
    }

    private const string Disputed =
        "    status: disputed\n    value: \"18\"\n    readings:\n" +
        "      - value: \"18\"\n        sources:\n          - url: https://example.org/ordinance-news\n" +
        "            kind: news\n            read_on: 2026-01-15\n" +
        "      - value: \"16\"\n        statute: punjab-test-act-2004\n        section: \"2(a)\"\n        sources:\n" +
        "          - url: https://example.org/code\n            kind: official-text\n" +
        "            read_on: 2026-01-15\n" +
        "    follows: The newer instrument, while its status is unconfirmed.\n";

    [Fact]
    public void Should_accept_a_disputed_answer_with_readings_and_count_it_apart()
    {
        var result = Check(c => c.Replace(Girls, Balochistan, BalochistanAs(Disputed)));
        Assert.Empty(Errors(result.Diagnostics));
        var a = result.Model.Topic("marriage-minimum-age-girls")!.AnswerFor("balochistan")!;
        Assert.True(a.IsDisputed);
        Assert.Equal(["18", "16"], a.Readings.Select(r => r.Value));
        Assert.Equal(Generator.Model.Verification.Secondary, a.Verification);
    }

    [Theory]
    [InlineData("    follows: The newer instrument, while its status is unconfirmed.\n", "", "lacks 'follows'")]
    [InlineData("    value: \"18\"\n    readings:", "    value: \"17\"\n    readings:",
        "which none of its readings gives")]
    public void Should_refuse_an_incomplete_dispute(string from, string to, string message)
    {
        var body = BalochistanAs(Disputed);
        Assert.Contains(from, body);
        var d = Checks.Single(Checks.With(c => c.Replace(Girls, Balochistan, body.Replace(from, to))), "KB3005");
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void Should_refuse_a_long_note_and_a_research_log()
    {
        var longNote = string.Join(' ', Enumerable.Repeat("word", 91));
        var diagnostics = Checks.With(c => c.Replace(Girls, Balochistan,
            Balochistan.Replace("fixture sources.", "fixture sources in a second pass.") + $"    note: {longNote}\n"));
        var notes = diagnostics.Where(d => d.Code == "KB3011").Select(d => d.Message).ToList();
        Assert.Contains(notes, m => m.Contains("note is 91 words; the limit is 90"));
        Assert.Contains(notes, m => m.Contains("names the research process ('second pass')"));
    }

    [Fact]
    public void Should_not_read_a_web_address_as_a_research_log()
    {
        var diagnostics = Checks.With(c => c.Replace(Girls, "fixture sources.",
            "fixture sources, e.g. https://example.org/assembly-passes-bill/data/corpus/x."));
        Assert.DoesNotContain(diagnostics, d => d.Code == "KB3011");
    }

    [Fact]
    public void Should_name_retired_fields_with_what_replaced_them()
    {
        var d = Checks.Single(Checks.With(c => c.Replace(Girls,
            "    quote: \"the operative words of the section\"\n    sources:\n      - url: https://example.org/punjab",
            "    verification: primary\n    quote: \"the operative words of the section\"\n" +
            "    sources:\n      - url: https://example.org/punjab")), "KB2001");
        Assert.Contains("'verification' is no longer used", d.Message);
        Assert.Contains("derived", d.Hint);
    }

    [Fact]
    public void Should_refuse_the_same_section_coded_differently_in_two_jurisdictions()
    {
        // Given ICT and Sindh both cite the test code s. 82, and Sindh's value is changed
        var diagnostics = Checks.With(c => c.Replace(Girls,
            "  - jurisdiction: sindh\n    status: answered\n    value: \"18\"",
            "  - jurisdiction: sindh\n    status: answered\n    value: \"17\""));
        var d = Checks.Single(diagnostics, "KB3012");
        Assert.Contains("both cite pk-test-code-1860 s. 82", d.Message);
    }

    [Fact]
    public void Should_refuse_no_provision_where_a_cited_law_has_force()
    {
        // Given the test code (in force in Balochistan) answers for ICT, and Balochistan is coded a gap
        var diagnostics = Checks.With(c => c.Replace(Girls, Balochistan, BalochistanAs(
            "    status: no-provision\n    sources:\n      - url: https://example.org/b\n        kind: report\n" +
            "        read_on: 2026-01-15\n    note: None found.\n")));
        var d = Checks.Single(diagnostics, "KB3012");
        Assert.Contains("balochistan is coded no-provision, but ict, sindh cite pk-test-code-1860 s. 82", d.Message);
        Assert.Contains("has force in balochistan too", d.Message);
    }

    [Fact]
    public void Should_make_a_restating_topic_agree_with_the_statute_record()
    {
        // Given a topic that restates rules_notified, and Punjab's act records rules_notified: no
        var diagnostics = Checks.With(c => c.Replace(Abuse, "direction: yes-is-stronger\n",
            "direction: yes-is-stronger\nrestates: rules-notified\n"));
        var d = Checks.Single(diagnostics, "KB3013");
        Assert.Contains("but punjab-test-act-2004 records rules_notified: no", d.Message);
    }

    [Fact]
    public void Should_warn_when_an_ordinance_has_outlived_its_term_at_the_as_of_date()
    {
        // Given a provincial ordinance promulgated 100 days before the content's as-of date
        void Ordinance(TempContent c, string extra) => c.Replace("statutes/punjab/punjab-test-act-2004.yaml",
            "status: in-force\n",
            $"status: in-force\nordinance:\n  promulgated: 2025-10-07\n{extra}");
        var lapsed = Checks.With(c => Ordinance(c, ""));
        var d = Checks.Single(lapsed, "KB3014");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("ended on 2026-01-05, before the content's as-of date 2026-01-15", d.Message);
        // Then an extension within the term, or a replacing Act, silences it
        Assert.DoesNotContain(Checks.With(c => Ordinance(c, "  extended_until: 2026-04-05\n")),
            x => x.Code == "KB3014");
        Assert.DoesNotContain(Checks.With(c => Ordinance(c, "  replaced_by: pk-test-code-1860\n")),
            x => x.Code == "KB3014");
    }

    [Fact]
    public void Should_refuse_history_out_of_order()
    {
        var diagnostics = Checks.With(c => c.Replace(Girls, "  - jurisdiction: sindh", """
                history:
                  - value: "16"
                    from: 2015
                    instrument: amendment
                    title: Later
                    sources:
                      - url: https://example.org/h
                        kind: news
                        read_on: 2026-01-15
                  - value: "14"
                    from: 1929
                    instrument: act
                    title: Earlier
                    sources:
                      - url: https://example.org/h
                        kind: news
                        read_on: 2026-01-15
              - jurisdiction: sindh
            """));
        Assert.Contains("comes after one from 2015", Checks.Single(diagnostics, "KB3016").Message);
    }
}
