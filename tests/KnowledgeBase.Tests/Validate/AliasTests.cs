using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Validate;

/// <summary>Aliases: old ids of renamed records, checked so an old address redirects to exactly one record.</summary>
public sealed class AliasTests
{
    private const string Statute = "statutes/punjab/punjab-test-act-2004.yaml";

    [Theory]
    [InlineData("aliases: [punjab-old-test-act]", "aliases: [pk-test-code-1860]", "KB3001",
        "is the id of another statute")]
    [InlineData("aliases: [punjab-old-test-act]", "aliases: [Old_Act]", "KB2007", "not lower-case kebab-case")]
    public void Should_refuse_an_alias_that_cannot_redirect(string from, string to, string code, string expected)
    {
        var d = Checks.Single(Checks.With(c => c.Replace(Statute, from, to)), code);
        Assert.EndsWith("punjab-test-act-2004.yaml", d.Span.File, StringComparison.Ordinal);
        Assert.Contains(expected, d.Message);
    }

    [Fact]
    public void Should_refuse_one_alias_claimed_by_two_records()
    {
        var diagnostics = Checks.With(c => c.Replace("statutes/federal/pk-test-code-1860.yaml", "\nsections:",
            "\naliases: [punjab-old-test-act]\nsections:"));
        Assert.Contains("claimed by statutes", Checks.Single(diagnostics, "KB3001").Message);
    }
}
