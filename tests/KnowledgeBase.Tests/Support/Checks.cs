using KnowledgeBase.Generator;
using KnowledgeBase.Generator.Diagnostics;

namespace KnowledgeBase.Tests.Support;

/// <summary>Runs `check` on a mutated copy of the fixture content and picks out diagnostics.</summary>
public static class Checks
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static IReadOnlyList<Diagnostic> With(Action<TempContent> mutate)
    {
        using var content = new TempContent();
        mutate(content);
        return Pipeline.Check(content.Content, Today).Diagnostics;
    }

    public static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{string.Join('\n', diagnostics)}");
        return matching[0];
    }
}
