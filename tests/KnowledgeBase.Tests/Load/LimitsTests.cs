using System.Diagnostics;
using KnowledgeBase.Generator;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Load;

/// <summary>No file can crash or hang the loader: limits are enforced before the tree is built.</summary>
public sealed class LimitsTests
{
    private const string Topic = "topics/marriage-minimum-age-girls.yaml";

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void Should_refuse_deep_nesting_with_a_diagnostic_not_a_stack_overflow(char open, char close)
    {
        // Given 100,000 nested brackets in a record (this overflowed the stack inside YamlDotNet)
        using var content = new TempContent();
        content.Write(Topic,
            content.Read(Topic) + "\nextra: " + new string(open, 100_000) + new string(close, 100_000) + "\n");
        // When checked in a child process (a stack overflow would kill it, not the test run)
        var clock = Stopwatch.StartNew();
        var r = KbProcess.Run(content.Root, "check", "--content", "content");
        // Then it is a content error at the place the limit is breached, found quickly
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error KB1008: YAML is nested more than 32 levels deep", r.Err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Should_refuse_an_alias_bomb_at_once()
    {
        // Given a billion-laughs alias bomb used as a mapping key (exponential CPU before)
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 12; i++)
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        lines.Add("? *a12\n: boom");
        using var content = new TempContent();
        content.Write("topics/bomb.yaml", string.Join('\n', lines) + "\n");
        var clock = Stopwatch.StartNew();
        var diagnostics = Pipeline.Check(content.Content, Checks.Today).Diagnostics;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var d = Checks.Single(diagnostics, "KB1009");
        Assert.Equal(2, d.Span.Line);
        // The other files are still checked
        Assert.DoesNotContain(diagnostics, x => x.Code == "KB3006");
    }

    [Fact]
    public void Should_refuse_a_file_over_the_size_limit_and_a_huge_value()
    {
        using var content = new TempContent();
        content.Write("topics/huge.yaml", "id: huge\nnote: \"" + new string('x', 1_100_000) + "\"\n");
        content.Write("topics/long.yaml", "id: long\nnote: \"" + new string('x', 200_000) + "\"\n");
        var diagnostics = Pipeline.Check(content.Content, Checks.Today).Diagnostics;
        Assert.Contains("the limit is 1,000,000", Checks.Single(diagnostics, "KB1007").Message);
        Assert.Contains(diagnostics,
            d => d.Code == "KB2008" && d.Span.File.EndsWith("long.yaml") && d.Message.Contains("limit is 100,000"));
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("statutes/punjab")]
    public void Should_report_a_dangling_symbolic_link_as_a_diagnostic_anywhere(string folder)
    {
        using var content = new TempContent();
        var name = folder == "articles" ? "gone.md" : "gone.yaml";
        File.CreateSymbolicLink(Path.Combine(content.Content, folder, name), "/nonexistent/target");
        var r = Kb.Run("check", "--content", content.Content);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error KB1005: symbolic link points to '/nonexistent/target', which does not exist", r.Err);
    }

    [Fact]
    public void Should_refuse_bidirectional_controls_in_addresses_and_ids()
    {
        var diagnostics = Checks.With(c =>
        {
            c.Replace("statutes/punjab/punjab-test-act-2004.yaml", "https://example.org/punjab-test-act",
                "https://example.org/\u202Egnp.act");
            c.Replace("institutions/punjab/punjab-test-bureau.yaml", "id: punjab-test-bureau",
                "id: punjab-test\u202Ebureau");
        });
        Assert.Contains("contains the invisible bidirectional control U+202E",
            Checks.Single(diagnostics, "KB2006").Message);
        Assert.Contains("id contains the invisible bidirectional control U+202E",
            Checks.Single(diagnostics, "KB2007").Message);
    }
}
