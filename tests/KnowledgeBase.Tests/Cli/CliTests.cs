using System.Text.Json;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cli;

public sealed class CliTests
{
    [Fact]
    public void Should_pass_check_on_valid_content()
    {
        using var content = new TempContent();
        var r = Kb.Run("check", "--content", content.Content);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("ok: 6 jurisdictions, 2 statutes, 1 bodies, 2 topics, 10 answers, 1 judgments, 1 policies, " +
            "1 indicators, 1 articles\n", r.Out.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Should_fail_check_with_all_diagnostics_and_a_count()
    {
        using var content = new TempContent();
        content.Replace("statutes/punjab/punjab-test-act-2004.yaml", "year: 2004", "yaer: 2004");
        content.Replace("institutions/punjab/punjab-test-bureau.yaml", "kind: bureau", "kind: buro");
        var r = Kb.Run("check", "--content", content.Content);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines,
            l => l.Contains("punjab-test-bureau.yaml:5:7: error KB2004:") && l.Contains("did you mean 'bureau'"));
        Assert.Contains(lines, l => l.Contains("punjab-test-act-2004.yaml:5:1: error KB2001:"));
        Assert.Contains("2 error(s), 0 warning(s)", lines);
    }

    [Fact]
    public void Should_print_search_results_as_json_array()
    {
        using var content = new TempContent();
        var r = Kb.Run("search", "marriage age", "--content", content.Content, "--json", "--limit", "3");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var first = json.RootElement[0];
        foreach (var field in new[] { "id", "kind", "title", "jurisdiction", "url", "score", "snippet" })
            Assert.True(first.TryGetProperty(field, out _), field);
        Assert.Equal("topic:marriage-minimum-age-girls", first.GetProperty("id").GetString());
    }

    [Fact]
    public void Should_filter_search_by_jurisdiction_and_kind_and_include_facets()
    {
        using var content = new TempContent();
        var r = Kb.Run("search", "marriage", "--content", content.Content, "--jurisdiction", "punjab", "--kind",
            "answer", "--json", "--facets");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var hits = json.RootElement.GetProperty("hits");
        Assert.True(hits.GetArrayLength() > 0);
        Assert.All(hits.EnumerateArray(), h =>
        {
            Assert.Equal("punjab", h.GetProperty("jurisdiction").GetString());
            Assert.Equal("answer", h.GetProperty("kind").GetString());
        });
        Assert.True(json.RootElement.GetProperty("facets").TryGetProperty("jurisdiction", out _));
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new[] { "biuld" }, "did you mean 'build'?")]
    [InlineData(new[] { "serve", "--port" }, "Required argument missing for option: '--port'")]
    [InlineData(new[] { "serve", "--port", "70000" },
        "option '--port' takes a whole number from 1 to 65535, not '70000'")]
    [InlineData(new[] { "search", "x", "--limit", "zero" }, "Cannot parse argument 'zero' for option '--limit'")]
    [InlineData(new[] { "search" }, "search needs a query")]
    [InlineData(new[] { "build", "--bogus" }, "Unrecognized command or argument '--bogus'")]
    [InlineData(new[] { "build", "--outptu", "x" }, "did you mean '--output'?")]
    [InlineData(new[] { "bench", "frob" }, "Argument 'frob' not recognized")]
    public void Should_reject_bad_usage_with_exit_code_2(string[] args, string message)
    {
        var r = Kb.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Err);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    [InlineData("search")]
    [InlineData("serve")]
    [InlineData("synth")]
    [InlineData("bench")]
    public void Should_print_each_command_s_help_without_running_it(string command)
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var r = Kb.Run(command, flag);
            Assert.Equal(0, r.ExitCode);
            // The program name is the executable's ("kb" when published; the test host here).
            Assert.Matches($@"Usage:\s+\S+ {command}\b", r.Out);
            Assert.Contains("Options:", r.Out);
            Assert.DoesNotContain("built ", r.Out);
        }
    }

    [Fact]
    public void Should_print_help_for_no_command_with_usage_exit_code()
    {
        var r = Kb.Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Commands:", r.Out);
        Assert.Equal(0, Kb.Run("--help").ExitCode);
        Assert.Equal(0, Kb.Run("help").ExitCode);
    }

    [Fact]
    public void Should_print_github_annotations_with_format_github()
    {
        using var content = new TempContent();
        content.Replace("statutes/punjab/punjab-test-act-2004.yaml", "year: 2004", "yaer: 2004");
        var r = Kb.Run("check", "--content", content.Content, "--format", "github");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"(?m)^::error file=\S*punjab-test-act-2004\.yaml,line=\d+,col=1,title=KB2001::" +
            @"statute has unknown field 'yaer' \(hint%3A|" +
            @"::error file=\S*punjab-test-act-2004\.yaml,line=\d+,col=1,title=KB2001::" +
            @"statute has unknown field 'yaer' \(hint: ", r.Out);
    }

    [Fact]
    public void Should_report_missing_content_folder()
    {
        var r = Kb.Run("check", "--content", "/nonexistent/content");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("content folder '/nonexistent/content' does not exist", r.Err);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "", true)]
    [InlineData(true, "1", false)]
    [InlineData(false, null, false)]
    public void Should_show_progress_only_on_a_terminal_without_no_color(bool terminal, string? noColor, bool shown) =>
        Assert.Equal(shown, Generator.Cli.KbCommand.ShowProgress(terminal, noColor));

    [Fact]
    public void Should_report_each_build_stage_in_order_to_progress_and_nothing_when_output_is_captured()
    {
        using var content = new TempContent();
        var lines = new List<string>();
        var result = Generator.Pipeline.Build(content.Content, Checks.Today,
            Generator.BuildOptions.Default with { Progress = lines.Add });
        Assert.Equal(result.Stages!.Select(s => s.Stage), lines.Select(l => l[..l.LastIndexOf(':')]));
        Assert.StartsWith("load+validate: ", lines[0]);
        // kb build with its output captured (as in CI) prints no stage lines
        var r = Kb.Run("build", "--content", content.Content, "--output", content.Output);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("load+validate", r.Err + r.Out);
    }
}
