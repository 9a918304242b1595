using CsCheck;
using KnowledgeBase.Generator.Diagnostics;
using KnowledgeBase.Generator.Load;
using KnowledgeBase.Generator.Model;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Load;

// The slow tier: equivalence, fuzz and kill tests. `--filter "Tier!=slow"` runs the fast tier alone.
[Trait("Tier", "slow")]
public sealed class LoaderPropertyTests
{
    private static readonly string Valid =
        File.ReadAllText(Path.Combine(Paths.FixtureContent, "statutes", "punjab", "punjab-test-act-2004.yaml"));

    private static Statute? Load(string text, DiagnosticBag bag) =>
        ContentLoader.ReadText("x.yaml", text, bag, "statute", r => KnowledgeBase.Generator.Kinds.StatuteKind.Read(r));

    [Fact]
    public void Should_never_throw_on_random_text()
    {
        Gen.String[Gen.Char[' ', '~'], 0, 400].Sample(text =>
        {
            var bag = new DiagnosticBag();
            Load(text, bag);
            Assert.All(bag.Items, d => Assert.Matches("^KB[1-3]", d.Code));
        }, iter: 3000);
    }

    [Fact]
    public void Should_never_throw_on_mutated_valid_records()
    {
        var mutation = Gen.Int[0, Valid.Length - 1]
            .Select(Gen.Int[0, 5], Gen.Char[' ', '~'], (at, op, c) => (at, op, c));
        mutation.Array[1, 6].Sample(mutations =>
        {
            var text = Valid;
            foreach (var (at, op, c) in mutations)
            {
                var i = Math.Min(at, text.Length - 1);
                text = op switch
                {
                    0 => text.Remove(i, 1),
                    1 => text.Insert(i, c.ToString()),
                    2 => text.Insert(i, "\n"),
                    3 => text.Insert(i, ": "),
                    4 => text.Insert(i, "- "),
                    _ => text.Insert(i, "  "),
                };
                if (text.Length == 0) text = "x";
            }
            var bag = new DiagnosticBag();
            var statute = Load(text, bag);
            // Either it loaded, or it said why, with a position inside the file.
            Assert.True(statute is not null || bag.Items.Count > 0);
            Assert.All(bag.Items, d => Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, d.ToString()));
        }, iter: 3000);
    }

    [Fact]
    public void Should_round_trip_a_valid_statute()
    {
        var text = Gen.String[Gen.Char[' ', '~'], 1, 60].Where(s => s.Trim().Length > 0);
        var gen = Gen.Select(text, Gen.Int[1800, 2026],
            Gen.Int[0, 3].Select(i => new[] { "in-force", "amended", "repealed", "bill" }[i]), text, Gen.Int[1, 400]);
        gen.Sample((title, year, status, summary, section) =>
        {
            var yaml = $"""
                id: pk-random-act
                jurisdiction: federal
                title: {Quote(title)}
                year: {year}
                status: {status}
                applies_to: [ict, punjab]
                themes: [labour]
                rules_notified: unknown
                source_url: https://example.org/x
                checked_on: 2026-01-01
                verification: secondary
                summary: {Quote(summary)}
                sections:
                  - number: "{section}"
                    heading: {Quote(title)}
                    summary: {Quote(summary)}
                """;
            var bag = new DiagnosticBag();
            var s = Load(yaml, bag);
            Assert.Empty(bag.Items);
            Assert.NotNull(s);
            Assert.Equal(title.Trim(), s!.Title);
            Assert.Equal(summary.Trim(), s.Summary);
            Assert.Equal(year, s.Year);
            Assert.Equal(status, YamlNames.Of(s.Status));
            Assert.Equal(section.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Sections[0].Number);
        }, iter: 1000);
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
