using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cli;

/// <summary>`kb diff OLD NEW`: what a content change alters, for a reviewer.</summary>
public sealed class DiffCommandTests
{
    [Fact]
    public void Should_name_the_changed_answer_the_findings_it_moves_and_the_pages_it_touches()
    {
        using var before = new TempContent();
        using var after = new TempContent();
        Assert.Equal(0, Kb.Run("build", "--content", before.Content, "--output", before.Output).ExitCode);
        after.Replace("topics/marriage-minimum-age-girls.yaml", "    value: \"16\"\n    statute: punjab-test-act-2004",
            "    value: \"16\"\n    qualifier: Muslims only\n    statute: punjab-test-act-2004");
        Assert.Equal(0, Kb.Run("build", "--content", after.Content, "--output", after.Output).ExitCode);

        var r = Kb.Run("diff", before.Output, after.Output);
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n');
        Assert.Contains("## Answers (1 changed)", lines);
        Assert.Single(lines, l => l.StartsWith("- marriage-minimum-age-girls/punjab: ", StringComparison.Ordinal)
            && l.Contains("qualifier (none) → Muslims only", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "- changed /topics/marriage-minimum-age-girls/");
        Assert.DoesNotContain(lines, l => l == "- changed /statutes/pk-test-code-1860/");
        // The same site twice: nothing to review
        var same = Kb.Run("diff", before.Output, before.Output);
        Assert.Contains("## Answers (0 changed)", same.Out);
        Assert.Contains("## Pages (0 added, 0 removed, 0 changed of ", same.Out);
    }

    [Fact]
    public void Should_refuse_a_folder_that_is_not_a_built_site()
    {
        using var content = new TempContent();
        var r = Kb.Run("diff", content.Content, content.Content);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not a built site", r.Err);
    }

    [Fact]
    public void Should_read_quoted_csv_fields_with_commas_quotes_and_line_breaks()
    {
        var rows = Generator.Publish.DataDiff.Csv("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["x, y", "say \"hi\"\nthere"], rows[1]);
    }
}
