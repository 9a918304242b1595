using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Publish;

public sealed class BuildOutputTests
{
    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'),
                f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))),
                StringComparer.Ordinal);

    [Fact]
    public void Should_build_byte_identical_sites_from_the_same_content()
    {
        using var content = new TempContent();
        var second = content.Output + "-2";
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", second).ExitCode);
        var a = Snapshot(content.Output);
        var b = Snapshot(second);
        Assert.True(a.Count > 20);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Should_leave_previous_site_untouched_when_content_breaks()
    {
        // Given a good build
        using var content = new TempContent();
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        var before = Snapshot(content.Output);
        // When a record breaks and the build runs again
        content.Replace("statutes/punjab/punjab-test-act-2004.yaml", "year: 2004", "yaer: 2004");
        var result = Kb.Run("build", "--content", content.Content, "--output", content.Output);
        // Then it fails loudly and the old site is exactly as it was, with no temp folders left behind
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error KB2001", result.Err);
        Assert.Contains("nothing written", result.Err);
        Assert.Equal(before, Snapshot(content.Output));
        Assert.Single(Directory.EnumerateDirectories(content.Root), d => Path.GetFileName(d).Contains("_site"));
    }

    [Fact]
    public void Should_replace_site_completely_on_success()
    {
        // Given a site from an earlier build, with a page the content no longer makes
        using var content = new TempContent();
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        File.WriteAllText(Path.Combine(content.Output, "stale.html"), "old");
        // When the build runs again, then the stale page is gone
        Assert.Equal(0, Kb.Run("build", "--content", content.Content, "--output", content.Output).ExitCode);
        Assert.False(File.Exists(Path.Combine(content.Output, "stale.html")));
        Assert.True(File.Exists(Path.Combine(content.Output, "index.html")));
    }
}
