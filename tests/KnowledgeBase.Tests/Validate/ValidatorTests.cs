using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Validate;

public sealed class ValidatorTests
{
    private static readonly DateOnly Today = Checks.Today;

    private static IReadOnlyList<Diagnostic> CheckWith(Action<TempContent> mutate) => Checks.With(mutate);

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code) =>
        Checks.Single(diagnostics, code);

    [Fact]
    public void Should_report_duplicate_id_pointing_at_first_use()
    {
        var diagnostics = CheckWith(c => c.Write("institutions/punjab/copy.yaml",
            c.Read("institutions/punjab/punjab-test-bureau.yaml")));
        var d = diagnostics.Single(x => x.Code == "KB3001");
        Assert.Contains("'punjab-test-bureau' is already used at", d.Message);
        Assert.EndsWith("institutions/punjab/punjab-test-bureau.yaml", d.Span.File);
    }

    [Fact]
    public void Should_report_unknown_statute_reference_with_suggestion()
    {
        var d = Single(CheckWith(c => c.Replace("institutions/punjab/punjab-test-bureau.yaml",
            "statute: punjab-test-act-2004", "statute: punjab-test-act-2005")), "KB3002");
        Assert.Contains("unknown statute 'punjab-test-act-2005'", d.Message);
        Assert.Contains("did you mean 'punjab-test-act-2004'", d.Hint);
        Assert.Equal((7, 10), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Should_report_unknown_section()
    {
        var d = Single(CheckWith(c => c.Replace("institutions/punjab/punjab-test-bureau.yaml", "statute_section: \"3\"",
            "statute_section: \"4\"")), "KB3003");
        Assert.Contains("lists no section '4'", d.Message);
    }

    [Fact]
    public void Should_match_section_printed_with_or_without_hyphen()
    {
        // "377-A" and "377A" are the same section as printed two ways.
        var diagnostics = CheckWith(c => c.Replace("topics/child-sexual-abuse-offence.yaml", "section: \"377A\"",
            "section: \"377-A\""));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Should_report_unknown_jurisdiction_and_mandate_function()
    {
        var diagnostics = CheckWith(c =>
        {
            c.Replace("institutions/punjab/punjab-test-bureau.yaml", "reach: [punjab]", "reach: [panjab]");
            c.Replace("institutions/punjab/punjab-test-bureau.yaml", "function: helpline", "function: hotline");
        });
        Assert.Contains(diagnostics,
            d => d.Code == "KB3002" && d.Message == "unknown jurisdiction 'panjab'" && d.Hint.Contains("'punjab'"));
        Assert.Contains(diagnostics, d => d.Code == "KB3002" && d.Message == "unknown mandate function 'hotline'");
    }

    [Fact]
    public void Should_require_citation_on_answered_cell()
    {
        var diagnostics = CheckWith(c =>
            c.Replace("topics/marriage-minimum-age-girls.yaml", "    section: \"2(a)\"\n", ""));
        var d = Single(diagnostics, "KB3005");
        Assert.Contains("'answered' answer for 'punjab'", d.Message);
        Assert.Contains("lacks 'section'", d.Message);
    }

    [Fact]
    public void Should_require_a_research_trail_on_unresearched_cell()
    {
        var d = Single(CheckWith(c => c.Replace("topics/marriage-minimum-age-girls.yaml",
            "    research: Not yet searched beyond the fixture sources.\n", "")), "KB3005");
        Assert.Contains("lacks 'research'", d.Message);
    }

    [Fact]
    public void Should_require_every_compared_jurisdiction()
    {
        var diagnostics = CheckWith(c => c.Replace("topics/marriage-minimum-age-girls.yaml",
            "  - jurisdiction: balochistan\n    status: not-researched\n" +
            "    research: Not yet searched beyond the fixture sources.\n", ""));
        var d = Single(diagnostics, "KB3006");
        Assert.Contains("has no answer for 'balochistan'", d.Message);
    }

    [Fact]
    public void Should_reject_value_that_does_not_fit_answer_type()
    {
        var d = Single(CheckWith(c => c.Replace("topics/marriage-minimum-age-girls.yaml", "value: \"16\"",
            "value: \"sixteen\"")), "KB3008");
        Assert.Contains("does not fit answer type 'age'", d.Message);
    }

    [Fact]
    public void Should_reject_file_named_differently_from_id()
    {
        var diagnostics = CheckWith(c =>
        {
            var text = c.Read("institutions/punjab/punjab-test-bureau.yaml");
            File.Delete(c.PathOf("institutions/punjab/punjab-test-bureau.yaml"));
            c.Write("institutions/punjab/other-name.yaml", text);
        });
        Assert.Contains(diagnostics, d => d.Code == "KB3004" && d.Message.Contains("differs from the file name"));
    }

    [Fact]
    public void Should_reject_future_checked_date()
    {
        var d = Single(CheckWith(c => c.Replace("statutes/federal/pk-test-code-1860.yaml", "checked_on: 2026-01-15",
            "checked_on: 2027-01-01")), "KB3010");
        Assert.Contains("in the future", d.Message);
    }
}
