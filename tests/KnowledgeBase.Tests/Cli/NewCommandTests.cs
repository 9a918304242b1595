using KnowledgeBase.Generator;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cli;

/// <summary>
/// `kb new`: a record in the right place that `kb check` accepts, with a KB3018 warning at every TODO left to fill in.
/// </summary>
public sealed class NewCommandTests
{
    // `kb new` dates what it writes by the clock, so it is checked as of today.
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [InlineData("statute", "statutes/sindh/sindh-example-act-2026.yaml", "--id", "sindh-example-act-2026",
        "--jurisdiction", "sindh")]
    [InlineData("body", "institutions/kp/kp-example-unit.yaml", "--id", "kp-example-unit", "--jurisdiction", "kp")]
    [InlineData("topic", "topics/example-question.yaml", "--id", "example-question")]
    [InlineData("judgment", "judgments/shc-2026-example.yaml", "--id", "shc-2026-example", "--jurisdiction", "sindh")]
    [InlineData("policy", "policies/ict-example-sop-2026.yaml", "--id", "ict-example-sop-2026",
        "--jurisdiction", "ict")]
    [InlineData("indicator", "indicators/example-figure.yaml", "--id", "example-figure")]
    public void Should_scaffold_a_record_that_passes_check_with_its_todos_flagged(string kind, string path,
        params string[] args)
    {
        using var content = new TempContent();
        var r = Kb.Run(["new", kind, .. args, "--content", content.Content]);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.StartsWith("# yaml-language-server: $schema=", content.Read(path));
        var diagnostics = Pipeline.Check(content.Content, Today).Diagnostics;
        Assert.True(diagnostics.All(d => d.Severity != Generator.Diagnostics.Severity.Error),
            string.Join('\n', diagnostics));
        var todos = diagnostics.Where(d => d.Code == "KB3018").ToList();
        Assert.NotEmpty(todos);
        Assert.All(todos, d => Assert.EndsWith(Path.GetFileName(path), d.Span.File, StringComparison.Ordinal));
        // Each at the TODO's line (a block of prose starts on the line after its '|')
        var lines = content.Read(path).Split('\n');
        Assert.All(todos, d => Assert.Contains("TODO",
            lines[d.Span.Line - 1] + (lines[d.Span.Line - 1].EndsWith('|') ? lines[d.Span.Line] : "")));
        // And the command said where it wrote and what is left
        Assert.Contains(path, r.Out);
        Assert.Contains("KB3018", r.Out);
        // A second run refuses to overwrite it
        var again = Kb.Run(["new", kind, .. args, "--content", content.Content]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Err);
    }

    [Fact]
    public void Should_add_a_missing_answer_inside_the_topics_answers()
    {
        using var content = new TempContent();
        const string topic = "topics/marriage-minimum-age-girls.yaml";
        // Given the topic without its Balochistan answer (which check reports)
        var lines = content.Read(topic).Split('\n').ToList();
        var first = lines.FindIndex(l => l == "  - jurisdiction: balochistan");
        var last = lines.FindIndex(first + 1,
            l => l.StartsWith("  - ", StringComparison.Ordinal) || (l.Length > 0 && char.IsAsciiLetter(l[0])));
        if (last < 0) last = lines.Count;
        lines.RemoveRange(first, last - first);
        content.Write(topic, string.Join('\n', lines));
        Assert.Contains(Pipeline.Check(content.Content, Today).Diagnostics, d => d.Code == "KB3006");
        // When the answer is scaffolded
        var r = Kb.Run("new", "answer", "--topic", "marriage-minimum-age-girls", "--jurisdiction", "balochistan",
            "--content", content.Content);
        Assert.True(r.ExitCode == 0, r.Err);
        // Then the topic is complete again, with one TODO where the research trail goes
        var diagnostics = Pipeline.Check(content.Content, Today).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => d.Severity == Generator.Diagnostics.Severity.Error);
        Assert.Single(diagnostics, d => d.Code == "KB3018");
        // And it refuses to add a second one
        var again = Kb.Run("new", "answer", "--topic", "marriage-minimum-age-girls", "--jurisdiction", "balochistan",
            "--content", content.Content);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already answers", again.Err);
    }

    [Theory]
    [InlineData("statute", "--id", "Bad_Id", "--jurisdiction", "punjab")]
    [InlineData("statute", "--id", "punjab-x-act", "--jurisdiction", "lahore")]
    [InlineData("answer", "--topic", "no-such-topic", "--jurisdiction", "punjab")]
    public void Should_refuse_bad_arguments_with_a_usage_error(params string[] args)
    {
        using var content = new TempContent();
        var r = Kb.Run(["new", .. args, "--content", content.Content]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("kb: ", r.Err);
    }
}
