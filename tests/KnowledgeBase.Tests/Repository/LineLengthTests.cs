using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Repository;

/// <summary>The style rule "lines stay under 120 characters", checked so it stays true.</summary>
public sealed class LineLengthTests
{
    private const int Max = 120;

    [Fact]
    public void Should_keep_every_line_of_csharp_within_120_characters()
    {
        // Given every C# source file of the generator, the search library and the tests
        var files = new[] { "generator", "search", "tests" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Paths.Repo, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules"))
            .ToList();
        Assert.NotEmpty(files);
        // When their lines are measured in characters (text elements, so "—" counts as one)
        var tooLong = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, line)))
            .Where(x => new System.Globalization.StringInfo(x.line).LengthInTextElements > Max)
            .Select(x => $"{Path.GetRelativePath(Paths.Repo, x.File)}:{x.Line}")
            .ToList();
        // Then none is longer than the limit
        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} lines over {Max} characters: " + string.Join(", ", tooLong.Take(20)));
    }
}
