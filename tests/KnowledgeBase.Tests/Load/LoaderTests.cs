using KnowledgeBase.Generator;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Load;

public sealed class LoaderTests
{
    private static readonly DateOnly Today = Checks.Today;

    private static IReadOnlyList<Diagnostic> CheckWith(Action<TempContent> mutate) => Checks.With(mutate);

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code) =>
        Checks.Single(diagnostics, code);

    [Fact]
    public void Should_load_fixture_without_diagnostics()
    {
        using var content = new TempContent();
        var result = Pipeline.Check(content.Content, Today);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(6, result.Model.Jurisdictions.Count);
        Assert.Equal(["ict", "punjab", "sindh", "kp", "balochistan"], result.Model.Compared.Select(j => j.Id));
        var statute = result.Model.Statute("punjab-test-act-2004")!;
        Assert.Equal(2004, statute.Year);
        Assert.Equal(["3", "2(a)", "377A"], statute.Sections.Select(s => s.Number));
        Assert.Equal(5, statute.Spans.At("year").Line);
    }

    [Fact]
    public void Should_report_unknown_field_with_position_and_suggestion()
    {
        // Given a typo'd field name on line 5
        var d = Single(CheckWith(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "year: 2004",
            "yaer: 2004")), "KB2001");
        // Then the diagnostic points at it and suggests the right name
        Assert.EndsWith("statutes/punjab/punjab-test-act-2004.yaml", d.Span.File);
        Assert.Equal((5, 1), (d.Span.Line, d.Span.Column));
        Assert.Contains("unknown field 'yaer'", d.Message);
        Assert.Contains("did you mean 'year'", d.Hint);
    }

    [Fact]
    public void Should_report_missing_required_field()
    {
        var diagnostics = CheckWith(c =>
            c.Replace("institutions/punjab/punjab-test-bureau.yaml", "status: operational\n", ""));
        var d = Single(diagnostics, "KB2002");
        Assert.Contains("lacks required field 'status'", d.Message);
        Assert.Equal(1, d.Span.Line);
    }

    [Fact]
    public void Should_report_wrong_type()
    {
        var d = Single(CheckWith(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "year: 2004",
            "year: two thousand four")), "KB2003");
        Assert.Contains("'year' must be a whole number", d.Message);
        Assert.Equal((5, 7), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Should_report_list_where_text_expected()
    {
        var d = Single(CheckWith(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml",
            "title: The Punjab Test Children Act, 2004", "title: [a, b]")), "KB2003");
        Assert.Contains("'title' must be text, not a list", d.Message);
    }

    [Fact]
    public void Should_report_value_outside_vocabulary_with_suggestion()
    {
        var d = Single(CheckWith(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "verification: primary",
            "verification: primery")), "KB2004");
        Assert.Contains("'verification' is 'primery'", d.Message);
        Assert.Contains("did you mean 'primary'", d.Hint);
    }

    [Fact]
    public void Should_report_bad_date()
    {
        var d = Single(CheckWith(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "checked_on: 2026-01-15",
            "checked_on: 15/01/2026")), "KB2005");
        Assert.Contains("not a date in the form YYYY-MM-DD", d.Message);
        Assert.Equal(17, d.Span.Line);
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.example.org/no-scheme")]
    public void Should_report_bad_url(string url)
    {
        var d = Single(CheckWith(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml",
            "https://example.org/punjab-test-act", url)), "KB2006");
        Assert.Contains("not an absolute http(s) URL", d.Message);
        Assert.Equal(16, d.Span.Line);
    }

    [Fact]
    public void Should_report_bad_id()
    {
        var d = Single(CheckWith(c => c.Replace("institutions/punjab/punjab-test-bureau.yaml", "id: punjab-test-bureau",
            "id: Punjab_Test")), "KB2007");
        Assert.Contains("'Punjab_Test' is not a valid id", d.Message);
    }

    [Fact]
    public void Should_report_yaml_syntax_error_with_position()
    {
        var d = Single(CheckWith(c => c.Write("statutes/punjab/broken.yaml",
            "id: broken\ntitle: [unclosed\nyear: 2004\n")), "KB1001");
        Assert.EndsWith("statutes/punjab/broken.yaml", d.Span.File);
        Assert.True(d.Span.Line >= 2, d.ToString());
    }

    [Fact]
    public void Should_report_duplicate_key()
    {
        var diagnostics = CheckWith(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "year: 2004",
            "year: 2004\nyear: 2005"));
        var d = Single(diagnostics, "KB1002");
        Assert.Contains("appears twice", d.Message);
        Assert.Equal(6, d.Span.Line);
    }

    [Fact]
    public void Should_report_every_problem_in_one_run()
    {
        // Given three broken files
        var diagnostics = CheckWith(c =>
        {
            c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "year: 2004", "yaer: 2004");
            c.Replace("institutions/punjab/punjab-test-bureau.yaml", "checked_on: 2026-01-15", "checked_on: yesterday");
            c.Replace("topics/child-sexual-abuse-offence.yaml", "value: \"yes\"\n    statute: pk-test-code-1860",
                "value: \"maybe\"\n    statute: pk-test-code-1860");
        });
        // Then all three are reported, in file order
        Assert.Contains(diagnostics, d => d.Code == "KB2001");
        Assert.Contains(diagnostics, d => d.Code == "KB2005");
        Assert.Contains(diagnostics, d => d.Code == "KB3008");
        var files = diagnostics.Select(d => d.Span.File).ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Should_read_article_front_matter_with_file_line_numbers()
    {
        var d = Single(CheckWith(c => c.Replace("articles/methodology.md", "checked_on: 2026-01-15",
            "checked_on: soon")), "KB2005");
        Assert.Equal(6, d.Span.Line);
    }

    [Fact]
    public void Should_reject_article_without_front_matter()
    {
        var d = Single(CheckWith(c => c.Write("articles/loose.md", "# Just a heading\n")), "KB1004");
        Assert.EndsWith("articles/loose.md", d.Span.File);
    }

    [Fact]
    public void Should_reject_a_ten_megabyte_file_with_a_clear_message()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        var d = Single(CheckWith(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml",
            "  A fixture statute establishing a **bureau**.", "  " + huge)), "KB1007");
        Assert.Contains("the limit is 1,000,000", d.Message);
    }

    [Fact]
    public void Should_reject_a_value_over_its_field_limit_with_a_clear_message()
    {
        var d = Single(CheckWith(c => c.Replace("statutes/punjab/punjab-test-act-2004.yaml",
            "  A fixture statute establishing a **bureau**.", "  " + new string('x', 30_000))), "KB2008");
        Assert.Contains("is 30,001 characters long; the limit is 20,000", d.Message);
        Assert.Equal(19, d.Span.Line);
    }

    [Fact]
    public void Should_format_diagnostic_in_compiler_form()
    {
        var d = new Diagnostic(Severity.Error, "KB2001", "statute has unknown field 'yaer'", "did you mean 'year'?",
            new SourceSpan("content/a.yaml", 5, 1));
        Assert.Equal("content/a.yaml:5:1: error KB2001: statute has unknown field 'yaer' (hint: did you mean 'year'?)",
            d.ToString());
    }

    [Fact]
    public void Should_list_every_code_once_and_report_each_somewhere()
    {
        var ids = Codes.All.Select(c => c.Id).ToList();
        Assert.True(ids.Count >= 30, $"only {ids.Count} codes found");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^KB[1-3][0-9]{3}$", id));
        // Every code the build can report is used somewhere in the generator besides its declaration.
        var source = string.Join('\n', Directory
            .EnumerateFiles(Path.Combine(Paths.Repo, "generator"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("DiagnosticCode.cs", StringComparison.Ordinal)).Select(File.ReadAllText));
        var names = typeof(Codes).GetFields().Where(f => f.FieldType == typeof(DiagnosticCode)).Select(f => f.Name);
        Assert.All(names, n => Assert.Contains("Codes." + n, source));
    }
}
